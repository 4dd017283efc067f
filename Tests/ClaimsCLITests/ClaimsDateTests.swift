import Foundation
import TestSupport
import Testing

/// `CLAIMS_DATE` outside what a git commit can hold is refused, never wrapped; an empty one is
/// treated as unset.
@Suite struct ClaimsDateTests {
  private let range = "(1970-01-01T00:00:00Z to 2106-02-07T06:28:15Z)"

  @Test func aDateGitCannotHoldIsRefusedWithOneLineAndNothingIsWritten() throws {
    let fixture = try CLIFixture()
    let head = fixture.head
    for date in ["1969-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "2106-02-07T06:28:16Z", "9999-12-31T23:59:59Z"] {
      fixture.environment["CLAIMS_DATE"] = date
      expectRefusal(
        fixture.run("verdict", "storm:1", "supported"),
        containing: "CLAIMS_DATE '\(date)' is outside what a git commit can hold \(range)",
        ledger: fixture, head: head)
      expectRefusal(
        fixture.run("assign", "storm:1", "--to", "Ann <ann@example.org>"),
        containing: "outside what a git commit can hold")
    }
    #expect(fixture.head == head)
  }

  @Test func theFirstAndLastSecondsGitCanHoldAreWrittenExactly() throws {
    let fixture = try CLIFixture()
    fixture.environment["CLAIMS_DATE"] = "1970-01-01T00:00:00Z"
    #expect(fixture.run("verdict", "storm:1", "supported").status == 0)
    #expect(fixture.git("log", "-1", "--format=%at %ct") == "0 0\n")
    fixture.environment["CLAIMS_DATE"] = "2106-02-07T06:28:15Z"
    #expect(fixture.run("verdict", "storm:1", "refuted").status == 0)
    #expect(fixture.git("log", "-1", "--format=%at %ct") == "4294967295 4294967295\n")
    let log = fixture.run("log", "--json").stdout
    #expect(log.contains("2106-02-07T06:28:15Z") && log.contains("1970-01-01T00:00:00Z"), "\(log)")
  }

  @Test func anEmptyDateIsTreatedAsUnset() throws {
    let fixture = try CLIFixture()
    fixture.environment["CLAIMS_DATE"] = ""
    let before = Int(Date().timeIntervalSince1970)
    let given = fixture.run("verdict", "storm:1", "supported")
    #expect(given.status == 0, "\(given.stderr)")
    let time = Int(fixture.git("log", "-1", "--format=%at").trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    #expect(time >= before && time <= before + 600, "commit time \(time), now \(before)")
  }
}

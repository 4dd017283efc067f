import Foundation
import TestSupport
import Testing

/// What plain git commits can do to a ledger, and what claims says of it (issue 12, A4), and one
/// person, one identity (issue 11, B5).
@Suite struct LedgerIntegrityTests {
  /// The `reviewers` section of the JSON report, by reviewer.
  func activity(_ fixture: CLIFixture) throws -> [String: [String: Int]] {
    let report = fixture.run("report", "--format", "json")
    #expect(report.status == 0, "\(report.stderr)")
    let value = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
    let reviewers = try #require(value["reviewers"] as? [[String: Any]])
    var result: [String: [String: Int]] = [:]
    for reviewer in reviewers {
      guard let name = reviewer["reviewer"] as? String, let actions = reviewer["actions"] as? [String: Int] else {
        continue
      }
      result[name] = actions
    }
    return result
  }

  @Test func commitsWithForgedTrailersAreReportedAndNotCounted() throws {
    let fixture = try CLIFixture()
    #expect(fixture.run("verdict", "storm:1", "supported").status == 0)
    let before = try activity(fixture)
    let id = fixture.id(2)
    for round in 1...5 {
      fixture.git(
        "commit", "-q", "--allow-empty", "-m",
        "verdict: \(id) refuted\n\nClaim: \(id)\nSource: storm\nAction: verdict\nVerdict: refuted\nReviewer: Test Reviewer <reviewer@example.org>\nEvent: \(String(repeating: "\(round)", count: 16))"
      )
    }
    #expect(try activity(fixture) == before)
    let check = fixture.run("check")
    #expect(check.status == 1)
    let lines = check.stdout.split(separator: "\n").filter { $0.contains("changes no record it names") }
    #expect(lines.count == 5)
  }

  @Test func aClaimRewordedWithGitIsReportedAndShownWithAWarning() throws {
    let fixture = try CLIFixture()
    #expect(fixture.run("verdict", "storm:2", "refuted").status == 0)
    let path = "Claims/storm/\(fixture.id(2)).json"
    let record = try fixture.scratch.read(path)
    let edited = record.replacingOccurrences(of: "40 homes", with: "4 homes")
    #expect(edited != record)
    try fixture.scratch.write(edited, to: path)
    fixture.git("commit", "-q", "-am", "reword")
    let check = fixture.run("check")
    #expect(check.status == 1)
    #expect(check.stdout.contains("\(path): its text is not what seeds/storm.txt holds"))
    let show = fixture.run("show", "storm:2")
    #expect(show.status == 0)
    #expect(show.stderr.contains("its text is not what seeds/storm.txt holds"))
  }

  @Test func oneNameTypedTwoWaysIsOneReviewer() throws {
    let fixture = try CLIFixture()
    #expect(fixture.run("verdict", "storm:1", "supported", "--reviewer", "Jos\u{00E9}").status == 0)
    #expect(fixture.run("verdict", "storm:1", "refuted", "--reviewer", "Jose\u{0301}").status == 0)
    let files = fixture.git("ls-tree", "-r", "--name-only", "HEAD", "Reviews/storm/\(fixture.id(1))")
    #expect(files.split(separator: "\n").count == 1)
    #expect(fixture.run("list", "--status", "disputed").stdout.isEmpty)
    // E-mail keys ignore case.
    #expect(fixture.run("verdict", "storm:2", "supported", "--reviewer", "Ana <ANA@example.org>").status == 0)
    #expect(fixture.run("verdict", "storm:2", "refuted", "--reviewer", "Ana <ana@example.org>").status == 0)
    #expect(fixture.run("list", "--status", "disputed").stdout.isEmpty)
  }

  @Test func anAddressAloneKeepsTheNameAndANameAloneIsNotASecondPerson() throws {
    let fixture = try CLIFixture()
    let tom = "Tom Brandt <tom@desk.example>"
    #expect(fixture.run("verdict", "storm:1", "supported", "--reviewer", tom).status == 0)
    #expect(fixture.run("verdict", "storm:2", "supported", "--reviewer", "<tom@desk.example>").status == 0)
    #expect(fixture.run("list", "--reviewer", "Tom Brandt <tom@desk.example>").stdout.split(separator: "\n").count == 2)
    let json = fixture.run("show", "storm:2", "--json").stdout
    #expect(json.contains("\"reviewer\": \"Tom Brandt <tom@desk.example>\""))
    let refused = fixture.run("verdict", "storm:3", "refuted", "--reviewer", "Tom")
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("'Tom Brandt <tom@desk.example>' has"))
    #expect(fixture.run("verdict", "storm:3", "refuted", "--reviewer", "Tom").status == 1)
  }

  @Test func aMailmapJoinsAliasesSoReportsCountOnePersonOnce() throws {
    let fixture = try CLIFixture()
    #expect(fixture.run("verdict", "storm:1", "supported", "--reviewer", "Tom Brandt <tom@desk.example>").status == 0)
    #expect(fixture.run("verdict", "storm:1", "refuted", "--reviewer", "T. Brandt <tbrandt@home.example>").status == 0)
    #expect(fixture.run("list", "--status", "disputed").stdout.split(separator: "\n").count == 1)
    try fixture.scratch.write("Tom Brandt <tom@desk.example> <tbrandt@home.example>\n", to: ".mailmap")
    fixture.git("add", ".mailmap")
    fixture.git("commit", "-q", "-m", "one person")
    // One person's two reviews are one: the later verdict stands, no dispute, one reviewer.
    #expect(fixture.run("list", "--status", "disputed").stdout.isEmpty)
    let reviewers = try activity(fixture).keys.filter { $0.contains("Brandt") }
    #expect(reviewers == ["Tom Brandt <tom@desk.example>"])
    // Acting as the alias now writes the person's own file.
    #expect(
      fixture.run("verdict", "storm:2", "supported", "--reviewer", "T. Brandt <tbrandt@home.example>").status == 0)
    let files = fixture.git("ls-tree", "-r", "--name-only", "HEAD", "Reviews/storm/\(fixture.id(2))")
    #expect(
      files.trimmingCharacters(in: .whitespacesAndNewlines) == "Reviews/storm/\(fixture.id(2))/tom@desk.example.json")
  }

  @Test func meMeansYouWhereverAPersonIsExpected() throws {
    let fixture = try CLIFixture()
    #expect(fixture.run("assign", "storm:1", "--to", "me").status == 0)
    let json = fixture.run("list", "--assigned-to", "me", "--json").stdout
    #expect(json.contains("\"assignee\": \"Test Reviewer <reviewer@example.org>\""))
    #expect(fixture.run("verdict", "storm:2", "supported").status == 0)
    #expect(fixture.run("list", "--reviewer", "me").stdout.split(separator: "\n").count == 1)
    #expect(fixture.run("log", "--reviewer", "me").stdout.contains("verdict  \(fixture.id(2)) supported"))
    // Acting as `me` is acting as yourself, not as a person called "me".
    #expect(fixture.run("verdict", "storm:3", "opinion", "--reviewer", "me").status == 0)
    #expect(fixture.run("dismiss", "storm:4", "--author", "Me").status == 0)
    #expect(
      fixture.git("ls-tree", "-r", "--name-only", "HEAD", "Reviews/storm/\(fixture.id(3))")
        == "Reviews/storm/\(fixture.id(3))/reviewer@example.org.json\n")
    #expect(fixture.git("log", "-1", "--format=%an") != "Me\n")
  }

  @Test func aReviewOfAClaimRetiredWithoutReplacementStaysFindable() throws {
    let fixture = try CLIFixture()
    #expect(fixture.run("verdict", "storm:4", "misleading").status == 0)
    let id = fixture.id(4)
    let text = try fixture.scratch.read("seeds/storm.txt")
    let fourth = try #require(
      fixture.run("show", "storm:4", "--json").stdout.split(separator: "\n").first { $0.contains("\"text\"") })
    #expect(!fourth.isEmpty)
    // A revision without the fourth sentence: its claim is retired with no replacement.
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    lines.removeAll { $0.contains("Schools") }
    try fixture.scratch.write(lines.joined(separator: "\n"), to: ".git/v2.txt")
    #expect(fixture.run("import", fixture.scratch.path(".git/v2.txt"), "--id", "storm", "--replace").status == 0)
    let retired = fixture.run("list", "--status", "retired").stdout
    #expect(retired.hasPrefix(id) && retired.contains("misleading"))
    #expect(fixture.run("show", id).stdout.contains("misleading"))
  }

  @Test func aSourceMixingTwoImportsIsNeverReadSilently() throws {
    let fixture = try CLIFixture()
    // A second claim at ordinal 2, as a merge of two imports made with git would leave it.
    let original = "Claims/storm/\(fixture.id(2)).json"
    let record = try fixture.scratch.read(original)
    let other = "0123456789"
    try fixture.scratch.write(
      record.replacingOccurrences(of: fixture.id(2), with: other).replacingOccurrences(of: "40 homes", with: "4 homes"),
      to: "Claims/storm/\(other).json")
    fixture.git("add", "-A")
    fixture.git("commit", "-q", "-m", "a mixed source")
    let show = fixture.run("show", "storm:2")
    #expect(show.status == 1)
    #expect(show.stderr.hasPrefix("Error: storm:2 names 2 claims: "))
    let check = fixture.run("check")
    #expect(check.status == 1)
    #expect(check.stdout.contains("are both storm:2; the source mixes two imports"))
  }
}

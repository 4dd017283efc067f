import Foundation
import TestSupport
import Testing

/// What a review action refuses to write, so that nothing recorded is lost to an unreadable file or
/// to another reviewer's file, and nothing unsafe reaches the ledger or a terminal.
@Suite struct ReviewGuardTests {
  @Test func aReviewersUnreadableFileIsNeverOverwritten() throws {
    let fixture = try CLIFixture()
    fixture.run("verdict", "storm:1", "refuted", "--note", "the county data disagree")
    let path = "Reviews/storm/\(fixture.id(1))/reviewer@example.org.json"
    try fixture.scratch.write("{ \"format_version\": 1, ", to: path)
    try ProcessRunner.git(["commit", "-q", "-am", "someone broke the file"], in: fixture.path)
    let head = fixture.head
    expectRefusal(
      fixture.run("verdict", "storm:1", "supported"), containing: "\(path) cannot be read", ledger: fixture, head: head)
    expectRefusal(
      fixture.run("note", "storm:1", "again"), containing: "fix it or remove it with 'git rm'", ledger: fixture,
      head: head)
    #expect(try String(contentsOfFile: fixture.scratch.path(path), encoding: .utf8) == "{ \"format_version\": 1, ")
  }

  @Test func anUnreadableConfigStopsWritesInsteadOfFallingBackToTheDefaultScale() throws {
    let fixture = try CLIFixture()
    try fixture.scratch.write("{", to: "ledger.json")
    try ProcessRunner.git(["commit", "-q", "-am", "someone broke the config"], in: fixture.path)
    let head = fixture.head
    expectRefusal(
      fixture.run("verdict", "storm:1", "supported"), containing: "ledger.json cannot be read", ledger: fixture,
      head: head)
    expectRefusal(
      fixture.run("assign", "storm:1", "--to", "Ana <ana@example.org>"), containing: "ledger.json cannot be read",
      ledger: fixture, head: head)
  }

  @Test func twoIdentitiesNeverShareAReviewFile() throws {
    let fixture = try CLIFixture()
    fixture.run("verdict", "storm:1", "supported", "--reviewer", "Ana")
    let head = fixture.head
    expectRefusal(
      fixture.run("verdict", "storm:1", "refuted", "--reviewer", "Mallory <ana>"),
      containing: "'ana' is not an e-mail address", ledger: fixture, head: head)
    // A file someone committed under the same name for an identity with an address is not taken over.
    let path = "Reviews/storm/\(fixture.id(1))/ana.json"
    let foreign = try String(contentsOfFile: fixture.scratch.path(path), encoding: .utf8)
      .replacingOccurrences(of: "\"reviewer\": \"Ana\"", with: "\"reviewer\": \"Ana <ana>\"")
    #expect(foreign.contains("Ana <ana>"))
    try fixture.scratch.write(foreign, to: path)
    try ProcessRunner.git(["commit", "-q", "-am", "a file of Ana <ana>"], in: fixture.path)
    let after = fixture.head
    expectRefusal(
      fixture.run("verdict", "storm:1", "refuted", "--reviewer", "Ana"), containing: "belongs to 'Ana <ana>'",
      ledger: fixture, head: after)
  }

  @Test func anEmptyReviewerFlagIsRefused() throws {
    let fixture = try CLIFixture()
    let head = fixture.head
    expectRefusal(
      fixture.run("verdict", "storm:1", "supported", "--reviewer", ""), status: 64,
      containing: "The value '' is invalid for '--reviewer <identity>'",
      ledger: fixture, head: head)
  }

  @Test func escapeSequencesInNotesAndCitationsAreRefused() throws {
    let fixture = try CLIFixture()
    let head = fixture.head
    expectRefusal(
      fixture.run("note", "storm:1", "x \u{1B}]0;owned\u{7} \u{1B}[2J"),
      containing: "the note contains control characters",
      ledger: fixture, head: head)
    expectRefusal(
      fixture.run("verdict", "storm:1", "refuted", "--note", "bad\u{9B}31m"), containing: "control characters",
      ledger: fixture, head: head)
    expectRefusal(
      fixture.run("cite", "storm:1", "https://example.org", "--title", "T\u{1B}[31m"),
      containing: "a citation title contains control characters", ledger: fixture, head: head)
    #expect(fixture.run("note", "storm:1", "Two lines:\n\tboth kept").status == 0)
  }

  @Test func fileCitationsMustNameAPlainPathUnderSeeds() throws {
    let fixture = try CLIFixture()
    let head = fixture.head
    expectRefusal(
      fixture.run("cite", "storm:1", "file://\(fixture.path)/seeds/.."), containing: "not a plain path under seeds/",
      ledger: fixture, head: head)
    expectRefusal(
      fixture.run("cite", "storm:1", "file:seeds/storm.txt"), containing: "a file: URL needs an absolute path",
      ledger: fixture, head: head)
    let cited = fixture.run("cite", "storm:1", "file://localhost\(fixture.path)/seeds/storm.txt")
    #expect(cited.status == 0, "\(cited.stderr)")
    #expect(fixture.git("log", "-1", "--format=%s") == "cite: \(fixture.id(1)) seeds/storm.txt\n")
  }

  @Test func webAddressesAreCheckedForHostPortAndCompleteness() throws {
    let fixture = try CLIFixture()
    let head = fixture.head
    for (url, fragment) in [
      ("https://example.org:99999/", "has an invalid port"), ("https://.../", "has an invalid host name"),
      ("https://a..b/x", "has an invalid host name"), ("https:", "is not a complete web address"),
      ("http:example.org", "is not a complete web address"), ("http://", "has no host name; write it as"),
      ("https://exa mple.org", "write a space as %20"),
    ] {
      expectRefusal(fixture.run("cite", "storm:1", url), containing: fragment, ledger: fixture, head: head)
    }
    for url in ["https://example.org./x", "https://u@example.org:8080/x", "https://[::1]:8080/", "https://例え.jp/"] {
      #expect(fixture.run("cite", "storm:1", url).status == 0, "\(url)")
    }
  }

  @Test func anAccessDateInTheFutureIsRefused() throws {
    let fixture = try CLIFixture()
    fixture.environment["CLAIMS_DATE"] = "2026-11-24T23:00:00Z"
    let head = fixture.head
    expectRefusal(
      fixture.run("cite", "storm:1", "https://example.org", "--accessed", "2026-11-26"), status: 64,
      containing: "it is in the future", ledger: fixture, head: head)
    #expect(fixture.run("cite", "storm:1", "https://example.org", "--accessed", "2026-11-25").status == 0)
  }

  @Test func aCSLDateThatCannotBeReadIsNamedNotDroppedSilently() throws {
    let fixture = try CLIFixture()
    try fixture.scratch.write(
      #"[{"id": "r", "type": "report", "title": "T", "URL": "https://example.org/r", "issued": {"raw": "Spring 2019"}}]"#,
      to: ".git/reference.json")
    let cited = fixture.run("cite", "storm:1", "--csl", fixture.scratch.path(".git/reference.json"))
    #expect(cited.status == 0)
    #expect(cited.stderr.contains("the reference's 'issued' date is not a date claims can read"))
    #expect(cited.stderr.contains("give --published YYYY-MM-DD"))
    let given = fixture.run(
      "cite", "storm:2", "--csl", fixture.scratch.path(".git/reference.json"), "--published", "2019-04-01")
    #expect(given.status == 0)
    #expect(given.stderr == "")
  }

  @Test func theReviewSessionRefusesABadCitationAndKeepsTheReview() throws {
    let fixture = try CLIFixture()
    let result = fixture.run("review", input: "r\nc\njavascript:alert(1)\n\nq\n")
    #expect(result.status == 0)
    #expect(result.stderr.contains("'javascript:' scheme is not accepted"))
    #expect(!result.stdout.contains("Stance"))
    #expect(fixture.git("log", "-1", "--format=%s") == "verdict: \(fixture.id(1)) refuted\n")
    #expect(fixture.run("check").status == 0)
    #expect(fixture.run("show", "storm:1").stdout.contains("refuted"))
  }
}

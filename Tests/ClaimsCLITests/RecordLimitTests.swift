import Foundation
import TestSupport
import Testing

/// Every write is checked against the reader's limits before anything is committed: a record the
/// ledger would refuse to read back (more than 1 MiB) is never written, and the refusal names the
/// field and the limit.
@Suite struct RecordLimitTests {
  private static let limit = "1048576 bytes (1 MiB)"

  private func text(_ count: Int, _ letter: Character = "x") -> String {
    String(repeating: letter, count: count)
  }

  /// Checks a refusal left the ledger exactly as it was, and that its reviews still read.
  private func expectUnchanged(
    _ fixture: CLIFixture, head: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(fixture.head == head, sourceLocation: sourceLocation)
    #expect(fixture.status == "", sourceLocation: sourceLocation)
    let check = fixture.run("check")
    #expect(check.status == 0, "check: \(check.stdout)\(check.stderr)", sourceLocation: sourceLocation)
  }

  @Test func citationsThatWouldPushAReviewOverTheLimitAreRefusedAndTheReviewStaysReadable() throws {
    let fixture = try CLIFixture()
    let id = fixture.id(2)
    #expect(fixture.run("verdict", id, "refuted", "--note", "memo says otherwise").status == 0)
    let title = text(120_000)
    for number in 1...8 {
      let cited = fixture.run("cite", id, "https://example.org/\(number)", "--title", title)
      #expect(cited.status == 0, "\(cited.stderr)")
    }
    let head = fixture.head
    let refused = fixture.run("cite", id, "https://example.org/9", "--title", title)
    expectRefusal(refused, containing: "more than the \(Self.limit) a ledger record may hold")
    #expect(refused.stderr.contains("Reviews/storm/\(id)/reviewer@example.org.json would be"))
    #expect(refused.stderr.contains("its field 'events' (10 entries)"))
    expectUnchanged(fixture, head: head)
    let shown = fixture.run("show", id, "--no-color")
    #expect(shown.stdout.contains("refuted") && shown.stdout.contains("memo says otherwise"), "\(shown.stdout)")
    #expect(!shown.stderr.contains("warning"), "\(shown.stderr)")
  }

  @Test func aHugeCitationTitleQuoteOrCSLTitleIsRefusedNamingTheField() throws {
    let fixture = try CLIFixture()
    let id = fixture.id(1)
    let head = fixture.head
    let byTitle = fixture.run("cite", id, "https://example.org/a", "--title", text(1_500_000))
    expectRefusal(byTitle, containing: "its field 'citation.title' alone is 1500003 bytes")
    #expect(byTitle.stderr.contains(Self.limit))
    let byQuote = fixture.run("cite", id, "https://example.org/a", "--quote", text(1_100_000))
    expectRefusal(byQuote, containing: "its field 'citation.quote' alone is")
    let csl = "[{\"type\": \"article\", \"URL\": \"https://example.org/c\", \"title\": \"\(text(1_500_000))\"}]"
    let cslPath = try fixture.writeBeside(csl, name: "huge.csl.json")
    let byCSL = fixture.run("cite", id, "--csl", cslPath)
    expectRefusal(byCSL, containing: "its field 'citation.title' alone is 1500003 bytes")
    expectUnchanged(fixture, head: head)
  }

  @Test func aHugeNoteIsRefusedByVerdictNoteAndTheReviewSession() throws {
    let fixture = try CLIFixture()
    let id = fixture.id(1)
    let head = fixture.head
    let note = text(1_100_000, "n")
    expectRefusal(fixture.run("note", id, note), containing: "its field 'note' alone is 1100003 bytes")
    expectRefusal(
      fixture.run("verdict", id, "supported", "--note", note), containing: "its field 'note' alone is 1100003 bytes")
    let session = fixture.run("review", input: "n\n\(note)\nq\n")
    #expect(session.status == 0)
    #expect(session.stderr.contains("its field 'note' alone is 1100003 bytes"), "\(session.stderr.prefix(300))")
    expectUnchanged(fixture, head: head)
  }

  @Test func anImportOrReimportWithAHugeTitleIsRefusedAndWritesNothing() throws {
    let fixture = try CLIFixture()
    let head = fixture.head
    let article = try fixture.writeBeside(CLIFixture.article, name: "again.txt")
    let imported = fixture.run("import", article, "--id", "again", "--title", text(1_100_000, "t"))
    expectRefusal(imported, containing: "seeds/again.json would be")
    #expect(imported.stderr.contains("its field 'title' alone is 1100003 bytes"))
    let replaced = fixture.run("import", article, "--id", "storm", "--replace", "--title", text(1_100_000, "t"))
    expectRefusal(replaced, containing: "seeds/storm.json would be")
    expectUnchanged(fixture, head: head)
    #expect(fixture.run("list", "--source", "again").status != 0)
  }

  @Test func anAssignmentToAHugeNameIsRefused() throws {
    let fixture = try CLIFixture()
    let head = fixture.head
    let assigned = fixture.run("assign", fixture.id(1), "--to", "\(text(1_100_000, "a")) <a@example.org>")
    expectRefusal(assigned, containing: "its field 'assignee' alone is")
    #expect(assigned.stderr.contains("Assignments/storm/"))
    expectUnchanged(fixture, head: head)
  }
}

import ClaimModel
import Foundation
import TestSupport
import Testing

@Suite struct VerdictCommandTests {
  @Test func verdictCommitsTheReviewersFileWithParsableTrailers() throws {
    let fixture = try CLIFixture()
    let id = fixture.id(2)
    let result = fixture.run("verdict", "storm:2", "refuted", "--note", "Records show 12 homes.")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("Recorded refuted on \(id) (storm:2) in commit "))
    #expect(fixture.status == "")
    let path = "Reviews/storm/\(id)/reviewer@example.org.json"
    let review = try Review(decoding: Array(try fixture.scratch.read(path).utf8))
    #expect(review.verdict == "refuted")
    #expect(review.note == "Records show 12 homes.")
    #expect(review.reviewer.description == "Test Reviewer <reviewer@example.org>")
    #expect(
      fixture.git("log", "-1", "--format=%an <%ae>|%s")
        == "Test Reviewer <reviewer@example.org>|verdict: \(id) refuted\n")
    let trailers = fixture.git("log", "-1", "--format=%(trailers:only,unfold)")
    #expect(trailers.contains("Claim: \(id)\n"))
    #expect(trailers.contains("Action: verdict\n"))
    #expect(trailers.contains("Verdict: refuted\n"))
    #expect(trailers.contains("Reviewer: Test Reviewer <reviewer@example.org>\n"))

    let changed = fixture.run("verdict", id, "supported")
    #expect(changed.stdout.contains("(was refuted)"))
    #expect(fixture.git("log", "-1", "--format=%s") == "verdict: \(id) refuted -> supported\n")
    #expect(fixture.git("log", "-1", "--format=%(trailers:key=Previous-Verdict,valueonly)").hasPrefix("refuted"))
    let same = fixture.run("verdict", id, "supported")
    #expect(same.stdout.hasPrefix("Nothing to record"))
  }

  @Test func unknownVerdictIsRefusedWithTheValidOnes() throws {
    let fixture = try CLIFixture()
    let head = fixture.head
    let result = fixture.run("verdict", "storm:1", "refutd")
    expectRefusal(
      result, containing: "valid verdicts: supported, mostly-supported, misleading, refuted, unverifiable, opinion",
      ledger: fixture, head: head)
    #expect(result.stderr.contains("Did you mean 'refuted'?"))
  }

  @Test func reviewerIdentityComesFromTheFlagThenTheEnvironment() throws {
    let fixture = try CLIFixture()
    fixture.run("verdict", "storm:1", "supported", "--reviewer", "Flag Person <flag@example.org>")
    #expect(fixture.git("log", "-1", "--format=%an") == "Flag Person\n")
    fixture.run("verdict", "storm:1", "supported")
    #expect(fixture.git("log", "-1", "--format=%an") == "Test Reviewer\n")
    fixture.environment["CLAIMS_REVIEWER"] = nil
    try ProcessRunner.git(["config", "user.name", "Config Person"], in: fixture.path)
    try ProcessRunner.git(["config", "user.email", "config@example.org"], in: fixture.path)
    fixture.run("verdict", "storm:1", "supported")
    #expect(fixture.git("log", "-1", "--format=%an <%ae>") == "Config Person <config@example.org>\n")
  }

  @Test(arguments: ["../../../../tmp/evil", "a/b\\c", "line\u{0}nul", "..", "Ünï Cödé"])
  func hostileReviewerNamesStayInsideTheClaimDirectory(name: String) throws {
    let fixture = try CLIFixture()
    let result = fixture.run("verdict", "storm:1", "opinion", "--reviewer", name)
    if result.status != 0 {
      expectRefusal(result, status: 64, containing: "is invalid for '--reviewer <identity>'")
      return
    }
    let files = fixture.git("ls-tree", "-r", "--name-only", "HEAD", "Reviews").split(separator: "\n")
    #expect(files.count == 1)
    let file = try #require(files.first)
    #expect(file.hasPrefix("Reviews/storm/\(fixture.id(1))/"))
    #expect(file.split(separator: "/").count == 4)
    #expect(!file.contains(".."))
  }
}

@Suite struct CitationCommandTests {
  @Test func citeAndUnciteKeepTheReviewersList() throws {
    let fixture = try CLIFixture()
    let id = fixture.id(2)
    let first = fixture.run(
      "cite", id, "https://example.org/report", "--title", "Damage report", "--publisher", "County", "--published",
      "2024-09-18", "--quote", "12 homes", "--stance", "refutes")
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("as your citation 1"))
    fixture.run("cite", id, "doi:10.1000/182")
    fixture.run("cite", id, "seeds/storm.txt", "--stance", "context")
    let review = try Review(
      decoding: Array(try fixture.scratch.read("Reviews/storm/\(id)/reviewer@example.org.json").utf8))
    #expect(review.citations.map(\.url) == ["https://example.org/report", "doi:10.1000/182", "seeds/storm.txt"])
    #expect(review.citations[0].accessed?.text == "2026-11-24")
    #expect(review.citations[0].stance == .refutes)
    #expect(review.verdict == nil)
    let removed = fixture.run("uncite", id, "2")
    #expect(removed.stdout.hasPrefix("Removed your citation 2 from \(id)"))
    let after = try Review(
      decoding: Array(try fixture.scratch.read("Reviews/storm/\(id)/reviewer@example.org.json").utf8))
    #expect(after.citations.map(\.url) == ["https://example.org/report", "seeds/storm.txt"])
    #expect(fixture.git("log", "-1", "--format=%s") == "uncite: \(id) #2 doi:10.1000/182\n")
  }

  @Test func badCitationsAreRefused() throws {
    let fixture = try CLIFixture()
    let head = fixture.head
    expectRefusal(
      fixture.run("cite", "storm:1", "javascript:alert(1)"), containing: "'javascript:' scheme", ledger: fixture,
      head: head)
    expectRefusal(
      fixture.run("cite", "storm:1", "file:///etc/passwd"), containing: "outside the ledger", ledger: fixture,
      head: head)
    expectRefusal(
      fixture.run("cite", "storm:1", "seeds/other.txt"), containing: "is not in the ledger", ledger: fixture, head: head
    )
    expectRefusal(fixture.run("cite", "storm:1", "https://"), containing: "no host name", ledger: fixture, head: head)
    expectRefusal(
      fixture.run("cite", "storm:1", "https://example.org", "--accessed", "tomorrow"), status: 64,
      containing: "'--accessed <date>'", ledger: fixture, head: head)
    expectRefusal(
      fixture.run("cite", "storm:1", "https://example.org", "--stance", "maybe"), status: 64, containing: "'--stance",
      ledger: fixture, head: head)
    expectRefusal(fixture.run("uncite", "storm:1", "1"), containing: "no citations", ledger: fixture, head: head)
    fixture.run("cite", "storm:1", "https://example.org")
    let after = fixture.head
    // One citation: named as the only one, not as a range "1–1".
    expectRefusal(
      fixture.run("uncite", "storm:1", "3"),
      containing: "citation 3 does not exist; your only one on claim \(fixture.id(1)) is citation 1 ('claims show",
      ledger: fixture, head: after)
    expectRefusal(
      fixture.run("cite", "storm:1", "https://example.org"), containing: "already cite", ledger: fixture, head: after)
  }

  @Test func citeReadsCSLJSON() throws {
    let fixture = try CLIFixture()
    let csl = """
      [{"id": "report2024", "type": "report", "title": "County damage assessment", "publisher": "Coast County",
        "URL": "https://county.example.gov/damage.pdf", "issued": {"date-parts": [[2024, 9, 18]]},
        "accessed": {"date-parts": [[2024, 9, 20]]}}]
      """
    try fixture.scratch.write(csl, to: "../ref.json")
    defer { try? FileManager.default.removeItem(atPath: fixture.scratch.path("../ref.json")) }
    let result = fixture.run("cite", "storm:2", "--csl", "../ref.json", "--stance", "refutes")
    #expect(result.status == 0, "\(result.stderr)")
    let review = try Review(
      decoding: Array(try fixture.scratch.read("Reviews/storm/\(fixture.id(2))/reviewer@example.org.json").utf8))
    let citation = try #require(review.citations.first)
    #expect(citation.url == "https://county.example.gov/damage.pdf")
    #expect(citation.title == "County damage assessment")
    #expect(citation.publisher == "Coast County")
    #expect(citation.published?.text == "2024-09-18")
    #expect(citation.accessed?.text == "2024-09-20")

    try fixture.scratch.write("{\"not\": \"csl\"}", to: "../bad.json")
    try fixture.scratch.write("this is not json", to: "../worse.json")
    defer {
      try? FileManager.default.removeItem(atPath: fixture.scratch.path("../bad.json"))
      try? FileManager.default.removeItem(atPath: fixture.scratch.path("../worse.json"))
    }
    let head = fixture.head
    expectRefusal(
      fixture.run("cite", "storm:2", "--csl", "../bad.json"), containing: "not CSL-JSON", ledger: fixture, head: head)
    expectRefusal(
      fixture.run("cite", "storm:2", "--csl", "../worse.json"), containing: "is not CSL-JSON", ledger: fixture,
      head: head)
  }

  @Test func notesAreSetAndRemoved() throws {
    let fixture = try CLIFixture()
    #expect(fixture.run("note", "storm:3", "Ask the mayor's office.").stdout.hasPrefix("Saved your note"))
    #expect(fixture.run("show", "storm:3").stdout.contains("    note: Ask the mayor's office.\n"))
    #expect(fixture.run("note", "storm:3", "").stdout.hasPrefix("Removed your note"))
    // The file keeps the reviewer's events, so a merge cannot bring the note back; the review says nothing.
    #expect(fixture.git("ls-tree", "-r", "--name-only", "HEAD", "Reviews").contains("reviewer@example.org.json"))
    #expect(fixture.run("show", "storm:3").stdout.contains("No reviews yet"))
  }
}

@Suite struct FindingWorkTests {
  @Test func listFiltersByStatusVerdictReviewerAssigneeAndText() throws {
    let fixture = try CLIFixture()
    let ids = (1...4).map { fixture.id($0) }
    fixture.run("verdict", "storm:1", "supported", "--reviewer", "Ada <ada@example.org>")
    fixture.run("cite", "storm:1", "https://example.org/a", "--reviewer", "Ada <ada@example.org>")
    fixture.run("verdict", "storm:2", "supported", "--reviewer", "Ada <ada@example.org>")
    fixture.run("verdict", "storm:2", "refuted", "--reviewer", "Bob <bob@example.org>")
    fixture.run("verdict", "storm:3", "opinion", "--reviewer", "Bob <bob@example.org>")
    func listed(_ arguments: String...) -> [String] {
      CLIHarness.run(["list"] + arguments, in: fixture.path, environment: fixture.environment).stdout
        .split(separator: "\n").map { String($0.prefix(10)) }
    }
    #expect(listed("--status", "unreviewed") == [ids[3]])
    #expect(listed("--status", "reviewed") == [ids[0], ids[1], ids[2]])
    #expect(listed("--status", "uncited") == [ids[1], ids[3]])
    #expect(listed("--status", "disputed") == [ids[1]])
    #expect(listed("--status", "flagged") == [ids[1]])
    #expect(listed("--status", "verified") == [ids[0]])
    #expect(listed("--verdict", "supported") == [ids[0], ids[1]])
    #expect(listed("--reviewer", "bob") == [ids[1], ids[2]])
    #expect(listed("--reviewer", "ada@example.org") == [ids[0], ids[1]])
    #expect(listed("--grep", "MAYOR") == [ids[2]])
    expectRefusal(fixture.run("list", "--status", "unreviwed"), status: 64, containing: "Did you mean 'unreviewed'?")

    let assigned = fixture.run(
      "assign", "--source", "storm", "--status", "unreviewed", "--to", "Carol <carol@example.org>")
    #expect(assigned.stdout.hasPrefix("Assigned claim \(ids[3]) to Carol <carol@example.org> in commit "))
    fixture.run("assign", ids[0], "storm:2", "--to", "Carol <carol@example.org>")
    #expect(listed("--assigned-to", "carol@example.org") == [ids[0], ids[1], ids[3]])
    fixture.environment["CLAIMS_REVIEWER"] = "Carol <carol@example.org>"
    #expect(listed("--assigned-to", "me") == [ids[0], ids[1], ids[3]])
    #expect(fixture.run("show", "storm:4").stdout.contains("assigned to: Carol <carol@example.org> (by Test Importer"))
    fixture.run("unassign", ids[0])
    #expect(listed("--assigned-to", "me") == [ids[1], ids[3]])
    #expect(fixture.run("unassign", ids[0]).stdout.hasPrefix("Nothing to do"))
    #expect(fixture.status == "")

    let json = fixture.run("list", "--status", "disputed", "--json").stdout
    let claims = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
    let status = try #require(claims.first?["status"] as? [String: Any])
    #expect(status["verdicts"] as? [String] == ["supported", "refuted"])
    #expect(claims.first?["assignee"] as? String == "Carol <carol@example.org>")
  }

  @Test func anUnknownVerdictFilterIsAnErrorNotAnEmptyList() throws {
    let fixture = try CLIFixture()
    fixture.run("verdict", "storm:1", "refuted")
    expectRefusal(fixture.run("list", "--verdict", "refutd"), containing: "Did you mean 'refuted'?")
    #expect(fixture.run("list", "--verdict", "Refuted").stdout.contains(fixture.id(1)))
  }

  @Test func showListsEveryReviewWithItsCitations() throws {
    let fixture = try CLIFixture()
    fixture.run("verdict", "storm:2", "refuted", "--reviewer", "Bob <bob@example.org>", "--note", "Only 12.")
    fixture.run("cite", "storm:2", "https://example.org/r", "--title", "Report", "--reviewer", "Bob <bob@example.org>")
    fixture.run("verdict", "storm:2", "supported", "--reviewer", "Ada <ada@example.org>")
    let shown = fixture.run("show", "storm:2").stdout
    #expect(shown.contains("Reviews (2):\n  Ada <ada@example.org>     supported         2026-11-24\n"))
    #expect(shown.contains("  Bob <bob@example.org>     refuted           2026-11-24\n    note: Only 12.\n"))
    #expect(shown.contains("    [1] https://example.org/r, “Report” accessed 2026-11-24\n"))
  }

  @Test func malformedReviewFilesAreReportedByNameNotCrashedOn() throws {
    let fixture = try CLIFixture()
    let id = fixture.id(1)
    let directory = "Reviews/storm/\(id)"
    try fixture.scratch.write("{ this is not json", to: "\(directory)/broken.json")
    try fixture.scratch.write("{\"format_version\": 1, \"claim\": 5}", to: "\(directory)/typed.json")
    try fixture.scratch.write(String(repeating: "[", count: 10_000), to: "\(directory)/deep.json")
    try ProcessRunner.git(["add", "-A"], in: fixture.path)
    try ProcessRunner.git(["commit", "-q", "-m", "someone else's broken files"], in: fixture.path)
    let shown = fixture.run("show", id)
    #expect(shown.status == 0)
    #expect(shown.stderr.contains("warning: \(directory)/broken.json: not valid JSON"))
    #expect(shown.stderr.contains("warning: \(directory)/typed.json: field 'claim' must be a string"))
    #expect(shown.stderr.contains("warning: \(directory)/deep.json: not valid JSON: nested deeper than 64 levels"))
    #expect(fixture.run("list", "--status", "reviewed").status == 0)
    let recorded = fixture.run("verdict", id, "supported")
    #expect(recorded.status == 0)
  }
}

@Suite struct ReviewSessionTests {
  @Test func pipedAnswersAreRecordedOneCommitEach() throws {
    let fixture = try CLIFixture()
    let head = fixture.head
    let input = "r\nc\nhttps://example.org/evidence\nrefutes\n\n\nn\nChecked the county data.\n\n\ns\nx\n\nq\n"
    let result = fixture.run("review", input: input)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("1/4  claim \(fixture.id(1))"))
    #expect(result.stdout.contains("3/4  claim \(fixture.id(3))"))
    #expect(result.stdout.contains("Unknown answer 'x'; press ? for help."))
    #expect(result.stdout.hasSuffix("Went through 4 of 4 claims: 2 verdicts, 1 citation, 1 note recorded.\n"))
    let subjects = fixture.git("log", "--format=%s", "\(head.trimmingCharacters(in: .whitespacesAndNewlines))..HEAD")
    #expect(
      subjects
        == "verdict: \(fixture.id(3)) supported\nnote: \(fixture.id(1))\ncite: \(fixture.id(1)) https://example.org/evidence\nverdict: \(fixture.id(1)) refuted\n"
    )
    #expect(fixture.status == "")
    let again = fixture.run("review", input: "q\n")
    #expect(again.stdout.contains("1/2  claim \(fixture.id(2))"))
  }

  @Test func aChangedVerdictIsCountedAsChangedAndUndoTakesTheLastAnswerBack() throws {
    let fixture = try CLIFixture()
    let id = fixture.id(1)
    let changed = fixture.run("review", input: "r\ns\n\nq\n")
    #expect(
      changed.stdout.hasSuffix(
        "Went through 2 of 4 claims: 1 verdict, 1 verdict changed, 0 citations, 0 notes recorded.\n"),
      "\(changed.stdout)")
    // z undoes on the default scale, whose u is unverifiable: the verdict goes back to supported.
    let undone = fixture.run("review", "--status", "reviewed", input: "r\nz\nq\n")
    #expect(undone.stdout.contains("undid the verdict on \(id)"), "\(undone.stdout)")
    #expect(undone.stdout.hasSuffix("0 verdicts, 0 citations, 0 notes recorded.\n"))
    #expect(fixture.run("show", id).stdout.contains("supported"))
    #expect(!fixture.run("show", id).stdout.contains("refuted"))
    // A citation undone is removed; with nothing left to undo, the session says so.
    let cited = fixture.run("review", "--status", "reviewed", input: "c\nhttps://example.org/a\n\n\n\nz\nz\nq\n")
    #expect(cited.stdout.contains("undid the citation on \(id)"))
    #expect(cited.stdout.contains("Nothing to undo."))
    #expect(!fixture.run("show", id).stdout.contains("https://example.org/a"))
    // A first verdict undone is withdrawn.
    fixture.run("review", "--source", "storm", "--grep", "Thursday", input: "l\nz\nq\n")
    #expect(
      fixture.run("show", "storm:4").stdout.contains("No reviews yet")
        || !fixture.run("show", "storm:4").stdout.contains("misleading"))
    #expect(fixture.run("check").status == 0)
  }

  @Test func citingAsksTitleAndQuoteAndRefusesAnAddressBeforeTheStance() throws {
    let fixture = try CLIFixture()
    let id = fixture.id(1)
    let refused = fixture.run("review", input: "c\ncounty.example.gov/report\nq\n")
    #expect(refused.stderr.contains("is not a URL"), "\(refused.stderr)")
    #expect(!refused.stdout.contains("Stance"))
    let cited = fixture.run(
      "review", input: "c\nhttps://county.example.gov/report\nrefutes\nDamage report\nWe counted 12 homes\nq\n")
    #expect(cited.status == 0, "\(cited.stderr)")
    let review = try Review(
      decoding: Array(try fixture.scratch.read("Reviews/storm/\(id)/reviewer@example.org.json").utf8))
    #expect(review.citations.first?.title == "Damage report")
    #expect(review.citations.first?.quote == "We counted 12 homes")
    #expect(review.citations.first?.stance == .refutes)
  }

  @Test func theSessionShowsTheAssigneeAndFitsItsPromptsToTheWidth() throws {
    let fixture = try CLIFixture()
    fixture.run("assign", "storm:1", "--to", "Carol <carol@example.org>")
    fixture.environment["COLUMNS"] = "80"
    let session = fixture.run("review", input: "q\n")
    #expect(session.stdout.contains("assigned to: Carol <carol@example.org>"))
    let lines = session.stdout.split(separator: "\n")
    #expect(lines.allSatisfy { $0.count <= 80 }, "\(session.stdout)")
    #expect(lines.contains { $0.contains("u unverifiable,") })
  }

  @Test func theNeighbouringSentencesFitAnEightyColumnTerminal() throws {
    let long =
      "The county counted the damaged homes street by street, which took three survey teams and a full week of "
      + "careful work in every flooded district of the coast."
    let fixture = try CLIFixture(importing: "\(long)\n\nOfficials said 40 homes were damaged.\n\n\(long)\n")
    fixture.environment["COLUMNS"] = "80"
    let session = fixture.run("review", "--grep", "40 homes", input: "q\n")
    #expect(session.status == 0, "\(session.stderr)")
    let lines = session.stdout.split(separator: "\n")
    #expect(lines.contains { $0.hasPrefix("  The county counted") && $0.hasSuffix("…") }, "\(session.stdout)")
    #expect(lines.allSatisfy { $0.count <= 80 }, "\(session.stdout)")
  }

  @Test func theHelpFitsAnEightyColumnTerminal() throws {
    let fixture = try CLIFixture()
    fixture.environment["COLUMNS"] = "80"
    let session = fixture.run("review", input: "?\nq\n")
    #expect(session.status == 0, "\(session.stderr)")
    #expect(session.stdout.contains("  m  mostly-supported   The claim is accurate"), "\(session.stdout)")
    #expect(session.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(session.stdout)")
  }

  @Test func undoingAVerdictBringsTheVerdictKeysBack() throws {
    let fixture = try CLIFixture()
    let session = fixture.run("review", input: "s\nz\nq\n")
    #expect(session.status == 0, "\(session.stderr)")
    let afterUndo = try #require(session.stdout.components(separatedBy: "undid the verdict").last)
    #expect(afterUndo.contains("Verdict (s supported"), "\(session.stdout)")
  }

  @Test func quittingKeepsEverythingAnswered() throws {
    let fixture = try CLIFixture()
    let result = fixture.run("review", "--status", "unreviewed", input: "o\n")
    #expect(result.status == 0)
    #expect(fixture.git("log", "-1", "--format=%s") == "verdict: \(fixture.id(1)) opinion\n")
  }
}

@Suite struct UncommittedWorkTests {
  @Test func handEditsAreNeverOverwritten() throws {
    let fixture = try CLIFixture()
    fixture.run("verdict", "storm:1", "supported")
    let path = "Reviews/storm/\(fixture.id(1))/reviewer@example.org.json"
    let edited = try fixture.scratch.read(path).replacingOccurrences(of: "supported", with: "refuted")
    try fixture.scratch.write(edited, to: path)
    let head = fixture.head
    let result = fixture.run("verdict", "storm:1", "misleading")
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("Error: \(path) has uncommitted changes; commit them or run 'git restore \(path)'"))
    #expect(try fixture.scratch.read(path) == edited)
    #expect(fixture.head == head)
    // Other claims can still be reviewed: only the files a command writes must be clean.
    #expect(fixture.run("verdict", "storm:2", "supported").status == 0)
    #expect(try fixture.scratch.read(path) == edited)

    try ProcessRunner.git(["add", path], in: fixture.path)
    let staged = fixture.run("verdict", "storm:1", "misleading")
    #expect(staged.stderr.contains("has staged changes that are not committed"))
    try ProcessRunner.git(["restore", "--staged", path], in: fixture.path)
    try FileManager.default.removeItem(atPath: fixture.scratch.path(path))
    #expect(
      fixture.run("verdict", "storm:1", "misleading").stderr.contains("was deleted but the deletion is not committed"))
    try ProcessRunner.git(["restore", path], in: fixture.path)
    // The same with the file's whole directory gone: a missing directory the commit holds is
    // still looked into.
    try FileManager.default.removeItem(atPath: fixture.scratch.path("Reviews/storm/\(fixture.id(1))"))
    #expect(
      fixture.run("verdict", "storm:1", "misleading").stderr.contains("was deleted but the deletion is not committed"))
    try ProcessRunner.git(["restore", path], in: fixture.path)
    #expect(fixture.run("verdict", "storm:1", "misleading").status == 0)
    #expect(fixture.status == "")
  }
}

import ClaimModel
import Foundation
import TestSupport
import Testing

/// The story of one article: imported, reviewed by two people, a verdict changed, tagged at
/// publication, corrected and re-imported.
private func reviewedStorm() throws -> CLIFixture {
  let fixture = try CLIFixture()
  fixture.environment["CLAIMS_DATE"] = "2026-11-25T09:00:00Z"
  fixture.run("verdict", "storm:2", "supported", "--reviewer", "Ada <ada@example.org>")
  fixture.run("cite", "storm:2", "https://county.example.gov/damage", "--reviewer", "Ada <ada@example.org>")
  fixture.environment["CLAIMS_DATE"] = "2026-11-26T09:00:00Z"
  fixture.run("verdict", "storm:2", "refuted", "--reviewer", "Bob <bob@example.org>", "--note", "Only 12 homes.")
  fixture.run("verdict", "storm:3", "opinion", "--reviewer", "Bob <bob@example.org>")
  fixture.environment["CLAIMS_DATE"] = "2026-11-27T09:00:00Z"
  fixture.run("verdict", "storm:2", "misleading", "--reviewer", "Ada <ada@example.org>")
  return fixture
}

/// The storm article reviewed, then corrected and re-imported by an editor: storm:2 is edited
/// (40 → 41 homes), so its reviews are carried to a new claim.
private func revisedStorm() throws -> (fixture: CLIFixture, old: [String], edited: String) {
  let fixture = try CLIFixture(importing: ReimportTests.original)
  let old = (1...6).map { fixture.id($0) }
  fixture.environment["CLAIMS_DATE"] = "2026-11-25T09:00:00Z"
  fixture.run("verdict", "storm:2", "supported", "--reviewer", "Ada <ada@example.org>")
  fixture.run("note", "storm:2", "County figures due Friday.", "--reviewer", "Ada <ada@example.org>")
  fixture.run("cite", "storm:2", "https://county.example.gov/damage", "--reviewer", "Ada <ada@example.org>")
  fixture.environment["CLAIMS_DATE"] = "2026-11-25T10:00:00Z"
  fixture.run("verdict", "storm:2", "refuted", "--reviewer", "Ada <ada@example.org>")
  fixture.run("verdict", "storm:2", "misleading", "--reviewer", "Bob <bob@example.org>")
  let revisedFile = try fixture.writeBeside(ReimportTests.revised, name: "revised.txt")
  fixture.environment["CLAIMS_DATE"] = "2026-11-26T09:00:00Z"
  fixture.environment["CLAIMS_AUTHOR"] = "Ed Itor <ed@example.org>"
  let result = fixture.run("import", revisedFile, "--id", "storm", "--replace")
  guard result.status == 0 else { throw Fixtures.Invalid(description: "re-import failed: \(result.stderr)") }
  return (fixture, old, fixture.id(2))
}

@Suite struct LogCommandTests {
  @Test func logListsActionsNewestFirstWithWhoAndWhen() throws {
    let fixture = try reviewedStorm()
    let id = fixture.id(2)
    let lines = fixture.run("log").stdout.split(separator: "\n").map(String.init)
    let gitCommits = fixture.git("log", "--format=%h").split(separator: "\n").map(String.init)
    #expect(lines.count == gitCommits.count)
    #expect(lines.map { String($0.split(separator: " ", omittingEmptySubsequences: true)[2]) } == gitCommits)
    #expect(lines[0].hasPrefix("2026-11-27 09:00  "))
    #expect(lines[0].contains("Ada <ada@example.org>"))
    #expect(lines[0].hasSuffix("verdict  \(id) supported → misleading"))
    #expect(lines.contains { $0.hasSuffix("cite     \(id) https://county.example.gov/damage") })
    #expect(lines.last?.hasSuffix("init     init: claims ledger") == true)
  }

  @Test func logOfOneClaimIsItsWholeStoryAndMatchesGit() throws {
    let fixture = try reviewedStorm()
    let id = fixture.id(2)
    let ours = fixture.run("log", id, "--json")
    let entries = try #require(try JSONSerialization.jsonObject(with: Data(ours.stdout.utf8)) as? [[String: Any]])
    let commits = entries.compactMap { $0["commit"] as? String }
    // Oracle: every commit git says touched the claim's reviews is in the claim's story.
    let touching = fixture.git("log", "--format=%H", "--", "Reviews/storm/\(id)").split(separator: "\n").map(
      String.init)
    #expect(commits.filter { touching.contains($0) } == touching)
    #expect(entries.compactMap { $0["action"] as? String } == ["verdict", "verdict", "cite", "verdict", "import"])
    #expect(entries[0]["previous_verdict"] as? String == "supported")
    #expect(entries[0]["verdict"] as? String == "misleading")
  }

  @Test func logOfAReplacementIncludesTheStoryOfTheClaimItSuperseded() throws {
    let (fixture, old, edited) = try revisedStorm()
    let ours = fixture.run("log", edited, "--json")
    let entries = try #require(try JSONSerialization.jsonObject(with: Data(ours.stdout.utf8)) as? [[String: Any]])
    #expect(
      entries.compactMap { $0["action"] as? String } == [
        "reimport", "verdict", "verdict", "cite", "note", "verdict", "import",
      ])
    // The re-import is on the claim itself; everything before it was on the claim it superseded.
    #expect(entries[0]["superseded_claim"] == nil)
    #expect(entries.dropFirst().allSatisfy { $0["superseded_claim"] as? String == old[1] })
    let text = fixture.run("log", edited).stdout.split(separator: "\n").map(String.init)
    #expect(text.count == 7)
    #expect(text[1].hasSuffix("verdict  \(old[1]) misleading  (on superseded claim \(old[1]))"))
    #expect(text.last?.hasSuffix("import   storm (6 claims)  (on superseded claim \(old[1]))") == true)
    // The old claim's own story ends at the re-import that retired it, and marks nothing.
    let oldStory = fixture.run("log", old[1]).stdout
    #expect(oldStory.split(separator: "\n").count == 7 && !oldStory.contains("superseded"))
  }

  @Test func logFiltersByReviewerDateAndCount() throws {
    let fixture = try reviewedStorm()
    #expect(fixture.run("log", "--reviewer", "bob").stdout.split(separator: "\n").count == 2)
    #expect(fixture.run("log", "--reviewer", "ada@example.org").stdout.split(separator: "\n").count == 3)
    #expect(fixture.run("log", "--since", "2026-11-26").stdout.split(separator: "\n").count == 3)
    #expect(
      fixture.run("log", "--since", "2026-11-26", "--until", "2026-11-26").stdout.split(separator: "\n").count == 2)
    #expect(fixture.run("log", "-n", "1").stdout.split(separator: "\n").count == 1)
    #expect(fixture.run("log", "--source", "storm", "-n", "50").stdout.split(separator: "\n").count == 6)
    expectRefusal(fixture.run("log", "--since", "last week"), status: 64, containing: "'--since <date>'")
    expectRefusal(
      fixture.run("log", "--source", "nope"),
      containing: "no source 'nope' in the ledger or its history; sources: storm")
    expectRefusal(fixture.run("log", fixture.id(2), "--source", "nope"), containing: "no source 'nope'")
  }

  @Test func longActionNamesAreSeparatedFromTheClaimTheyActOn() throws {
    let fixture = try reviewedStorm()
    let id = fixture.id(2)
    #expect(fixture.run("withdraw", "storm:2", "--verdict-only", "--reviewer", "Ada <ada@example.org>").status == 0)
    #expect(fixture.run("dismiss", "storm:2").status == 0)
    #expect(fixture.run("undismiss", "storm:2").status == 0)
    let log = fixture.run("log", "-n", "3").stdout
    #expect(log.contains("undismiss \(id)"), "\(log)")
    #expect(log.contains("dismiss  \(id)"), "\(log)")
    #expect(log.contains("withdraw-verdict \(id)"), "\(log)")
  }

  @Test func logSurvivesCommitsMadeWithGitAndRemovingTheCache() throws {
    let fixture = try reviewedStorm()
    let id = fixture.id(4)
    try fixture.scratch.write("{\"hand\": \"edited\"}\n", to: "Reviews/storm/\(id)/hand.json")
    try ProcessRunner.git(["add", "-A"], in: fixture.path)
    try ProcessRunner.git(["commit", "-q", "-m", "A hand-made commit"], in: fixture.path)
    let before = fixture.run("log", id).stdout
    #expect(before.contains("edit     \(id)"))
    try FileManager.default.removeItem(atPath: fixture.scratch.path(".git/claims-cache"))
    #expect(fixture.run("log", id).stdout == before)
  }
}

@Suite struct BlameAndDiffCommandTests {
  @Test func blameNamesTheCommitThatSetEachValue() throws {
    let fixture = try reviewedStorm()
    let id = fixture.id(2)
    let result = fixture.run("blame", id, "--json")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let reviewers = try #require(object["reviewers"] as? [[String: Any]])
    let ada = try #require(reviewers.first { ($0["reviewer"] as? String)?.hasPrefix("Ada") == true })
    let adaFile = "Reviews/storm/\(id)/ada@example.org.json"
    let lastVerdictCommit = fixture.git("log", "-1", "--format=%H", "--grep=^Verdict: misleading", "--", adaFile)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    #expect((ada["verdict_set"] as? [String: Any])?["commit"] as? String == lastVerdictCommit)
    #expect(ada["replaced_verdict"] as? String == "supported")
    let citeCommit = fixture.git("log", "-1", "--format=%H", "--grep=^Action: cite", "--", adaFile)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let citation = try #require((ada["citations"] as? [[String: Any]])?.first)
    #expect((citation["added"] as? [String: Any])?["commit"] as? String == citeCommit)
    let text = fixture.run("blame", id).stdout
    #expect(
      text.contains(
        "  verdict misleading       set in \(lastVerdictCommit.prefix(7)) by Ada <ada@example.org> on 2026-11-27 09:00, replacing supported"
      ))
  }

  @Test func blameFollowsACarriedReviewBackToTheClaimItWasGivenTo() throws {
    let (fixture, old, edited) = try revisedStorm()
    let oldFile = "Reviews/storm/\(old[1])/ada@example.org.json"
    func commit(_ grep: String) -> String {
      fixture.git("log", "-1", "--format=%H", "--grep=\(grep)", "--", oldFile)
        .trimmingCharacters(in: .whitespacesAndNewlines)
    }
    func ada() throws -> [String: Any] {
      let result = fixture.run("blame", edited, "--json")
      let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
      let reviewers = try #require(object["reviewers"] as? [[String: Any]])
      return try #require(reviewers.first { ($0["reviewer"] as? String)?.hasPrefix("Ada") == true })
    }
    var review = try ada()
    let verdictSet = try #require(review["verdict_set"] as? [String: Any])
    #expect(verdictSet["commit"] as? String == commit("^Verdict: refuted"))
    #expect(verdictSet["author"] as? String == "Ada <ada@example.org>")
    #expect(verdictSet["time"] as? String == "2026-11-25T10:00:00Z")
    #expect(verdictSet["claim"] as? String == old[1])
    #expect(review["replaced_verdict"] as? String == "supported")
    #expect((review["note_set"] as? [String: Any])?["commit"] as? String == commit("^Action: note"))
    let citation = try #require((review["citations"] as? [[String: Any]])?.first)
    #expect((citation["added"] as? [String: Any])?["commit"] as? String == commit("^Action: cite"))
    #expect(review["carried_from"] as? String == old[1])
    let text = fixture.run("blame", edited).stdout
    #expect(!text.contains("Ed Itor"))
    #expect(text.contains("carried over from claim \(old[1]) when the article was revised; stale"))
    #expect(
      text.contains(
        "set in \(commit("^Verdict: refuted").prefix(7)) by Ada <ada@example.org> on 2026-11-25 10:00 on claim \(old[1]), replacing supported"
      ))
    // Looking again at the new text makes the verdict hers on this claim; the citation stays where it was set.
    fixture.environment["CLAIMS_DATE"] = "2026-11-27T09:00:00Z"
    fixture.run("verdict", edited, "refuted", "--reviewer", "Ada <ada@example.org>")
    review = try ada()
    #expect((review["verdict_set"] as? [String: Any])?["claim"] as? String == edited)
    #expect((review["verdict_set"] as? [String: Any])?["time"] as? String == "2026-11-27T09:00:00Z")
    #expect(
      ((review["citations"] as? [[String: Any]])?.first?["added"] as? [String: Any])?["claim"] as? String == old[1])
  }

  @Test func blameAndLogFollowARevertThroughTheClaimBetween() throws {
    let (fixture, old, edited) = try revisedStorm()
    fixture.environment["CLAIMS_DATE"] = "2026-11-27T09:00:00Z"
    fixture.run("verdict", edited, "misleading", "--reviewer", "Ada <ada@example.org>")
    let between = fixture.head.trimmingCharacters(in: .whitespacesAndNewlines)
    // The correction is withdrawn: the original text comes back, and with it the original claim id,
    // now replacing the claim made in between.
    let originalFile = try fixture.writeBeside(ReimportTests.original, name: "original.txt")
    fixture.environment["CLAIMS_DATE"] = "2026-11-28T09:00:00Z"
    #expect(fixture.run("import", originalFile, "--id", "storm", "--replace").status == 0)
    #expect(fixture.id(2) == old[1])
    let result = fixture.run("blame", old[1], "--json")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let ada = try #require(
      (object["reviewers"] as? [[String: Any]])?.first { ($0["reviewer"] as? String)?.hasPrefix("Ada") == true })
    let verdictSet = try #require(ada["verdict_set"] as? [String: Any])
    #expect(verdictSet["commit"] as? String == between)
    #expect(verdictSet["claim"] as? String == edited)
    #expect(ada["replaced_verdict"] as? String == "refuted")
    let citation = try #require((ada["citations"] as? [[String: Any]])?.first?["added"] as? [String: Any])
    #expect(citation["claim"] as? String == old[1] && citation["author"] as? String == "Ada <ada@example.org>")
    // Its story: the revert, the claim between, and its own first life, the import included.
    let story = try #require(
      try JSONSerialization.jsonObject(with: Data(fixture.run("log", old[1], "--json").stdout.utf8))
        as? [[String: Any]])
    #expect(
      story.compactMap { $0["action"] as? String } == [
        "reimport", "verdict", "reimport", "verdict", "verdict", "cite", "note", "verdict", "import",
      ])
    #expect(story.map { $0["superseded_claim"] as? String } == [nil, edited, edited, nil, nil, nil, nil, nil, nil])
  }

  @Test(arguments: [
    "age was 86? check",  // 17 characters: filled the column and ran into the origin
    "Only 12 homes.",
    "County figures differ by a wide margin; see the damage report of 24 November.",
    "短い注記です",  // wide characters: two columns each
    "Two lines:\nthe second one.",
    "sixteen chars ok",
  ])
  func blameNeverRunsFieldsTogether(note: String) throws {
    let fixture = try CLIFixture()
    fixture.run("verdict", "storm:2", "mostly-supported", "--reviewer", "Ada <ada@example.org>")
    fixture.run("note", "storm:2", note, "--reviewer", "Ada <ada@example.org>")
    let lines = fixture.run("blame", "storm:2").stdout.split(separator: "\n").map(String.init)
    let origins = lines.filter { $0.contains("set in ") }
    #expect(origins.count == 2)
    for line in origins {
      // What stands before the origin is blank or ends in a space.
      let before = try #require(line.range(of: "set in ")).lowerBound
      #expect(line[..<before].last == " ", "\(lines.joined(separator: "\n"))")
    }
    let noteLine = try #require(lines.firstIndex { $0.hasPrefix("  note    ") })
    func line(_ index: Int) -> String { lines.indices.contains(index) ? lines[index] : "" }
    let shown = note.split(separator: "\n").map(String.init)
    if shown.count == 1, note.count < 17, !note.contains("短") {
      #expect(
        lines[noteLine] == "  note    \(note.padding(toLength: 17, withPad: " ", startingAt: 0))set in "
          + (lines[noteLine].components(separatedBy: "set in ").last ?? ""))
    } else if note.contains("短") {
      #expect(lines[noteLine].hasPrefix("  note    短い注記です     set in "))
    } else {
      // Long or several lines: the whole note under the label, the origin on a line of its own.
      for (offset, text) in shown.enumerated() {
        #expect(line(noteLine + offset) == (offset == 0 ? "  note    " : "          ") + text)
      }
      #expect(line(noteLine + shown.count).hasPrefix("          set in "))
    }
    // Sixteen characters fill the column but for the one space before the origin.
    #expect(lines.contains { $0.hasPrefix("  verdict mostly-supported set in ") })
  }

  @Test func diffReportsVerdictsCitationsAndDisputes() throws {
    let fixture = try CLIFixture()
    let start = fixture.head.trimmingCharacters(in: .whitespacesAndNewlines)
    fixture.run("verdict", "storm:2", "supported", "--reviewer", "Ada <ada@example.org>")
    fixture.run("cite", "storm:2", "https://example.org/a", "--reviewer", "Ada <ada@example.org>")
    fixture.run("verdict", "storm:2", "refuted", "--reviewer", "Bob <bob@example.org>")
    fixture.run("assign", "storm:4", "--to", "Cy <cy@example.org>")
    let id = fixture.id(2)
    let text = fixture.run("diff", start).stdout
    #expect(text.contains("  \(id) Ada <ada@example.org>: verdict none → supported\n"))
    #expect(text.contains("  \(id) Ada <ada@example.org>: cited https://example.org/a\n"))
    #expect(text.contains("  \(id) Bob <bob@example.org>: verdict none → refuted\n"))
    #expect(text.contains("  \(id) became disputed (supported ≠ refuted)\n"))
    #expect(text.contains("  \(fixture.id(4)) assigned to Cy <cy@example.org>\n"))
    fixture.run("verdict", "storm:2", "supported", "--reviewer", "Bob <bob@example.org>")
    #expect(fixture.run("diff", "HEAD~1").stdout.contains("  \(id) settled (supported)\n"))
    #expect(fixture.run("diff", "HEAD", "HEAD").stdout.hasPrefix("No changes in review state"))
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(fixture.run("diff", start, "HEAD~1", "--json").stdout.utf8))
        as? [String: Any])
    #expect((json["reviews"] as? [Any])?.count == 2)
    #expect((json["disputes"] as? [[String: Any]])?.first?["disputed"] as? Bool == true)
    #expect(fixture.run("diff", start, "--source", "storm").stdout.contains("verdict none → supported"))
    // An unknown source is an error, as in 'claims list', not an empty answer.
    expectRefusal(
      fixture.run("diff", "HEAD~1", "--source", "nope"),
      containing: "no source 'nope' in either revision; sources: storm")
    expectRefusal(fixture.run("diff", "no-such-rev"), containing: "unknown revision 'no-such-rev'")
  }

  @Test func snapshotsAreAnnotatedTagsThatDiffAndAtCanUse() throws {
    let fixture = try CLIFixture()
    let tagged = fixture.run("snapshot", "published", "--message", "As published on the site")
    #expect(tagged.status == 0)
    #expect(fixture.git("cat-file", "-t", "published") == "tag\n")
    #expect(fixture.git("tag", "-n1", "published").contains("As published on the site"))
    fixture.run("verdict", "storm:1", "supported")
    #expect(fixture.run("diff", "published").stdout.contains("verdict none → supported"))
    #expect(fixture.run("show", "storm:1", "--at", "published").stdout.contains("No reviews yet."))
    #expect(fixture.run("list", "--at", "published", "--status", "reviewed").stdout == "")
    #expect(fixture.run("snapshot").stdout == "published\n")
    expectRefusal(fixture.run("snapshot", "published"), containing: "already exists")
    expectRefusal(fixture.run("snapshot", "bad..name"), containing: "not a valid tag name")
  }
}

/// `claims diff` across re-imports reads as a changelog of the article.
@Suite struct DiffAcrossReimportTests {
  /// The storm article with two disputes (storm:2, edited by the revision; storm:6, dropped by it),
  /// tagged `published`, then re-imported revised.
  private func disputedThenRevised() throws -> (fixture: CLIFixture, old: [String], revisedFile: String) {
    let fixture = try CLIFixture(importing: ReimportTests.original)
    let old = (1...6).map { fixture.id($0) }
    fixture.run("verdict", "storm:2", "refuted", "--reviewer", "Ada <ada@example.org>")
    fixture.run("verdict", "storm:2", "supported", "--reviewer", "Bob <bob@example.org>")
    fixture.run("verdict", "storm:6", "supported", "--reviewer", "Ada <ada@example.org>")
    fixture.run("verdict", "storm:6", "refuted", "--reviewer", "Bob <bob@example.org>")
    fixture.run("snapshot", "published")
    let revisedFile = try fixture.writeBeside(ReimportTests.revised, name: "revised.txt")
    let result = fixture.run("import", revisedFile, "--id", "storm", "--replace")
    guard result.status == 0 else { throw Fixtures.Invalid(description: "re-import failed: \(result.stderr)") }
    return (fixture, old, revisedFile)
  }

  @Test func disputesAreComparedWithThePredecessorAndEndWithARetiredClaim() throws {
    let (fixture, old, _) = try disputedThenRevised()
    let edited = fixture.id(2)
    let text = fixture.run("diff", "published").stdout
    // Carried over with the reviews, the dispute on storm:2 is no news.
    #expect(!text.contains("became disputed"), "\(text)")
    #expect(text.contains("  \(edited) Ada <ada@example.org>: review carried over from \(old[1])"))
    // The dropped sentence's dispute ends with it.
    #expect(text.contains("  \(old[5]) dispute ended: claim retired (supported ≠ refuted)\n"))
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(fixture.run("diff", "published", "--json").stdout.utf8))
        as? [String: Any])
    let disputes = try #require(json["disputes"] as? [[String: Any]])
    #expect(disputes.count == 1)
    #expect(disputes.first?["claim"] as? String == old[5] && disputes.first?["ended_by"] as? String == "retirement")
    #expect(disputes.first?["disputed"] as? Bool == false)
    // A verdict that settles the carried dispute is reported against the state before.
    fixture.run("verdict", edited, "refuted", "--reviewer", "Bob <bob@example.org>")
    #expect(fixture.run("diff", "published").stdout.contains("  \(edited) settled (refuted)\n"))
  }

  @Test func entriesComeInArticleOrderWithRetiredClaimsAtTheirOldPlace() throws {
    let (fixture, old, _) = try disputedThenRevised()
    let new = (1...6).map { fixture.id($0) }
    let lines = fixture.run("diff", "published").stdout.split(separator: "\n").map(String.init)
    let claimLines = lines.filter { $0.hasPrefix("+ ") || $0.hasPrefix("- ") || $0.hasPrefix("~ ") }
    #expect(
      claimLines.map { String($0.dropFirst(2).prefix(10)) } == [
        old[1], new[1], old[2], new[2], old[3], new[3], old[4], new[4], old[5], new[5],
      ], "\(lines.joined(separator: "\n"))")
    #expect(claimLines[0] == "- \(old[1]) retired (replaced by \(new[1])): \"Officials said 40 homes were damaged.\"")
    #expect(claimLines[2].hasPrefix("- \(old[2]) retired (replaced by \(new[2]), \(new[3])): "))
    // Each claim's reviews and dispute follow its own line.
    let retiredAt = try #require(lines.firstIndex { $0.hasPrefix("- \(old[5])") })
    #expect(lines[retiredAt + 1].hasPrefix("  \(old[5]) dispute ended"))
    let editedAt = try #require(lines.firstIndex { $0.hasPrefix("~ \(new[1])") })
    #expect(lines[editedAt + 1].hasPrefix("  \(new[1]) Ada <ada@example.org>: review carried over"))
    #expect(lines[editedAt + 2].hasPrefix("  \(new[1]) Bob <bob@example.org>: review carried over"))
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(fixture.run("diff", "published", "--json").stdout.utf8))
        as? [String: Any])
    let claims = try #require(json["claims"] as? [[String: Any]])
    #expect(
      claims.compactMap { ($0["claim"] as? [String: Any])?["id"] as? String }
        == claimLines.map { String($0.dropFirst(2).prefix(10)) })
    #expect(claims.first?["replaced_by"] as? [String] == [new[1]])
  }

  @Test func aRevertComparesStatesNotTheWayBetween() throws {
    let (fixture, _, _) = try disputedThenRevised()
    let originalFile = try fixture.writeBeside(ReimportTests.original, name: "original.txt")
    #expect(fixture.run("import", originalFile, "--id", "storm", "--replace").status == 0)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(fixture.run("diff", "published", "--json").stdout.utf8))
        as? [String: Any])
    // Every claim of the published text is back with the same text; those made in between are in neither.
    #expect((json["claims"] as? [Any])?.isEmpty == true, "\(json["claims"] ?? "")")
    let text = fixture.run("diff", "published").stdout
    #expect(!text.contains("reworded") && !text.contains("retired") && !text.contains("added:"), "\(text)")
  }

  @Test func aClaimFileBrokenByHandIsUnreadableNotRetired() throws {
    let fixture = try CLIFixture()
    let id = fixture.id(2)
    try fixture.scratch.write("{\"id\": ", to: "Claims/storm/\(id).json")
    try ProcessRunner.git(["commit", "-q", "-am", "A slip of the hand"], in: fixture.path)
    let result = fixture.run("diff", "HEAD~1")
    #expect(!result.stdout.contains("retired"), "\(result.stdout)")
    #expect(result.stdout.contains("! Claims/storm/\(id).json unreadable in "))
    #expect(result.stderr.contains("warning: Claims/storm/\(id).json: "))
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(fixture.run("diff", "HEAD~1", "--json").stdout.utf8))
        as? [String: Any])
    #expect((json["claims"] as? [Any])?.isEmpty == true)
    let unreadable = try #require((json["unreadable"] as? [[String: Any]])?.first)
    #expect(unreadable["path"] as? String == "Claims/storm/\(id).json" && unreadable["claim"] as? String == id)
    #expect(unreadable["revision"] as? String == fixture.head.trimmingCharacters(in: .whitespacesAndNewlines))
  }
}

@Suite struct ReimportTests {
  static let original = """
    The storm reached the coast on Monday.

    Officials said 40 homes were damaged.

    The council approved the repair budget and the mayor signed it on Friday.

    Power was restored to most homes by Tuesday.

    Volunteers collected food for two shelters.

    Schools will reopen on Thursday.
    """

  static let revised = """
    The storm reached the coast on Monday.

    Officials said 41 homes were damaged.

    The council approved the repair budget.

    The mayor signed the repair budget on Friday.

    Power was restored to most homes by Tuesday, and volunteers collected food for two shelters.

    A curfew remains in place.
    """

  @Test func revisedArticleKeepsRewordsSplitsMergesAndRetires() throws {
    let fixture = try CLIFixture(importing: Self.original)
    let ids = (1...6).map { fixture.id($0) }
    fixture.run("verdict", "storm:2", "refuted", "--reviewer", "Ada <ada@example.org>")
    fixture.run("cite", "storm:2", "https://example.org/count", "--reviewer", "Ada <ada@example.org>")
    fixture.run("verdict", "storm:4", "supported", "--reviewer", "Bob <bob@example.org>")
    fixture.run("verdict", "storm:5", "refuted", "--reviewer", "Bob <bob@example.org>")
    fixture.run("verdict", "storm:1", "supported", "--reviewer", "Bob <bob@example.org>")
    let revisedFile = try fixture.writeBeside(Self.revised, name: "revised.txt")
    let head = fixture.head

    let dry = fixture.run("import", revisedFile, "--id", "storm", "--replace", "--dry-run", "--json")
    #expect(fixture.head == head)
    #expect(fixture.status == "")
    let plan = try #require(try JSONSerialization.jsonObject(with: Data(dry.stdout.utf8)) as? [String: Any])
    #expect(plan["kept"] as? [String] == [ids[0]])
    #expect(plan["retired"] as? [String] == [ids[5]])
    let reworded = try #require(plan["reworded"] as? [[String: Any]])
    let replaced = reworded.map { ($0["replaces"] as? [String]) ?? [] }
    #expect(replaced == [[ids[1]], [ids[2]], [ids[2]], [ids[3], ids[4]]])
    #expect((plan["added"] as? [String])?.count == 1)

    let result = fixture.run("import", revisedFile, "--id", "storm", "--replace")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      fixture.git("rev-list", "--count", "\(head.trimmingCharacters(in: .whitespacesAndNewlines))..HEAD") == "1\n")
    #expect(fixture.status == "")
    #expect(fixture.git("show", "HEAD:seeds/storm.txt") == Self.revised)

    // The kept claim keeps its id and its review; retired claims leave the list.
    #expect(fixture.id(1) == ids[0])
    #expect(fixture.run("list").stdout.split(separator: "\n").count == 6)
    #expect(fixture.run("show", ids[0]).stdout.contains("supported"))
    let retired = fixture.run("show", ids[5]).stdout
    #expect(retired.contains("(retired)"))
    // Reviews of reworded claims are carried over, stale, until the reviewer looks again.
    let stale = fixture.run("list", "--status", "stale").stdout.split(separator: "\n").map { String($0.prefix(10)) }
    #expect(stale.count == 2)
    let edited = fixture.id(2)
    #expect(stale.contains(edited))
    let shown = fixture.run("show", edited).stdout
    #expect(
      shown.contains("stale: the claim's text changed on 2026-11-24; it was: Officials said 40 homes were damaged."))
    #expect(shown.contains("[1] https://example.org/count"))
    #expect(fixture.run("show", edited, "--json").stdout.contains("\"supersedes\": [\n      \"\(ids[1])\"\n    ]"))
    fixture.run("verdict", edited, "refuted", "--reviewer", "Ada <ada@example.org>")
    #expect(!fixture.run("list", "--status", "stale").stdout.contains(edited))
    // The merged claim carries Bob's two reviews as one, with the later verdict.
    let merged = fixture.id(5)
    let mergedReview = try Review(
      decoding: Array(try fixture.scratch.read("Reviews/storm/\(merged)/bob@example.org.json").utf8))
    #expect(mergedReview.stale != nil)

    // diff across the re-import reads as a changelog.
    let changelog = fixture.run("diff", "HEAD~2", "HEAD~1").stdout
    #expect(
      changelog.contains("~ \(edited) storm:2 reworded (was \(ids[1])): \"Officials said 41 homes were damaged.\""))
    #expect(changelog.contains("- \(ids[5]) retired: \"Schools will reopen on Thursday.\""))
    #expect(changelog.contains("review carried over from \(ids[1])"))
    #expect(changelog.contains("A curfew remains in place."))

    // Re-importing the same text again changes nothing.
    let again = fixture.run("import", revisedFile, "--id", "storm", "--replace")
    #expect(again.stdout.hasPrefix("No claim of storm changes"))
  }

  @Test func aMergeCarriesTheLaterVerdictAndNamesItsClaim() throws {
    let fixture = try CLIFixture(importing: Self.original)
    let ids = (1...6).map { fixture.id($0) }
    // Both in the same second: the flag on the second sentence is the later action.
    fixture.run("verdict", "storm:4", "supported", "--reviewer", "Bob <bob@example.org>")
    fixture.run("verdict", "storm:5", "misleading", "--reviewer", "Bob <bob@example.org>")
    let revisedFile = try fixture.writeBeside(Self.revised, name: "revised.txt")
    let imported = fixture.run("import", revisedFile, "--id", "storm", "--replace")
    #expect(
      imported.stdout.contains(
        "      Bob <bob@example.org>: carries misleading (on \(ids[4]), the later), not supported (on \(ids[3]))\n"))
    let merged = fixture.id(5)
    let review = try Review(
      decoding: Array(try fixture.scratch.read("Reviews/storm/\(merged)/bob@example.org.json").utf8))
    #expect(review.verdict == "misleading")
    #expect(review.stale?.previousClaim.rawValue == ids[4])
    #expect(
      fixture.run("diff", "HEAD~1").stdout.contains(
        "  \(merged) Bob <bob@example.org>: review carried over from \(ids[4]) (verdict misleading, 0 citations)"))
  }

  @Test func replaceNeedsAnExistingSource() throws {
    let fixture = try CLIFixture()
    try fixture.scratch.write("New text here.\n", to: "../other.txt")
    defer { try? FileManager.default.removeItem(atPath: fixture.scratch.path("../other.txt")) }
    expectRefusal(
      fixture.run("import", "../other.txt", "--id", "other", "--replace"), containing: "no source 'other' to replace")
  }

  @Test func aDryRunImportShowsTheClaimsItWouldMakeAndWritesNothing() throws {
    let fixture = try CLIFixture()
    let head = fixture.head
    let file = try fixture.writeBeside("By Jane Doe\n\nThe bridge reopened. Traffic was light.\n", name: "bridge.txt")
    let preview = fixture.run("import", file, "--id", "bridge", "--dry-run")
    #expect(preview.status == 0, "\(preview.stderr)")
    #expect(preview.stderr == "")
    let imported = fixture.run("import", file, "--id", "bridge", "--dry-run", "--json")
    let ids = try #require(
      (try JSONSerialization.jsonObject(with: Data(imported.stdout.utf8)) as? [String: Any])?["claims"]
        as? [[String: Any]]
    ).compactMap { $0["id"] as? String }
    #expect(ids.count == 3)
    #expect(fixture.head == head)
    #expect(fixture.status == "")
    #expect(
      preview.stdout == """
        Would import bridge: 3 claims (2 sentences, 1 byline)
          + \(ids[0]) bridge:1 (byline) "By Jane Doe"
          + \(ids[1]) bridge:2 "The bridge reopened."
          + \(ids[2]) bridge:3 "Traffic was light."

        """)
    // The real import makes exactly the claims the dry run showed.
    let real = fixture.run("import", file, "--id", "bridge")
    #expect(real.stdout.hasPrefix("Imported bridge: 3 claims (2 sentences, 1 byline) in commit "))
    #expect(
      fixture.run("list", "--source", "bridge").stdout.split(separator: "\n").map { String($0.prefix(10)) } == ids)
    // What the import would refuse, the dry run refuses too.
    expectRefusal(
      fixture.run("import", file, "--id", "bridge", "--dry-run"), containing: "source 'bridge' is already in the ledger"
    )
  }
}

import ClaimLedger
import ClaimModel
import Foundation
import TestSupport
import Testing

/// Every action claims records, and those it does not know, read back from a ledger's history as
/// the typed value that was written, and shown by `claims log` as spelled in the commit.
@Suite struct CommitActionHistoryTests {
  static let ada = "Ada <ada@example.org>"

  /// The commands run, after `init` and `import`, with the `Action:` each writes.
  static let steps: [(arguments: [String], action: CommitAction)] = [
    (["verdict", "storm:2", "supported", "--reviewer", ada], .verdict),
    (["cite", "storm:2", "https://county.example.gov/damage", "--reviewer", ada], .cite),
    (["uncite", "storm:2", "1", "--reviewer", ada], .uncite),
    (["note", "storm:2", "County figures due Friday.", "--reviewer", ada], .note),
    (["withdraw", "storm:2", "--verdict-only", "--reviewer", ada], .withdrawVerdict),
    (["withdraw", "storm:2", "--reviewer", ada], .withdraw),
    (["assign", "storm:1", "--to", "Ann <ann@example.org>"], .assign),
    (["unassign", "storm:1"], .unassign),
    (["dismiss", "storm:3"], .dismiss),
    (["undismiss", "storm:3"], .undismiss),
    (["claimant", "storm:2", "County Officials"], .claimant),
    (["link", "storm:2", "storm:4"], .link),
    (["unlink", "storm:2", "storm:4"], .unlink),
  ]

  /// Commits made with git: named actions claims writes elsewhere (a sync's merge, archiving),
  /// one no build of claims knows, and plain commits.
  static let handMade: [(subject: String, action: String?)] = [
    ("sync: merge origin/main", "sync"), ("archive: 1 citation on storm:2", "archive"),
    ("embargo: storm until noon", "embargo"), ("Fix a typo", nil),
  ]

  static func isUnknown(_ action: CommitAction) -> Bool {
    if case .unknown = action { return true }
    return false
  }

  /// A ledger with a commit of every action, one of an action claims does not know, a plain
  /// commit and a plain merge.
  static func ledgerWithEveryAction() throws -> CLIFixture {
    let fixture = try CLIFixture(importing: ReimportTests.original)
    func run(_ arguments: [String]) throws {
      let result = CLIHarness.run(arguments, in: fixture.path, environment: fixture.environment)
      guard result.status == 0 else {
        throw Fixtures.Invalid(description: "claims \(arguments.joined(separator: " ")): \(result.stderr)")
      }
    }
    for step in steps { try run(step.arguments) }
    try run(["factchecks", "import", try fixture.writeBeside(MatchingCommandTests.feed, name: "feed.json")])
    try run([
      "import", try fixture.writeBeside(ReimportTests.revised, name: "revised.txt"), "--id", "storm", "--replace",
    ])
    for commit in handMade {
      let message = commit.subject + (commit.action.map { "\n\nAction: \($0)\nClaims-Format: 1" } ?? "")
      try ProcessRunner.git(["commit", "-q", "--allow-empty", "-m", message], in: fixture.path)
    }
    try ProcessRunner.git(["checkout", "-q", "-b", "side"], in: fixture.path)
    try ProcessRunner.git(["commit", "-q", "--allow-empty", "-m", "On the side"], in: fixture.path)
    try ProcessRunner.git(["checkout", "-q", "-"], in: fixture.path)
    try ProcessRunner.git(["commit", "-q", "--allow-empty", "-m", "Meanwhile"], in: fixture.path)
    try ProcessRunner.git(["merge", "-q", "--no-ff", "-m", "Merge the side", "side"], in: fixture.path)
    return fixture
  }

  /// Each commit's `Action:` trailer as git reads it ("" when it has none), and its parent count.
  static func gitActions(_ fixture: CLIFixture) -> [String: (action: String, parents: Int)] {
    var actions: [String: (action: String, parents: Int)] = [:]
    let log = fixture.git("log", "--format=%H%x09%P%x09%(trailers:key=Action,valueonly,separator=%x2C)")
    for line in log.split(separator: "\n") {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard fields.count == 3 else { continue }
      actions[fields[0]] = (fields[2], fields[1].split(separator: " ").count)
    }
    return actions
  }

  @Test func historyReadsEveryActionAsTheTypedValueWrittenAndKeepsAnUnknownOneAsWritten() throws {
    let fixture = try Self.ledgerWithEveryAction()
    let ledger = try Ledger.discover(from: fixture.path)
    let history = try ledger.history()
    let git = Self.gitActions(fixture)
    #expect(history.count == git.count)

    var expected: [CommitAction] = [.initialize, .import, .factChecks, .reimport] + Self.steps.map(\.action)
    expected += [.sync, .archive, .unknown("embargo"), .edit, .edit, .edit, .merge]
    let sorted = { (actions: [CommitAction]) in actions.map(\.rawValue).sorted() }
    #expect(sorted(history.map(\.action)) == sorted(expected))

    for entry in history {
      let written = try #require(git[entry.commit])
      if written.action.isEmpty {
        #expect(entry.action == (written.parents > 1 ? .merge : .edit), "\(entry.subject)")
      } else {
        // The same name, as a case of its own unless no build of claims ever wrote it.
        #expect(entry.action.rawValue == written.action)
        #expect(Self.isUnknown(entry.action) == (written.action == "embargo"), "\(entry.subject)")
      }
    }
    let embargo = try #require(history.first { $0.subject.hasPrefix("embargo:") })
    #expect(embargo.action == .unknown("embargo"))

    // Read again, from the history cache this time: the same values.
    let again = try ledger.history()
    #expect(again == history)
    #expect(again.map { Self.isUnknown($0.action) } == history.map { Self.isUnknown($0.action) })
  }

  @Test func logShowsEveryActionAsWrittenInTextAndJSON() throws {
    let fixture = try Self.ledgerWithEveryAction()
    let git = Self.gitActions(fixture)
    let result = fixture.run("log", "--json")
    #expect(result.status == 0)
    let entries = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    #expect(entries.count == git.count)
    for entry in entries {
      let commit = try #require(entry["commit"] as? String)
      let written = try #require(git[commit])
      let shown = written.action.isEmpty ? (written.parents > 1 ? "merge" : "edit") : written.action
      #expect(entry["action"] as? String == shown)
    }
    let text = fixture.run("log").stdout
    #expect(text.contains("  embargo  embargo: storm until noon\n"), "\(text)")
    #expect(text.contains("  archive  archive: 1 citation on storm:2\n"), "\(text)")
    #expect(text.contains("  withdraw-verdict "), "\(text)")
    #expect(text.contains("  factchecks import "), "\(text)")
  }
}

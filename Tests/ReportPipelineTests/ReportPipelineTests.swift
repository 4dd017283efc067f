import ClaimLedger
import ClaimModel
import ClaimReport
import Foundation
import ReportPipeline
import TestSupport
import Testing

/// A scratch ledger made through the real command line.
final class PipelineLedger {
  struct CommandFailed: Error, CustomStringConvertible {
    var description: String
  }

  let scratch = ScratchDirectory()

  static let storm = """
    The storm reached the coast on Monday.

    Officials said 40 homes were damaged.

    The mayor called it the worst storm in a decade.
    """

  static let budget = """
    The council approved a budget of 40 million.

    Spending on schools rises by 3 percent.
    """

  init() throws {
    try run("init")
  }

  /// Runs a command in the ledger; a failure fails the test.
  func run(_ arguments: String...) throws {
    let result = CLIHarness.run(arguments, in: scratch.path)
    guard result.status == 0 else { throw CommandFailed(description: "\(arguments): \(result.stderr)") }
  }

  /// Imports `text` as `source` (`--replace` to revise it).
  func importing(_ text: String, as source: String, replace: Bool = false) throws {
    try scratch.write(text, to: "incoming/\(source).txt")
    let result = CLIHarness.run(
      ["import", "incoming/\(source).txt", "--id", source] + (replace ? ["--replace"] : []), in: scratch.path)
    try FileManager.default.removeItem(atPath: scratch.path("incoming"))
    guard result.status == 0 else { throw CommandFailed(description: "import \(source): \(result.stderr)") }
  }

  func ledger() throws -> Ledger {
    try Ledger.discover(from: scratch.path)
  }

  /// The id of the claim at `ordinal` of `source` at the ledger's head.
  func claim(_ source: String, _ ordinal: Int) throws -> ClaimID {
    let snapshot = try ledger().snapshot()
    let id = try #require(SourceID(source))
    return try #require(snapshot.claims(of: id).first { $0.ordinal == ordinal }).id
  }
}

@Suite struct ReportPipelineTests {
  static let generatedAt = Timestamp("2026-11-24T12:00:00Z")

  /// One action as a test states it: kind, source, the claim's ordinal, the reviewer's name.
  struct Action: Equatable, CustomStringConvertible {
    var kind: String
    var source: String?
    var claim: ClaimID?
    var reviewer: String

    var description: String { "\(kind) \(source ?? "-") \(claim?.rawValue ?? "-") \(reviewer)" }
  }

  func actions(_ fixture: PipelineLedger, selected: [String]) throws -> [Action] {
    let ledger = try fixture.ledger()
    let snapshot = try ledger.snapshot()
    return ReportHistory.actions(
      in: try ledger.history(), people: snapshot.people, selected: Set(selected.compactMap(SourceID.init))
    ).map { Action(kind: $0.kind.rawValue, source: $0.source?.rawValue, claim: $0.claim, reviewer: $0.reviewer.name) }
  }

  @Test func historyActionsCountAsTheKindsReportsNameAndAReimportAsAnImport() {
    #expect(ReportHistory.reportedKind(of: .reimport) == .import)
    for kind: CommitAction in [.import, .verdict, .cite, .uncite, .note, .assign, .unassign] {
      #expect(ReportHistory.reportedKind(of: kind) == kind)
    }
    for other in ["init", "snapshot", "merge", "edit", "factchecks", "link", "Import", ""] {
      #expect(ReportHistory.reportedKind(of: CommitAction(rawValue: other)) == nil, "\(other)")
    }
  }

  @Test func importsCountOncePerSourceAndReviewActionsOncePerClaimNewestFirst() throws {
    let fixture = try PipelineLedger()
    try fixture.importing(PipelineLedger.storm, as: "storm")
    let (second, third) = (try fixture.claim("storm", 2), try fixture.claim("storm", 3))
    try fixture.run("verdict", "storm:2", "supported", "--reviewer", "Ada <ada@example.org>")
    try fixture.run("note", "storm:3", "Which homes?", "--reviewer", "Bob <bob@example.org>")
    try fixture.run("snapshot", "--message", "Before the revision")
    try fixture.importing(PipelineLedger.storm + "\n\nSchools reopen on Thursday.\n", as: "storm", replace: true)
    let importer = "Test Importer"
    #expect(
      try actions(fixture, selected: ["storm"]) == [
        Action(kind: "import", source: "storm", claim: nil, reviewer: importer),
        Action(kind: "note", source: "storm", claim: third, reviewer: "Bob"),
        Action(kind: "verdict", source: "storm", claim: second, reviewer: "Ada"),
        Action(kind: "import", source: "storm", claim: nil, reviewer: importer),
      ])
  }

  @Test func actionsOfSourcesNotAskedForAreLeftOut() throws {
    let fixture = try PipelineLedger()
    try fixture.importing(PipelineLedger.storm, as: "storm")
    try fixture.importing(PipelineLedger.budget, as: "budget")
    let budget = try fixture.claim("budget", 1)
    try fixture.run("verdict", "storm:1", "supported", "--reviewer", "Ada <ada@example.org>")
    try fixture.run("verdict", "budget:1", "refuted", "--reviewer", "Ada <ada@example.org>")
    #expect(
      try actions(fixture, selected: ["budget"]) == [
        Action(kind: "verdict", source: "budget", claim: budget, reviewer: "Ada"),
        Action(kind: "import", source: "budget", claim: nil, reviewer: "Test Importer"),
      ])
    #expect(try actions(fixture, selected: []).isEmpty)
  }

  /// Writes the report `request` asks for, assembled afresh from the ledger.
  func written(_ fixture: PipelineLedger, _ request: ReportRequest) throws -> String {
    let ledger = try fixture.ledger()
    let assembled = try ReportPipeline(ledger: ledger, snapshot: try ledger.snapshot()).assemble(request)
    var bytes: [UInt8] = []
    assembled.write(to: ReportOutput { bytes.append(contentsOf: $0) })
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Every format reads parts the caches may or may not hold, and the text formats only the start of
  /// each list: whatever the caches hold, the pipeline loads every part the format writes (a part
  /// not loaded would trap), and a cold and a warm run write the same bytes.
  @Test func everyFormatIsWrittenWholeFromAColdAndAWarmCache() throws {
    let fixture = try PipelineLedger()
    try fixture.importing(PipelineLedger.storm, as: "storm")
    try fixture.importing(PipelineLedger.budget, as: "budget")
    try fixture.run("verdict", "storm:2", "refuted", "--reviewer", "Ada <ada@example.org>")
    try fixture.run("verdict", "storm:2", "supported", "--reviewer", "Bob <bob@example.org>")
    try fixture.run("verdict", "budget:1", "misleading", "--reviewer", "Bob <bob@example.org>")
    // Verified by two: in every format, ClaimReview included.
    try fixture.run("verdict", "storm:1", "supported", "--reviewer", "Ada <ada@example.org>")
    try fixture.run("verdict", "storm:1", "supported", "--reviewer", "Bob <bob@example.org>")
    let generatedAt = try #require(Self.generatedAt)
    for format in ReportFormat.allCases {
      for options in [RenderOptions(), RenderOptions(listLimit: 1)] {
        let request = ReportRequest(format: format, options: options, generatedAt: generatedAt)
        try? FileManager.default.removeItem(atPath: fixture.scratch.path(".git/claims-cache"))
        let cold = try written(fixture, request)
        let warm = try written(fixture, request)
        #expect(!cold.isEmpty, "\(format)")
        #expect(warm == cold, "\(format), limit \(options.listLimit)")
        let budgetOnly = ReportRequest(
          sources: [try #require(SourceID("budget"))], format: format, options: options, generatedAt: generatedAt)
        #expect(try written(fixture, budgetOnly) != cold, "\(format): one source is not the whole ledger")
      }
    }
  }

  @Test func sourcesWithoutAnAddressOrDateAreNamedAsUnpublishable() throws {
    let fixture = try PipelineLedger()
    try fixture.importing(PipelineLedger.storm, as: "storm")
    let ledger = try fixture.ledger()
    let assembled = try ReportPipeline(ledger: ledger, snapshot: try ledger.snapshot()).assemble(
      ReportRequest(format: .claimreview, options: RenderOptions(), generatedAt: try #require(Self.generatedAt)))
    let unpublishable = assembled.unpublishableSources
    #expect(unpublishable.map(\.source.rawValue) == ["storm"])
    #expect(unpublishable.first?.missing == ["http(s) URL", "publication date"])
    #expect(assembled.problems.isEmpty)
  }
}

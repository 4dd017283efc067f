import ClaimLedger
import ClaimModel
import ClaimReport
import Foundation
import ReportPipeline
import TestSupport
import Testing

/// `claims report` keeps each source's figures and rendered pieces in `<git-dir>/claims-cache`;
/// whatever the cache holds — nothing, everything, a stale entry, a damaged file — the report must
/// be byte for byte the one computed from the records in memory.
@Suite struct ReportCacheTests {
  static let budget = """
    Budget 2026

    The council approved a budget of 40 million.

    Spending on schools rises by 3 percent.
    """

  static let revisedStorm = """
    The storm reached the coast on Monday.

    Officials said 41 homes were damaged.

    The mayor called it the worst storm in a decade.
    """

  /// Two sources; agreement and disagreement, citations, a note, an assignment; and a re-import that
  /// left a stale review and a retired claim.
  func ledger() throws -> CLIFixture {
    let fixture = try CLIFixture()
    // Inputs inside the scratch directory: tests run at once, and a shared file would race.
    func importing(_ text: String, as source: String, _ options: String...) throws {
      try fixture.scratch.write(text, to: "incoming/\(source).txt")
      let result = fixture.run(arguments: ["import", "incoming/\(source).txt", "--id", source] + options)
      #expect(result.status == 0, "\(result.stderr)")
      try FileManager.default.removeItem(atPath: fixture.scratch.path("incoming"))
    }
    try importing(Self.budget, as: "budget", "--title", "Budget <2026>")
    fixture.run("verdict", "storm:2", "refuted", "--reviewer", "Ada <ada@example.org>")
    fixture.run("cite", "storm:2", "https://example.org/count", "--reviewer", "Ada <ada@example.org>")
    fixture.run("verdict", "storm:2", "supported", "--reviewer", "Bob <bob@example.org>")
    fixture.run("verdict", "storm:3", "misleading", "--reviewer", "Bob <bob@example.org>")
    fixture.run("verdict", "storm:4", "supported", "--reviewer", "Bob <bob@example.org>")
    fixture.run("note", "budget:2", "Check \"the\" <figures>", "--reviewer", "Cy <cy@example.org>")
    fixture.run("verdict", "budget:2", "supported", "--reviewer", "Ada <ada@example.org>")
    fixture.run("assign", "budget:3", "--to", "Di <di@example.org>")
    try importing(Self.revisedStorm, as: "storm", "--replace")
    let json = fixture.run("report", "--format", "json").stdout
    for field in ["previous_text", "review_count", "flagging_verdicts", "waiting_since\": \"2"] {
      #expect(json.contains("\"\(field)"), "the fixture lacks \(field)")
    }
    return fixture
  }

  var cacheDirectory: (CLIFixture) -> String { { $0.scratch.path(".git/claims-cache") } }

  /// The report computed in memory from the ledger's records, as `claims report` computed it before
  /// it had a cache of its own: the oracle every cached run must match.
  func expected(_ fixture: CLIFixture, _ format: ReportFormat) throws -> String {
    let ledger = try Ledger.discover(from: fixture.path)
    let snapshot = try ledger.snapshot()
    var claims: [Claim] = []
    var reviews: [Review] = []
    var assignments: [Assignment] = []
    var records: [SourceRecord] = []
    for source in snapshot.sourceIDs() {
      let read = snapshot.records(of: source)
      claims += read.claims
      for list in read.reviews.values { reviews += list }
      assignments += read.assignments.values
      if let record = snapshot.sourceRecord(source) { records.append(record) }
    }
    // Which history actions count, and as what, is ReportHistory's own concern, tested with
    // actions written out by hand in ReportPipelineTests; this oracle checks the caches alone.
    let actions = ReportHistory.actions(
      in: try ledger.history(), people: snapshot.people, selected: Set(snapshot.sourceIDs()))
    let input = ReportInput(
      config: snapshot.config(), sources: records, claims: claims, reviews: reviews, assignments: assignments,
      actions: actions, revision: snapshot.revision, generatedAt: try #require(Timestamp("2026-11-24T12:00:00Z")))
    return ReportRenderer.render(ReportBuilder.build(input), as: format, options: RenderOptions())
  }

  func report(_ fixture: CLIFixture, _ format: ReportFormat) -> String {
    let result = fixture.run("report", "--format", format.rawValue)
    #expect(result.status == 0, "\(result.stderr)")
    // A claimreview report names the sources it cannot publish in full (no URL or date).
    #expect(result.stderr.split(separator: "\n").allSatisfy { $0.contains("so its ClaimReview objects lack them") })
    #expect(format == .claimreview || result.stderr == "")
    return result.stdout
  }

  @Test func everyFormatIsTheSameWithAndWithoutTheCache() throws {
    let fixture = try ledger()
    for (index, format) in ReportFormat.allCases.enumerated() {
      try? FileManager.default.removeItem(atPath: cacheDirectory(fixture))
      let before = try expected(fixture, format)
      #expect(report(fixture, format) == before, "\(format), cold")
      #expect(report(fixture, format) == before, "\(format), warm")
      // One more review: its source is computed again, the other comes from the cache.
      let reviewer = "Eve\(index) <eve\(index)@example.org>"
      fixture.run("verdict", index % 2 == 0 ? "budget:3" : "storm:1", "refuted", "--reviewer", reviewer)
      let after = try expected(fixture, format)
      #expect(after != before)
      #expect(report(fixture, format) == after, "\(format), after a review")
      #expect(report(fixture, format) == after, "\(format), warm again")
    }
  }

  /// The identity of each cache file, which a rewrite (a new file renamed over the old one) changes:
  /// its inode and modification time (inode numbers alone are soon reused).
  func versions(_ fixture: CLIFixture) throws -> [String: String] {
    var versions: [String: String] = [:]
    for file in try cacheFiles(fixture) {
      let attributes = try FileManager.default.attributesOfItem(atPath: file)
      let inode = (attributes[.systemFileNumber] as? Int) ?? -1
      let time = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
      versions[file] = "\(inode) \(time)"
    }
    return versions
  }

  @Test func aWarmReportRewritesNothingAndOneReviewRewritesOneSource() throws {
    let fixture = try ledger()
    for format in [ReportFormat.json, .text, .csv] {
      try? FileManager.default.removeItem(atPath: cacheDirectory(fixture))
      _ = report(fixture, format)
      let cold = try versions(fixture)
      #expect(!cold.isEmpty)
      _ = report(fixture, format)
      #expect(try versions(fixture) == cold, "\(format): a warm report recomputed something")
      let recorded = fixture.run("verdict", "budget:3", "refuted", "--reviewer", "\(format) <\(format)@example.org>")
      #expect(recorded.stdout.hasPrefix("Recorded"), "\(recorded.stderr)")
      _ = report(fixture, format)
      let changed = try versions(fixture).filter { cold[$0.key] != $0.value }.keys.map {
        ($0 as NSString).deletingLastPathComponent
      }
      // One shard of the tallies, and for formats that keep pieces one shard of those.
      #expect(
        changed.sorted()
          == (format == .text ? ["report-tallies"] : ["report-\(format)", "report-tallies"]).map {
            cacheDirectory(fixture) + "/v2/" + $0
          }.sorted(), "\(format)")
    }
  }

  @Test func anEarlierRevisionOrOneSourceNeedsItsOwnEntries() throws {
    let fixture = try ledger()
    for arguments in [["--at", "HEAD~3"], ["--source", "budget"], ["--at", "HEAD~5", "--source", "storm"]] {
      try? FileManager.default.removeItem(atPath: cacheDirectory(fixture))
      let cold = fixture.run(arguments: ["report", "--format", "json"] + arguments)
      let warm = fixture.run(arguments: ["report", "--format", "json"] + arguments)
      let current = fixture.run("report", "--format", "json")
      #expect(cold.status == 0 && warm.stdout == cold.stdout && current.stdout != cold.stdout, "\(arguments)")
    }
  }

  @Test func aDamagedCacheIsIgnoredAndRepaired() throws {
    let fixture = try ledger()
    let formats: [ReportFormat] = [.json, .text, .html]
    let expectations = try formats.map { try expected(fixture, $0) }
    let damages: [(String, (String) throws -> Void)] = [
      (
        "truncated",
        { path in
          try Data(try Data(contentsOf: URL(fileURLWithPath: path)).prefix(40)).write(to: URL(fileURLWithPath: path))
        }
      ),
      (
        "last byte changed",
        { path in
          var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
          bytes[bytes.count - 1] ^= 0x20
          try bytes.write(to: URL(fileURLWithPath: path))
        }
      ),
      (
        "overwritten",
        { path in try Data((0..<300).map { UInt8(truncatingIfNeeded: $0 &* 37) }).write(to: URL(fileURLWithPath: path))
        }
      ),
      ("emptied", { path in try Data().write(to: URL(fileURLWithPath: path)) }),
      (
        "a directory",
        { path in
          try FileManager.default.removeItem(atPath: path)
          try FileManager.default.createDirectory(atPath: path + "/x", withIntermediateDirectories: true)
        }
      ),
    ]
    for (damage, apply) in damages {
      for (format, expectation) in zip(formats, expectations) { #expect(report(fixture, format) == expectation) }
      let files = try cacheFiles(fixture)
      #expect(files.count >= 3)
      for file in files { try apply(file) }
      for (format, expectation) in zip(formats, expectations) {
        #expect(report(fixture, format) == expectation, "\(format), cache \(damage)")
        #expect(report(fixture, format) == expectation, "\(format), after cache \(damage)")
      }
      if damage == "a directory" {
        for file in files { try? FileManager.default.removeItem(atPath: file) }
      }
    }
  }

  /// The shard files of the report caches.
  func cacheFiles(_ fixture: CLIFixture) throws -> [String] {
    let root = cacheDirectory(fixture) + "/v2"
    return try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.hasPrefix("report-") }.flatMap {
      directory in
      try FileManager.default.contentsOfDirectory(atPath: "\(root)/\(directory)").map { "\(root)/\(directory)/\($0)" }
    }
  }
}

extension CLIFixture {
  @discardableResult
  func run(arguments: [String]) -> ProcessResult {
    CLIHarness.run(arguments, in: path, environment: environment)
  }
}

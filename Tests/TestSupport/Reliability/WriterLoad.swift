import Foundation

/// Many `claims` processes writing to one ledger at once: each runs a review session over its own
/// source and records a verdict on every claim. Afterwards every verdict must be in history and
/// every review file in the tip.
public enum WriterLoad {
  public struct Report: Sendable {
    public var writers: Int
    /// Verdicts the writers were asked to record.
    public var expected: Int
    /// Verdict commits in history.
    public var verdictCommits: Int
    /// Review files in the tip.
    public var reviewFiles: Int
    /// Writer processes that did not exit with status 0.
    public var failedWriters: [String]
    public var seconds: Double
    public var checkPassed: Bool
    public var isClean: Bool

    /// Actions lost: asked for but missing from history or from the tip.
    public var lost: Int { max(expected - verdictCommits, expected - reviewFiles, 0) }
    public var actionsPerSecond: Double { seconds > 0 ? Double(verdictCommits) / seconds : 0 }
  }

  /// Makes a ledger in `directory` and runs `writers` processes of `actions` verdicts each.
  public static func run(writers: Int, actions: Int, in directory: String) throws -> Report {
    let sources = (1...writers).map { (id: "w\($0)", claims: actions) }
    let ledger = try ScenarioLedger.make(at: directory, sources: sources)
    let input = Array(String(repeating: "s\n\n", count: actions).utf8)
    let start = Date()
    let processes = try sources.enumerated().map { index, source in
      try ChildProcess(
        ProcessRunner.claimsExecutable, ["review", "--source", source.id], in: directory,
        environment: ScenarioLedger.environment(reviewer: "Writer \(index + 1) <w\(index + 1)@example.org>"),
        input: input)
    }
    let outcomes = processes.map { $0.wait() }
    let seconds = Date().timeIntervalSince(start)
    let failed = outcomes.enumerated().compactMap { index, outcome in
      outcome.status == 0
        ? nil : "writer \(index + 1): \(outcome.status.map(String.init) ?? "signal") \(outcome.stderr)"
    }
    return Report(
      writers: writers, expected: writers * actions, verdictCommits: try ledger.commitCount(action: "verdict"),
      reviewFiles: try ledger.fileCount(under: "Reviews"), failedWriters: failed, seconds: seconds,
      checkPassed: try ledger.check().status == 0, isClean: try ledger.isClean())
  }
}

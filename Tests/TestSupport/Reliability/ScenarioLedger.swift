import ClaimModel
import Foundation

/// A ledger for the reliability scenarios (writers, kills, clones), made through the command line
/// in-process, with the helpers the scenarios use to drive it and to check it with the git CLI.
public struct ScenarioLedger: Sendable {
  /// The ledger's directory.
  public let path: String

  /// An environment for `claims` processes: a fixed clock, no colour, nothing of the caller's.
  public static func environment(reviewer: String, date: String? = "2026-11-24T12:00:00Z") -> [String: String] {
    var environment = [
      "PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "NO_COLOR": "1", "CLAIMS_REVIEWER": reviewer,
      "CLAIMS_AUTHOR": reviewer,
    ]
    if let date { environment["CLAIMS_DATE"] = date }
    return environment
  }

  /// An article of `count` sentences, one paragraph each, every one a distinct claim.
  public static func article(_ label: String, sentences count: Int) -> String {
    (1...max(1, count)).map { "Reviewer desk \(label) checked fact number \($0) today." }.joined(separator: "\n\n")
      + "\n"
  }

  /// Makes a ledger at `path` with one source per entry of `sources` (id and claim count).
  public static func make(at path: String, sources: [(id: String, claims: Int)]) throws -> ScenarioLedger {
    let ledger = ScenarioLedger(path: path)
    try ledger.claims(["init", path], in: "/")
    for source in sources {
      let file = "\(path)/.git/\(source.id).txt"
      try Data(article(source.id, sentences: source.claims).utf8).write(to: URL(fileURLWithPath: file))
      try ledger.claims(["import", file, "--id", source.id])
      try FileManager.default.removeItem(atPath: file)
    }
    return ledger
  }

  public init(path: String) {
    self.path = path
  }

  /// Runs `claims` in-process; throws when it fails.
  @discardableResult
  public func claims(_ arguments: [String], in directory: String? = nil, environment: [String: String]? = nil) throws
    -> ProcessResult
  {
    let result = CLIHarness.run(
      arguments, in: directory ?? path, environment: environment ?? CLIHarness.defaultEnvironment)
    guard result.status == 0 else {
      throw Fixtures.Invalid(description: "claims \(arguments.joined(separator: " ")) failed: \(result.stderr)")
    }
    return result
  }

  /// The claim ids of `source`, in order.
  public func claimIDs(of source: String) throws -> [String] {
    let listed = try claims(["list", "--source", source, "--json"]).stdout
    guard let claims = try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]] else { return [] }
    return claims.compactMap { $0["id"] as? String }
  }

  /// `git` in the ledger, its output trimmed.
  @discardableResult
  public func git(_ arguments: String...) throws -> String {
    try ProcessRunner.git(arguments, in: path).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// How many commits of the branch record `action` (by their `Action:` trailer).
  public func commitCount(action: String) throws -> Int {
    try git("log", "--format=%(trailers:key=Action,valueonly)").split(separator: "\n").filter { $0 == action }.count
  }

  /// How many files the branch tip holds under `directory`.
  public func fileCount(under directory: String) throws -> Int {
    try git("ls-tree", "-r", "--name-only", "HEAD", directory).split(separator: "\n").count
  }

  /// Whether `git status` shows nothing at all (untracked files included).
  public func isClean() throws -> Bool {
    try git("status", "--porcelain", "--untracked-files=all").isEmpty
  }

  /// Runs `claims check` as a real process; the outcome and how long it took.
  public func check() throws -> ChildProcess.Outcome {
    try ChildProcess.run(
      ProcessRunner.claimsExecutable, ["check"], in: path,
      environment: Self.environment(reviewer: "Checker <checker@example.org>"))
  }
}

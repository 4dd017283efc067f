import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// `claims` processes killed with SIGKILL at random moments of imports (written as one pack) and
/// review sessions (one commit per verdict). After every kill the ledger must pass `claims check`,
/// the next write must go through at once (no stale lock in the way), and every commit a killed
/// process reported must be in history.
public enum CrashRun {
  public struct Report: Sendable {
    public var kills: Int
    /// Kills that hit a process still running (the rest had finished first).
    public var killedRunning: Int
    /// Commits the killed processes had reported as made.
    public var reportedCommits: Int
    /// Of those, the ones found in the branch's history.
    public var reportedCommitsFound: Int
    /// Kills after which `claims check` passed and `git status` was clean.
    public var checksPassed: Int
    /// Kills after which the next write succeeded.
    public var writesAfterKill: Int
    /// The longest a write right after a kill took, in seconds.
    public var slowestWriteAfterKill: Double
    public var failures: [String]

    public var survived: Int { min(checksPassed, writesAfterKill) }
  }

  /// Runs `kills` kill cycles on a new ledger in `directory`.
  public static func run(kills: Int, in directory: String, seed: UInt64 = 7) throws -> Report {
    var random = SplitMix(seed: seed)
    let ledger = try ScenarioLedger.make(at: directory, sources: [(id: "target", claims: 120)])
    let targets = try ledger.claimIDs(of: "target")
    let article = "\(directory)/.git/crash-article.txt"
    try Data(ScenarioLedger.article("crash", sentences: 400).utf8).write(to: URL(fileURLWithPath: article))
    var report = Report(
      kills: kills, killedRunning: 0, reportedCommits: 0, reportedCommitsFound: 0, checksPassed: 0, writesAfterKill: 0,
      slowestWriteAfterKill: 0, failures: [])
    var reported: [String] = []
    for cycle in 0..<kills {
      let isImport = cycle % 3 == 0
      let arguments =
        isImport
        ? ["import", article, "--id", "crash-\(cycle)"]
        : ["review", "--source", "target"]
      let answers = (0..<40).map { $0 % 2 == 0 ? "s\n\n" : "r\n\n" }.joined()
      let child = try ChildProcess(
        ProcessRunner.claimsExecutable, arguments, in: directory,
        environment: ScenarioLedger.environment(reviewer: "Crash \(cycle) <crash\(cycle)@example.org>", date: nil),
        input: Array(answers.utf8))
      usleep(UInt32(random.next(below: isImport ? 600_000 : 400_000)))
      child.kill()
      let outcome = child.wait()
      if outcome.signal == SIGKILL { report.killedRunning += 1 }
      reported += commits(reportedIn: outcome.stdout)

      // Alternate which comes first: the next writer and `claims check` must each cope alone.
      let probe = {
        try ChildProcess.run(
          ProcessRunner.claimsExecutable,
          ["verdict", targets[cycle % targets.count], cycle % 2 == 0 ? "opinion" : "refuted"],
          in: directory, environment: ScenarioLedger.environment(reviewer: "Probe <probe@example.org>", date: nil))
      }
      var write: ChildProcess.Outcome?
      if cycle % 2 == 0 { write = try probe() }
      let check = try ledger.check()
      if check.status == 0, try ledger.isClean() {
        report.checksPassed += 1
      } else {
        report.failures.append(
          "after kill \(cycle): check \(check.status.map(String.init) ?? "killed"): \(check.stdout)")
      }
      if write == nil { write = try probe() }
      if let write, write.status == 0 {
        report.writesAfterKill += 1
        report.slowestWriteAfterKill = max(report.slowestWriteAfterKill, write.seconds)
      } else {
        report.failures.append("after kill \(cycle): the next write failed: \(write?.stderr ?? "")")
      }
    }
    report.reportedCommits = reported.count
    for commit in reported {
      // `^{commit}`: among tens of thousands of objects, seven digits can also name a blob or tree.
      let answer = try ProcessRunner.gitStatus(
        ["merge-base", "--is-ancestor", "\(commit)^{commit}", "HEAD"], in: directory)
      if answer.status == 0 {
        report.reportedCommitsFound += 1
      } else {
        report.failures.append(
          "commit \(commit), reported as made, is not in history (git: \(answer.status) \(answer.stderr))")
      }
    }
    return report
  }

  /// The commits a `claims` process said it made: "in commit abc1234".
  static func commits(reportedIn output: String) -> [String] {
    output.split(separator: "\n").compactMap { line in
      guard let range = line.firstRange(of: "in commit ") else { return nil }
      let hex = line[range.upperBound...].prefix { $0.isHexDigit }
      return hex.count >= 7 ? String(hex) : nil
    }
  }
}

/// A small seeded random number generator, so that a failing run can be repeated.
public struct SplitMix: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) {
    state = seed
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<bound`.
  public mutating func next(below bound: Int) -> Int {
    Int(next() % UInt64(max(1, bound)))
  }
}

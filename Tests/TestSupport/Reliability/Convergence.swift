import ClaimModel
import Foundation

/// Several clones of one remote record verdicts and sync in random order, round after round; one
/// reviewer also works on every machine, so the same file changes on several sides. In the end
/// every clone must hold the same commit, every action must be in history, and each review must
/// hold its reviewer's latest action.
public enum Convergence {
  public struct Report: Sendable {
    public var clones: Int
    public var rounds: Int
    /// Actions that made a commit.
    public var actions: Int
    /// Of those, the ones in the final history.
    public var actionsInHistory: Int
    /// Reviews whose final state is their reviewer's latest action.
    public var reviewsMatching: Int
    public var reviewsExpected: Int
    public var syncs: Int
    /// Files changed on two machines that sync settled.
    public var conflictsResolved: Int
    /// Whether every clone and the remote ended on the same commit.
    public var identical: Bool
    public var failures: [String]

    public var lost: Int { (actions - actionsInHistory) + (reviewsExpected - reviewsMatching) }
  }

  private struct Action {
    var verdict: String
    var time: Int
  }

  /// Runs the scenario in `directory`.
  public static func run(
    clones cloneCount: Int = 3, actionsPerClone: Int, rounds: Int, in directory: String, seed: UInt64 = 11
  ) throws -> Report {
    var random = SplitMix(seed: seed)
    let origin = try ScenarioLedger.make(at: "\(directory)/origin", sources: [(id: "desk", claims: 40)])
    let claims = try origin.claimIDs(of: "desk")
    try ProcessRunner.git(["clone", "-q", "--bare", origin.path, "\(directory)/remote.git"], in: directory)
    var clones: [ScenarioLedger] = []
    for index in 0..<cloneCount {
      try origin.claims(["clone", "\(directory)/remote.git", "\(directory)/clone\(index)"], in: directory)
      clones.append(ScenarioLedger(path: "\(directory)/clone\(index)"))
    }
    var clock = 0
    var report = Report(
      clones: cloneCount, rounds: rounds, actions: 0, actionsInHistory: 0, reviewsMatching: 0, reviewsExpected: 0,
      syncs: 0, conflictsResolved: 0, identical: false, failures: [])
    var commits: [String] = []
    var latest: [String: Action] = [:]
    let verdicts = ["supported", "mostly-supported", "misleading", "refuted", "unverifiable", "opinion"]
    let roaming = "Roaming Reviewer <roam@example.org>"

    func sync(_ clone: ScenarioLedger) throws {
      clock += 1
      let result = try clone.claims(["sync", "--json"], environment: environment(roaming, clock))
      report.syncs += 1
      if let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
        let resolved = json["resolved"] as? [Any]
      {
        report.conflictsResolved += resolved.count
      }
    }

    let perRound = max(1, actionsPerClone / max(1, rounds))
    for _ in 0..<rounds {
      for (index, clone) in clones.enumerated() {
        for _ in 0..<perRound {
          // The roaming reviewer keeps to a few claims, so that machines often change the same file.
          let isRoaming = random.next(below: 100) < 25
          let reviewer = isRoaming ? roaming : "Clone \(index) <clone\(index)@example.org>"
          let claim = claims[random.next(below: isRoaming ? min(6, claims.count) : claims.count)]
          var offset = random.next(below: verdicts.count)
          // Every action makes a commit: a verdict the review already holds is replaced by the next.
          for _ in verdicts {
            clock += 1
            let verdict = verdicts[offset % verdicts.count]
            offset += 1
            let result = try clone.claims(
              ["verdict", claim, verdict, "--json"], environment: environment(reviewer, clock))
            guard let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
              let commit = json["commit"] as? String
            else { continue }
            commits.append(commit)
            latest["\(reviewer)\u{0}\(claim)"] = Action(verdict: verdict, time: clock)
            break
          }
        }
      }
      var order = Array(clones.indices)
      order.shuffle(using: &random)
      for index in order { try sync(clones[index]) }
    }
    for _ in 0..<2 {
      for clone in clones { try sync(clone) }
    }

    report.actions = commits.count
    let tip = try ProcessRunner.git(["rev-parse", "main"], in: "\(directory)/remote.git").stdout
      .trimmingCharacters(in: .whitespacesAndNewlines)
    report.identical = try clones.allSatisfy { try $0.git("rev-parse", "HEAD") == tip }
    let final = clones[0]
    for commit in commits {
      if try ProcessRunner.gitStatus(["merge-base", "--is-ancestor", commit, "HEAD"], in: final.path).status == 0 {
        report.actionsInHistory += 1
      } else {
        report.failures.append("action \(commit) is not in the final history")
      }
    }
    for (key, action) in latest {
      let parts = key.split(separator: "\u{0}").map(String.init)
      guard let identity = Identity(parsing: parts[0]) else { continue }
      report.reviewsExpected += 1
      let path = "Reviews/desk/\(parts[1])/\(identity.fileSlug).json"
      let shown = try ProcessRunner.git(["show", "HEAD:\(path)"], in: final.path).stdout
      let record = try? Review(decoding: Array(shown.utf8))
      if record?.verdict == action.verdict {
        report.reviewsMatching += 1
      } else {
        report.failures.append("\(path) holds \(record?.verdict ?? "nothing"), not the latest action \(action.verdict)")
      }
    }
    for clone in clones {
      if try clone.check().status != 0 || !clone.isClean() { report.failures.append("\(clone.path) fails check") }
    }
    return report
  }

  private static func environment(_ reviewer: String, _ clock: Int) -> [String: String] {
    var environment = CLIHarness.defaultEnvironment
    environment["CLAIMS_REVIEWER"] = reviewer
    environment["CLAIMS_AUTHOR"] = reviewer
    let time = Date(timeIntervalSince1970: 1_795_521_600 + Double(clock))
    environment["CLAIMS_DATE"] = ISO8601DateFormatter().string(from: time)
    return environment
  }
}

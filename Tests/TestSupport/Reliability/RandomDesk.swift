import ClaimModel
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// One seeded, repeatable day of a desk: three clones of a bare remote and a plain git clone beside
/// them. Reviewers record verdicts, citations, notes, withdrawals and assignments; editors mark claims
/// not a claim (and back) and name claimants, import
/// articles, re-import revised ones and import two different texts under one source id on two
/// clones; one reviewer works on every clone under one identity, on a machine whose clock is behind;
/// someone commits and pushes with plain git; processes are killed with SIGKILL at random moments,
/// syncs included; on odd seeds claims and git pack the objects after nearly every write, push and
/// sync; clones sync in random order. Every command is a process of its own, as on a desk.
/// (In-process runs of many desks at once crashed inside libgit2's pack code now and then: the
/// claim index unmapped a stale cache file twice, taking another thread's mapping; fixed, see
/// `ClaimIndexMappingTests`.)
///
/// At the end (everyone syncs twice) the property of issues 11 and 12 is checked: every clone holds
/// the remote's commit, `git fsck` and `claims check` are clean, and every action that exited 0 is
/// accounted for — its event is in its reviewer's review of its claim, or of the live claims that
/// replaced it when a re-import retired it; a verdict or note it set that no longer stands was
/// replaced by a later event of the same reviewer, and when that event was made without seeing it
/// (on another machine), a sync named the replacement; every event of an editor's decision file as
/// a decision left it is still in that file; every plain `git push` that succeeded is in the
/// remote's history.
public enum RandomDesk {
  public struct Report: Sendable {
    public var seed: UInt64
    public var steps = 0
    /// Actions that exited 0, by kind.
    public var actions: [String: Int] = [:]
    public var kills = 0
    /// Kills that hit a running process.
    public var killedRunning = 0
    public var syncs = 0
    public var gitPushes = 0
    /// Events of actions that exited 0, and of those the ones found where they belong.
    public var events = 0
    public var eventsFound = 0
    /// Values replaced by a later action made without seeing them, and of those the ones a sync named.
    public var concurrentReplacements = 0
    public var replacementsNamed = 0
    public var identical = false
    public var failures: [String] = []

    public var succeeded: Bool { failures.isEmpty && identical }

    public init(seed: UInt64) {
      self.seed = seed
    }
  }

  private struct Recorded {
    var kind: String
    var event: String
    var claim: String
    var source: String
    var reviewer: Identity
    var commit: String
  }

  /// An editor's decision that exited 0: the commit that recorded it.
  private struct Decided {
    var kind: String
    var claim: String
    var source: String
    var editor: Identity
    var commit: String
  }

  /// Runs one scenario of `steps` random steps in `directory`.
  public static func run(seed: UInt64, steps: Int, killEvery: Int = 9, in directory: String) throws -> Report {
    var random = SplitMix(seed: seed)
    var report = Report(seed: seed)
    let editor = "Desk Editor <editor@example.org>"
    let origin = try ScenarioLedger.make(
      at: "\(directory)/origin", sources: [(id: "alpha", claims: 8), (id: "beta", claims: 6)])
    try ProcessRunner.git(["clone", "-q", "--bare", origin.path, "\(directory)/remote.git"], in: directory)
    let clones = try (0..<3).map { index in
      try origin.claims(["clone", "\(directory)/remote.git", "\(directory)/clone\(index)"], in: directory)
      return ScenarioLedger(path: "\(directory)/clone\(index)")
    }
    let plain = "\(directory)/plain"
    try ProcessRunner.git(["clone", "-q", "\(directory)/remote.git", plain], in: directory)
    // On odd seeds everything packs all the time: claims after nearly every write and sync (and
    // killed while it does), git's receive-pack on the remote after each plain push (`git gc
    // --auto`), so packing and removing copies runs beside every other action.
    if seed % 2 == 1 {
      for repository in clones.map(\.path) + ["\(directory)/remote.git"] {
        try ProcessRunner.git(["config", "gc.auto", "1"], in: repository)
        try ProcessRunner.git(["config", "gc.autoPackLimit", "2"], in: repository)
      }
    }

    let roaming = "Roaming Reviewer <roam@example.org>"
    let verdicts = ["supported", "mostly-supported", "misleading", "refuted", "unverifiable", "opinion"]
    var clock = 0
    var recorded: [Recorded] = []
    var decided: [Decided] = []
    var pushed: [String] = []
    var resolutions: [String] = []
    var contested = 0

    /// The environment of clone `index` acting as `who`: the roaming reviewer's third machine
    /// runs two minutes behind.
    func environment(_ who: String, clone index: Int) -> [String: String] {
      clock += 1
      var environment = CLIHarness.defaultEnvironment
      environment["CLAIMS_REVIEWER"] = who
      environment["CLAIMS_AUTHOR"] = who
      let skew = index == 2 ? -120.0 : 0
      let time = Date(timeIntervalSince1970: 1_795_521_600 + Double(clock) + skew)
      environment["CLAIMS_DATE"] = ISO8601DateFormatter().string(from: time)
      return environment
    }

    func liveClaims(in clone: ScenarioLedger, source: String) -> [String] {
      let listed =
        (try? ChildProcess.run(
          ProcessRunner.claimsExecutable, ["list", "--source", source, "--json"], in: clone.path,
          environment: CLIHarness.defaultEnvironment))?.stdout ?? ""
      let claims = (try? JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]]) ?? []
      return claims.compactMap { $0["id"] as? String }
    }

    /// Runs `arguments` on clone `index`, as a real process killed at a random moment on a kill
    /// step; returns stdout when it exited 0.
    func act(_ arguments: [String], clone index: Int, as who: String, kill: Bool) throws -> String? {
      let clone = clones[index]
      let environment = environment(who, clone: index)
      if kill {
        report.kills += 1
        let child = try ChildProcess(
          ProcessRunner.claimsExecutable, arguments, in: clone.path, environment: environment)
        usleep(UInt32(random.next(below: 60_000)))
        child.kill()
        let outcome = child.wait()
        if outcome.signal != nil { report.killedRunning += 1 }
        return outcome.status == 0 ? outcome.stdout : nil
      }
      let result = try ChildProcess.run(
        ProcessRunner.claimsExecutable, arguments, in: clone.path, environment: environment)
      return result.status == 0 ? result.stdout : nil
    }

    func noteReview(_ output: String, kind: String, by who: String) {
      guard let json = try? JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any],
        let event = json["event"] as? String, let commit = json["commit"] as? String,
        let claim = json["claim"] as? String, let review = json["review"] as? [String: Any],
        let source = review["source"] as? String, let reviewer = Identity(parsing: who)
      else { return }
      recorded.append(
        Recorded(kind: kind, event: event, claim: claim, source: source, reviewer: reviewer, commit: commit))
      report.actions[kind, default: 0] += 1
    }

    func noteSync(_ output: String) {
      report.syncs += 1
      guard let json = try? JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any],
        let resolved = json["resolved"] as? [[String: Any]]
      else { return }
      resolutions += resolved.compactMap { $0["summary"] as? String }
    }

    for step in 0..<steps {
      report.steps += 1
      let index = random.next(below: clones.count)
      let kill = killEvery > 0 && random.next(below: killEvery) == 0
      let isRoaming = random.next(below: 3) == 0
      let who = isRoaming ? roaming : "Clone \(index) <clone\(index)@example.org>"
      let source = random.next(below: 3) == 0 ? "beta" : "alpha"
      let claims = liveClaims(in: clones[index], source: source)
      guard !claims.isEmpty else { continue }
      // The roaming reviewer keeps to a few claims, so machines often change the same file.
      let claim = claims[random.next(below: isRoaming ? min(3, claims.count) : claims.count)]
      switch random.next(below: 100) {
      case 0..<28:
        let verdict = verdicts[random.next(below: verdicts.count)]
        if let out = try act(["verdict", claim, verdict, "--json"], clone: index, as: who, kill: kill) {
          noteReview(out, kind: "verdict", by: who)
        }
      case 28..<40:
        let url = "https://example.org/\(seed)/\(step)"
        if let out = try act(["cite", claim, url, "--stance", "supports", "--json"], clone: index, as: who, kill: kill)
        {
          noteReview(out, kind: "cite", by: who)
        }
      case 40..<45:
        if let out = try act(["uncite", claim, "1", "--json"], clone: index, as: who, kill: kill) {
          noteReview(out, kind: "uncite", by: who)
        }
      case 45..<53:
        if let out = try act(["note", claim, "note \(seed)-\(step)", "--json"], clone: index, as: who, kill: kill) {
          noteReview(out, kind: "note", by: who)
        }
      case 53..<57:
        let arguments = ["withdraw", claim, "--json"] + (random.next(below: 2) == 0 ? ["--verdict-only"] : [])
        if let out = try act(arguments, clone: index, as: who, kill: kill) {
          noteReview(out, kind: "withdraw", by: who)
        }
      case 57..<61:
        if try act(
          ["assign", claim, "--to", "Clone \(random.next(below: 3)) <clone@example.org>"], clone: index, as: editor,
          kill: kill)
          != nil
        {
          report.actions["assign", default: 0] += 1
        }
      case 61..<65:
        // A revised article: one sentence reworded, one dropped, one added.
        let count = source == "alpha" ? 8 : 6
        var sentences = (1...count).map { "Reviewer desk \(source) checked fact number \($0) today." }
        let reworded = random.next(below: count)
        sentences[reworded] = "Reviewer desk \(source) checked fact number \(reworded + 1) again on \(step)."
        if random.next(below: 2) == 0 { sentences.remove(at: (reworded + 1) % count) }
        sentences.append("A new sentence \(seed)-\(step) was added.")
        let file = "\(clones[index].path)/.git/revised-\(step).txt"
        try Data((sentences.joined(separator: "\n\n") + "\n").utf8).write(to: URL(fileURLWithPath: file))
        if try act(["import", file, "--id", source, "--replace"], clone: index, as: editor, kill: kill) != nil {
          report.actions["reimport", default: 0] += 1
        }
      case 65..<69:
        // The same new source id imported with different texts on two clones.
        contested += 1
        let id = "contested-\(contested / 2)"
        let file = "\(clones[index].path)/.git/contested-\(step).txt"
        try Data("The mayor spoke on day \(step). Taxes will rise.\n".utf8).write(to: URL(fileURLWithPath: file))
        if try act(["import", file, "--id", id], clone: index, as: editor, kill: kill) != nil {
          report.actions["import", default: 0] += 1
        }
      case 69..<75:
        // Plain git beside claims: a commit and a push, merging what the remote has on refusal.
        try Data("note \(step)\n".utf8).write(to: URL(fileURLWithPath: "\(plain)/NOTES-\(step).md"))
        try ProcessRunner.git(["add", "-A"], in: plain)
        try ProcessRunner.git(["commit", "-q", "-m", "note \(step)"], in: plain)
        for _ in 0..<5 {
          if try ProcessRunner.gitStatus(["push", "-q", "origin", "HEAD:main"], in: plain).status == 0 {
            pushed.append(
              try ProcessRunner.git(["rev-parse", "HEAD"], in: plain).stdout.trimmingCharacters(
                in: .whitespacesAndNewlines))
            report.gitPushes += 1
            break
          }
          _ = try ProcessRunner.gitStatus(["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"], in: plain)
        }
      case 75..<80:
        // The desk's decisions: not a claim, checkable again, a claimant.
        let arguments: [String]
        switch random.next(below: 3) {
        case 0: arguments = ["dismiss", claim, "--reason", "quip \(step)"]
        case 1: arguments = ["undismiss", claim]
        default: arguments = ["claimant", claim, "Speaker \(random.next(below: 3))"]
        }
        if let out = try act(arguments, clone: index, as: editor, kill: kill) {
          report.actions[arguments[0], default: 0] += 1
          if let range = out.range(of: #"in commit [0-9a-f]{7,40}"#, options: .regularExpression),
            let identity = Identity(parsing: editor)
          {
            let commit = String(out[range].dropFirst("in commit ".count))
            decided.append(Decided(kind: arguments[0], claim: claim, source: source, editor: identity, commit: commit))
          }
        }
      default:
        if let out = try act(["sync", "--json"], clone: index, as: roaming, kill: kill) { noteSync(out) }
      }
    }
    for _ in 0..<2 {
      for index in clones.indices {
        let result = try ChildProcess.run(
          ProcessRunner.claimsExecutable, ["sync", "--json"], in: clones[index].path,
          environment: environment(roaming, clone: index))
        if result.status == 0 {
          noteSync(result.stdout)
        } else {
          report.failures.append("final sync of clone\(index) failed: \(result.stderr)")
        }
      }
    }
    try verify(
      clones: clones, remote: "\(directory)/remote.git", recorded: recorded, pushed: pushed, resolutions: resolutions,
      report: &report)
    try verify(decided, in: clones[0].path, report: &report)
    return report
  }

  // MARK: Checking the outcome

  private static func verify(
    clones: [ScenarioLedger], remote: String, recorded: [Recorded], pushed: [String], resolutions: [String],
    report: inout Report
  ) throws {
    let tip = try ProcessRunner.git(["rev-parse", "main"], in: remote).stdout.trimmingCharacters(
      in: .whitespacesAndNewlines)
    report.identical = try clones.allSatisfy { try $0.git("rev-parse", "HEAD") == tip }
    if !report.identical { report.failures.append("the clones do not all hold the remote's commit \(tip)") }
    if try ProcessRunner.gitStatus(["fsck", "--no-progress"], in: remote).status != 0 {
      report.failures.append("git fsck fails on the remote")
    }
    for clone in clones {
      let check = try clone.check()
      if check.status != 0 { report.failures.append("claims check fails in \(clone.path): \(check.stdout)") }
      if !(try clone.isClean()) { report.failures.append("git status is not clean in \(clone.path)") }
    }
    for commit in pushed
    where try ProcessRunner.gitStatus(["merge-base", "--is-ancestor", commit, tip], in: remote).status != 0 {
      report.failures.append("git push of \(commit) was lost")
    }
    let final = clones[0]
    // What syncs named, as their merge commits record it (a sync killed after merging printed nothing).
    let trailers = try ProcessRunner.git(["log", "--format=%(trailers:key=Resolved,valueonly)"], in: final.path).stdout
    let resolutions = resolutions + trailers.split(separator: "\n").map(String.init)
    var claimsOf: [String: [String: Claim]] = [:]
    func claims(of source: String) throws -> [String: Claim] {
      if let known = claimsOf[source] { return known }
      var result: [String: Claim] = [:]
      let listing = try ProcessRunner.gitStatus(
        ["ls-tree", "--name-only", "HEAD", "Claims/\(source)/"], in: final.path
      ).stdout
      for path in listing.split(separator: "\n") {
        let bytes = Array(try ProcessRunner.git(["show", "HEAD:\(path)"], in: final.path).stdout.utf8)
        if let claim = try? Claim(decoding: bytes) { result[claim.id.rawValue] = claim }
      }
      claimsOf[source] = result
      return result
    }
    func review(of claim: String, in source: String, by reviewer: Identity) throws -> Review? {
      let path = "Reviews/\(source)/\(claim)/\(reviewer.fileSlug).json"
      let shown = try ProcessRunner.gitStatus(["show", "HEAD:\(path)"], in: final.path)
      guard shown.status == 0 else { return nil }
      return try? Review(decoding: Array(shown.stdout.utf8))
    }
    /// The live claims standing for `claim` now: itself when live, else those replacing it.
    func standing(for claim: String, in source: String) throws -> [String] {
      let all = try claims(of: source)
      guard let record = all[claim] else { return [] }
      if !record.isRetired { return [claim] }
      var found: [String] = []
      var queue = [claim]
      var seen: Set<String> = [claim]
      while let next = queue.popLast() {
        for candidate in all.values where candidate.supersedes.map(\.rawValue).contains(next) {
          guard seen.insert(candidate.id.rawValue).inserted else { continue }
          if candidate.isRetired { queue.append(candidate.id.rawValue) } else { found.append(candidate.id.rawValue) }
        }
      }
      return found
    }
    for action in recorded {
      report.events += 1
      var places = try standing(for: action.claim, in: action.source)
      if places.isEmpty { places = [action.claim] }  // retired with no replacement: its own file keeps it
      var found = true
      for place in places {
        guard let review = try review(of: place, in: action.source, by: action.reviewer),
          let event = review.events.first(where: { $0.id == action.event })
        else {
          found = false
          report.failures.append(
            "\(action.kind) \(action.event) by \(action.reviewer) on \(action.claim) is not in \(action.source):\(place)"
          )
          continue
        }
        // A verdict or note that no longer stands was replaced by a later event of the reviewer's;
        // made without seeing it, the replacement must have been named by a sync.
        let stands: ReviewEvent?
        switch event.change {
        case .verdict: stands = review.verdictEvent
        case .note: stands = review.noteEvent
        default: stands = nil
        }
        guard let stands, stands.id != event.id else { continue }
        if stands.precedes(event) {
          report.failures.append("\(action.event) on \(place) is replaced by an earlier event \(stands.id)")
        }
        let later = try commitOf(event: stands.id, in: final.path)
        let sawIt =
          later.map {
            try? ProcessRunner.gitStatus(["merge-base", "--is-ancestor", action.commit, $0], in: final.path).status == 0
          }
          ?? nil
        // On a replacement, the event is accounted for as history of a claim a re-import retired
        // whose review followed the replacement (the re-import chose among merged claims' verdicts).
        if sawIt == false, place == action.claim {
          report.concurrentReplacements += 1
          let path = "Reviews/\(action.source)/"
          if resolutions.contains(where: { $0.hasPrefix(path) && ($0.contains(action.claim) || $0.contains(place)) }) {
            report.replacementsNamed += 1
          } else {
            report.failures.append(
              "\(action.kind) \(action.event) on \(place) was replaced by \(stands.id) without a sync naming it")
          }
        }
      }
      if found { report.eventsFound += 1 }
    }
  }

  /// Every decision that exited 0 is still there: its commit is in the final history, and every
  /// event its editor's file held after it is in that file at the end (decisions stay on the claim
  /// they were made on, retired or not).
  private static func verify(_ decided: [Decided], in final: String, report: inout Report) throws {
    for decision in decided {
      report.events += 1
      let path = "Decisions/\(decision.source)/\(decision.claim)/\(decision.editor.fileSlug).json"
      let resolved = try ProcessRunner.gitStatus(["rev-parse", "--verify", "\(decision.commit)^{commit}"], in: final)
      guard resolved.status == 0 else {
        report.failures.append("\(decision.kind) on \(decision.claim) in commit \(decision.commit) was lost")
        continue
      }
      let commit = resolved.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
      func events(at revision: String) throws -> Set<String>? {
        let shown = try ProcessRunner.gitStatus(["show", "\(revision):\(path)"], in: final)
        guard shown.status == 0, let record = try? DecisionRecord(decoding: Array(shown.stdout.utf8)) else {
          return nil
        }
        return Set(record.events.map(\.id))
      }
      guard let then = try events(at: commit) else {
        report.failures.append("\(decision.kind) on \(decision.claim): \(path) is not in its commit \(decision.commit)")
        continue
      }
      let now = try events(at: "HEAD") ?? []
      if then.isSubset(of: now) {
        report.eventsFound += 1
      } else {
        report.failures.append(
          "\(decision.kind) on \(decision.claim): events \(then.subtracting(now).sorted()) of \(path) were lost")
      }
    }
  }

  /// The commit whose `Event:` trailer names `event`, if any.
  private static func commitOf(event: String, in directory: String) throws -> String? {
    let log = try ProcessRunner.git(["log", "--all", "--format=%H", "--grep", "^Event: \(event)$"], in: directory)
      .stdout
    return log.split(separator: "\n").first.map(String.init)
  }
}

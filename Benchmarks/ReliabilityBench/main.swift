// Runs the reliability scenarios of Tests/TestSupport/Reliability at full size for
// Benchmarks/reliability.sh and prints one `figure:` line per result: concurrent writers, kills,
// convergence of clones, and sync over ssh.
import Foundation
import TestSupport

func usage() -> Never {
  FileHandle.standardError.write(
    Data(
      """
      usage: reliability-bench writers [--levels 1,2,4,8,16] [--actions N]
             reliability-bench kills [--count N]
             reliability-bench converge [--clones N] [--actions N] [--rounds N]
             reliability-bench desks [--count N] [--steps N] [--first SEED]
             reliability-bench ssh

      """.utf8))
  exit(64)
}

var arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first else { usage() }
arguments.removeFirst()
var parsed: [String: String] = [:]
while arguments.count >= 2, arguments[0].hasPrefix("--") {
  parsed[String(arguments[0].dropFirst(2))] = arguments[1]
  arguments.removeFirst(2)
}
guard arguments.isEmpty else { usage() }
let options = parsed

@MainActor func integer(_ name: String, _ fallback: Int) -> Int {
  guard let text = options[name] else { return fallback }
  guard let value = Int(text), value > 0 else { usage() }
  return value
}

/// Writes a line at once (print's buffer would hold it until the end when piped).
func say(_ text: String) {
  FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

func figure(_ text: String) {
  say("figure: \(text)")
}

func format(_ value: Double) -> String { String(format: "%.1f", value) }

var failed = false

switch command {
case "writers":
  let levels = (options["levels"] ?? "1,2,4,8,16").split(separator: ",").compactMap { Int($0) }
  let actions = integer("actions", 200)
  var held = 0
  for writers in levels {
    let scratch = ScratchDirectory()
    let report = try WriterLoad.run(writers: writers, actions: actions, in: scratch.path("ledger"))
    let sound = report.lost == 0 && report.failedWriters.isEmpty && report.checkPassed && report.isClean
    if sound { held = max(held, writers) } else { failed = true }
    say(
      "writers \(writers) x \(actions): \(report.verdictCommits) of \(report.expected) verdicts in history, \(report.reviewFiles) review files, lost \(report.lost), \(format(report.seconds)) s, \(format(report.actionsPerSecond)) actions/s, check \(report.checkPassed ? "passed" : "FAILED")\(report.failedWriters.isEmpty ? "" : ", failures: \(report.failedWriters)")"
    )
    figure("actions per second with \(writers) writer\(writers == 1 ? "" : "s"): \(format(report.actionsPerSecond))")
  }
  figure("writers held at once with nothing lost: \(held) (of \(levels.max() ?? 0) tried, \(actions) verdicts each)")

case "kills":
  let count = integer("count", 200)
  let scratch = ScratchDirectory()
  let report = try CrashRun.run(kills: count, in: scratch.path("ledger"), seed: UInt64(integer("seed", 7)))
  for failure in report.failures { say("FAILURE: \(failure)") }
  failed = !report.failures.isEmpty
  figure(
    "kills survived: \(report.survived) of \(report.kills) (\(report.killedRunning) hit a running process; check passed after \(report.checksPassed), next write went through after \(report.writesAfterKill), slowest \(format(report.slowestWriteAfterKill)) s; \(report.reportedCommitsFound) of \(report.reportedCommits) reported commits in history)"
  )

case "converge":
  let scratch = ScratchDirectory()
  let report = try Convergence.run(
    clones: integer("clones", 3), actionsPerClone: integer("actions", 100), rounds: integer("rounds", 20),
    in: scratch.path, seed: UInt64(integer("seed", 11)))
  for failure in report.failures { say("FAILURE: \(failure)") }
  failed = !report.failures.isEmpty || !report.identical || report.lost > 0
  figure(
    "\(report.clones) clones x \(report.actions / max(1, report.clones)) actions, \(report.rounds) rounds of random-order syncs (\(report.syncs) syncs, \(report.conflictsResolved) same-file conflicts settled): \(report.identical ? "identical" : "DIFFERENT") final state, \(report.actionsInHistory) of \(report.actions) actions in history, \(report.reviewsMatching) of \(report.reviewsExpected) reviews at their latest action, lost \(report.lost)"
  )

case "desks":
  // The randomized convergence test of issues 11 and 12, many more seeds than the test suite runs.
  let count = integer("count", 2_000)
  let steps = integer("steps", 30)
  let first = integer("first", 1_000)
  var passed = 0
  var totals = RandomDesk.Report(seed: 0)
  for seed in first..<(first + count) {
    let scratch = ScratchDirectory()
    let report = try RandomDesk.run(seed: UInt64(seed), steps: steps, in: scratch.path)
    if report.succeeded { passed += 1 } else { failed = true }
    for failure in report.failures { say("FAILURE seed \(seed): \(failure)") }
    totals.steps += report.steps
    totals.kills += report.kills
    totals.killedRunning += report.killedRunning
    totals.syncs += report.syncs
    totals.gitPushes += report.gitPushes
    totals.events += report.events
    totals.eventsFound += report.eventsFound
    totals.concurrentReplacements += report.concurrentReplacements
    totals.replacementsNamed += report.replacementsNamed
    for (kind, number) in report.actions { totals.actions[kind, default: 0] += number }
    if (seed - first + 1) % 100 == 0 { say("\(seed - first + 1) desks, \(passed) passed") }
  }
  let actions = totals.actions.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
  figure(
    "random desks: \(passed) of \(count) passed (\(steps) steps each: \(actions); \(totals.kills) kills, \(totals.killedRunning) hitting a running process; \(totals.syncs) syncs; \(totals.gitPushes) plain git pushes kept); \(totals.eventsFound) of \(totals.events) events of actions that exited 0 found where they belong; \(totals.replacementsNamed) of \(totals.concurrentReplacements) concurrent replacements named by sync"
  )

case "ssh":
  guard SSHServer.isAvailable else {
    figure("ssh: skipped (needs /usr/sbin/sshd and root)")
    break
  }
  let server = try SSHServer()
  let scratch = ScratchDirectory()
  let origin = try ScenarioLedger.make(at: scratch.path("origin"), sources: [(id: "desk", claims: 20)])
  try ProcessRunner.git(["clone", "-q", "--bare", origin.path, scratch.path("remote.git")], in: scratch.path)
  var environment = ScenarioLedger.environment(reviewer: "Ann <ann@example.org>")
  environment["HOME"] = server.home
  let claims = ProcessRunner.claimsExecutable
  let url = server.url(scratch.path("remote.git"))
  var steps: [(String, ChildProcess.Outcome)] = []
  steps.append(
    ("clone", try ChildProcess.run(claims, ["clone", url, "ann"], in: scratch.path, environment: environment)))
  let ids = try ScenarioLedger(path: scratch.path("ann")).claimIDs(of: "desk")
  for id in ids.prefix(5) {
    steps.append(
      (
        "verdict",
        try ChildProcess.run(claims, ["verdict", id, "supported"], in: scratch.path("ann"), environment: environment)
      ))
  }
  steps.append(("sync", try ChildProcess.run(claims, ["sync"], in: scratch.path("ann"), environment: environment)))
  let failures = steps.filter { $0.1.status != 0 }
  for (step, outcome) in failures { say("FAILURE: \(step): \(outcome.stderr)") }
  let remoteTip = try ProcessRunner.git(["rev-parse", "main"], in: scratch.path("remote.git")).stdout
  let localTip = try ProcessRunner.git(["rev-parse", "HEAD"], in: scratch.path("ann")).stdout
  failed = !failures.isEmpty || remoteTip != localTip
  figure(
    "ssh (OpenSSH on 127.0.0.1, key file + known_hosts): clone, 5 verdicts and sync \(failed ? "FAILED" : "passed"), remote at the clone's tip: \(remoteTip == localTip)"
  )

default:
  usage()
}

exit(failed ? 1 : 0)

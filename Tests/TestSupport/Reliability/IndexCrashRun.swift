import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// `claims verdict` processes killed at each step of writing the git index, by strace's fault
/// injection (SIGKILL on entry to the system call, which therefore never runs): creating
/// `index.lock`, writing its first and a later piece, syncing it, renaming it over the index.
/// After every kill the index must be whole (git reads it and `git fsck` verifies its checksum)
/// and the commit the process made must be in history; the next command must finish the killed
/// one's work, after which `claims check` passes and `git status` is clean.
public enum IndexCrashRun {
  public static let strace = "/usr/bin/strace"

  /// The steps, each an strace injection on the system calls that touch `index.lock`.
  public static let steps: [(name: String, injection: String)] = [
    ("creating index.lock", "openat:signal=KILL:when=1"),
    ("writing the first piece", "write:signal=KILL:when=1"),
    ("writing a later piece", "write:signal=KILL:when=3"),
    ("syncing index.lock", "fsync:signal=KILL:when=1"),
    ("renaming index.lock over the index", "rename,renameat,renameat2:signal=KILL:when=1"),
  ]

  public struct Report: Sendable {
    /// Steps at which the process was killed (the injection was reached).
    public var killed: [String] = []
    /// Steps after which the index was whole right away, before any recovery.
    public var wholeAfterKill: [String] = []
    /// Steps after which the next command recovered: check passed, status clean.
    public var recovered: [String] = []
    public var failures: [String] = []
  }

  /// Kills a verdict at each step in the ledger at `directory` (made here).
  public static func run(in directory: String) throws -> Report {
    let ledger = try ScenarioLedger.make(at: directory, sources: [(id: "target", claims: 40)])
    let claims = try ledger.claimIDs(of: "target")
    var report = Report()
    for (number, step) in steps.enumerated() {
      try settle(directory)
      let before = try ledger.git("rev-parse", "HEAD")
      let killed = try ChildProcess.run(
        strace,
        [
          "-f", "-qq", "-o", "/dev/null", "-P", "\(directory)/.git/index.lock", "-e",
          "trace=\(step.injection.prefix { $0 != ":" })",
          "-e", "inject=\(step.injection)", ProcessRunner.claimsExecutable, "verdict", claims[number], "refuted",
        ],
        in: directory, environment: ScenarioLedger.environment(reviewer: "Killed <killed@example.org>", date: nil))
      // strace itself exits with the signal that killed its child: 128 + 9.
      guard killed.status == 137 || killed.signal == SIGKILL else {
        report.failures.append("\(step.name): the process was not killed (\(killed.status ?? -1)): \(killed.stderr)")
        continue
      }
      report.killed.append(step.name)
      let listed = try ProcessRunner.git(["ls-files", "--stage"], in: directory)
      let fsck = try ProcessRunner.git(["fsck", "--no-dangling", "--no-progress"], in: directory)
      let after = try ledger.git("rev-parse", "HEAD")
      if listed.status == 0, fsck.status == 0, after != before {
        report.wholeAfterKill.append(step.name)
      } else {
        report.failures.append(
          "\(step.name): right after the kill: ls-files \(listed.status), fsck \(fsck.status) \(fsck.stderr), HEAD \(after == before ? "did not move" : "moved")"
        )
      }
      let next = try ChildProcess.run(
        ProcessRunner.claimsExecutable, ["verdict", claims[number + steps.count], "supported"], in: directory,
        environment: ScenarioLedger.environment(reviewer: "Next <next@example.org>", date: nil))
      let check = try ledger.check()
      if next.status == 0, check.status == 0, try ledger.isClean(),
        try ProcessRunner.git(["fsck", "--no-dangling", "--no-progress"], in: directory).status == 0
      {
        report.recovered.append(step.name)
      } else {
        report.failures.append(
          "\(step.name): after the next command (\(next.status ?? -1): \(next.stderr)): check \(check.status ?? -1) \(check.stdout), status \(try ledger.git("status", "--porcelain"))"
        )
      }
    }
    return report
  }

  /// Dates the work-tree files a day back and lets git record that: no index entry is then
  /// racily clean (changed in the same clock tick as the index was written), which would hand the
  /// next write to libgit2 instead of the writer under test.
  public static func settle(_ directory: String) throws {
    let past = Date(timeIntervalSinceNow: -86_400)
    let enumerator = FileManager.default.enumerator(atPath: directory)
    while let relative = enumerator?.nextObject() as? String {
      if relative == ".git" { enumerator?.skipDescendants() }
      try? FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: "\(directory)/\(relative)")
    }
    _ = try ProcessRunner.git(["update-index", "-q", "--refresh"], in: directory)
  }
}

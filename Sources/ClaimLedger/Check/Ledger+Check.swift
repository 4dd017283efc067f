#if canImport(Glibc)
  import Glibc
#endif

/// What `claims check` found.
public struct CheckReport: Sendable {
  /// Every file that breaks the ledger's rules, by path.
  public var problems: [LedgerProblem]
  /// How many files were checked.
  public var fileCount: Int
  /// Things put right on the way (a write a killed process left half done).
  public var repairs: [String]
}

extension Ledger {
  /// Checks every file of the ledger at `revision` (nil: the branch tip). At the tip, a write a
  /// killed claims process left half done is finished first (it was already in history), and lock
  /// files left by dead processes are reported.
  public func check(at revision: String? = nil) throws(LedgerError) -> CheckReport {
    var repairs: [String] = []
    var problems: [LedgerProblem] = []
    if revision == nil, !isBare {
      let hadJournal = FileSystem.node(at: WriteJournal.path(in: gitDirectory)) != .missing
      // Only when no writer is busy: a live writer's journal and locks are not stale.
      if let lock = try? WriteLock(gitDirectory: gitDirectory, timeout: 0.5) {
        let warnings = recoverUnfinishedWrite()
        if hadJournal {
          repairs.append("finished a write that an interrupted claims process left half done")
        }
        repairs += warnings
        problems += staleLockProblems()
        withExtendedLifetime(lock) {}
      }
    }
    let snapshot =
      if let revision {
        try self.snapshot(at: revision)
      } else {
        try self.snapshot()
      }
    var checker = LedgerChecker(snapshot: snapshot)
    checker.run()
    problems += snapshot.problems
    problems.sort { $0.path < $1.path }
    return CheckReport(problems: problems, fileCount: checker.fileCount, repairs: repairs)
  }

  /// Lock files of the branch and the index older than the stale limit: left by a process that is
  /// gone (a claims writer's would have been cleared with its journal).
  private func staleLockProblems() -> [LedgerProblem] {
    var locks = ["index.lock"]
    if let (branch, _) = try? branchTip() { locks.append("\(branch).lock") }
    return locks.compactMap { name in
      let path = "\(gitDirectory)/\(name)"
      guard let age = FileSystem.age(of: path), age > Self.foreignLockStaleAfter else { return nil }
      return LedgerProblem(
        .staleLock, path: ".git/\(name)", problem: "is a lock file left \(Int(age)) s ago, which blocks git",
        remedy: "if no git command is running, remove it")
    }
  }
}

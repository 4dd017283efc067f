import ClaimModel
import Git

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
  /// killed claims process left half done is finished first (it was already in history), lock
  /// files left by dead processes are reported, and so are uncommitted edits of `ledger.json` that
  /// would break it and of archived evidence (`Evidence/`), and files in `Evidence/` that no
  /// commit holds.
  public func check(at revision: String? = nil) throws(LedgerError) -> CheckReport {
    var repairs: [String] = []
    var problems: [LedgerProblem] = []
    if revision == nil, !isBare {
      let hadJournal = FileSystem.node(at: WriteJournal.path(in: gitDirectory)) != .missing
      // Only when no writer is busy: a live writer's journal and locks are not stale.
      if let lock = try? WriteLock(gitDirectory: gitDirectory, timeout: 0.5) {
        // Whether the interrupted write had moved its branch: finished then, undone otherwise.
        let journal = WriteJournal.read(from: gitDirectory)
        let wasRecorded = journal.map { (try? repository.referenceTarget(named: $0.branch)) == $0.commit } ?? true
        let warnings = recoverUnfinishedWrite()
        if hadJournal {
          repairs.append(
            wasRecorded
              ? "finished a write that an interrupted claims process left half done (it is in history)"
              : "undid a write that an interrupted claims process never recorded (its files were put back); run it again"
          )
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
    problems += try historyProblems(upTo: snapshot.revision)
    if revision == nil {
      problems += remoteLockProblems()
      if !isBare {
        problems += workTreeConfigProblems(committed: snapshot)
        problems += workTreeEvidenceProblems(committed: snapshot)
        problems += untrackedEvidenceProblems(committed: snapshot)
      }
    }
    problems.sort { $0.path < $1.path }
    return CheckReport(problems: problems, fileCount: checker.fileCount, repairs: repairs)
  }

  /// Commits whose trailers name an action on records they do not change (they would count in
  /// reports as actions nobody did), and review files changed by someone who is not their reviewer.
  private func historyProblems(upTo revision: String?) throws(LedgerError) -> [LedgerProblem] {
    guard let revision else { return [] }
    var problems: [LedgerProblem] = []
    for entry in try history(from: revision) {
      let short = String(entry.commit.prefix(7))
      if !entry.recordsChanged {
        problems.append(
          LedgerProblem(
            .unattributed, path: "commit \(short)",
            problem:
              "says 'Action: \(entry.action.rawValue)' by \(entry.author.description.escapedForMessage) but changes no record it names; reports do not count it",
            remedy: "nothing to repair; if it was not made by claims, find out who made it"))
      }
      for path in entry.foreignEdits {
        problems.append(
          LedgerProblem(
            .unattributed, path: path,
            problem:
              "was changed in commit \(short) by \(entry.author.description.escapedForMessage), who is not its reviewer",
            remedy: "if the reviewer did not ask for it, revert that commit ('git revert \(short)') and commit"))
      }
    }
    return problems
  }

  /// `ledger.json` as the work tree holds it, when it differs from the committed one and is broken
  /// or gone: claims reads the committed file, so nothing fails yet, but committing the edit would
  /// break every command.
  private func workTreeConfigProblems(committed snapshot: LedgerSnapshot) -> [LedgerProblem] {
    let path = "\(rootPath)/\(LedgerPaths.config)"
    let committed = snapshot.entry(at: LedgerPaths.config).flatMap { snapshot.objects.fileBytes($0, in: "") }
    let remedy = "fix it, or run 'git restore \(LedgerPaths.config)' to take back the edit"
    switch FileSystem.node(at: path) {
    case .missing:
      guard committed != nil else { return [] }
      return [
        LedgerProblem(
          .missing, path: LedgerPaths.config,
          problem: "is deleted in the work tree (not committed); committing that would make this no longer a ledger",
          remedy: "run 'git restore \(LedgerPaths.config)'")
      ]
    case .file:
      guard let bytes = FileSystem.readFile(at: path, limit: ObjectReader.maximumRecordSize) else {
        return [
          LedgerProblem(
            .unreadable, path: LedgerPaths.config,
            problem: "cannot be read in the work tree, or is larger than \(ObjectReader.maximumRecordSize) bytes",
            remedy: remedy)
        ]
      }
      guard bytes != committed else { return [] }
      do {
        _ = try LedgerConfig(decoding: bytes)
        return []
      } catch {
        return [
          LedgerProblem(
            error.kind == .newerFormat ? .newerFormat : .malformed, path: LedgerPaths.config,
            problem:
              "has uncommitted changes that claims cannot use (\(error.problem)); claims reads the committed one",
            remedy: remedy)
        ]
      }
    default:
      return [
        LedgerProblem(
          .unsafeEntry, path: LedgerPaths.config, problem: "is not a plain file in the work tree",
          remedy: "run 'git restore \(LedgerPaths.config)'")
      ]
    }
  }

  /// Lock files in remotes on this machine: one a killed `claims sync` left (on the branch, with its
  /// journal, or on a reference of claims' own) is cleared by the next sync; any other branch lock
  /// blocks every push until removed.
  private func remoteLockProblems() -> [LedgerProblem] {
    guard let (branch, _) = try? branchTip(), let names = try? repository.remoteNames() else { return [] }
    var problems: [LedgerProblem] = []
    for name in names {
      guard let remote = try? Remote(named: name, in: repository), case .local(let path) = RemoteURL(remote.url).kind,
        let target = try? Repository(openingAt: path)
      else { continue }
      let directory = Ledger(repository: target).gitDirectory
      for lock in Self.incomingLockFiles(in: directory) {
        guard let age = FileSystem.age(of: lock), age > Self.foreignLockStaleAfter else { continue }
        problems.append(
          LedgerProblem(
            .staleLock, path: lock,
            problem: "is the lock of a claims sync that was killed while sending its work to '\(name)'",
            remedy: "run 'claims sync', which clears it"))
      }
      let lockPath = "\(directory)/\(branch).lock"
      guard let age = FileSystem.age(of: lockPath), age > Self.foreignLockStaleAfter else { continue }
      let journal = WriteJournal.read(from: directory)
      let own = journal?.branch == branch && journal?.isOwnBranchLock(in: directory) == true
      problems.append(
        LedgerProblem(
          .staleLock, path: lockPath,
          problem: own
            ? "is the branch lock of a claims sync that was killed while pushing to '\(name)'; it blocks every push"
            : "is a lock file in remote '\(name)' left \(Int(age)) s ago, which blocks every push",
          remedy: own ? "run 'claims sync', which clears it" : "if no git push to that remote is running, remove it"))
    }
    return problems
  }

  /// Lock files of the branch, the index and the remotes' tracking branches older than the stale
  /// limit: left by a process that is gone (a claims writer's would have been cleared with its
  /// journal). A tracking branch's lock blocks every `git fetch`; a killed `claims sync` or `git
  /// fetch` can leave one, and neither can be told from the other, so it is named, not removed.
  private func staleLockProblems() -> [LedgerProblem] {
    var locks = ["index.lock"]
    if let (branch, _) = try? branchTip() {
      locks.append("\(branch).lock")
      for remote in (try? repository.remoteNames()) ?? [] {
        locks.append("refs/remotes/\(remote)/\(ReferenceName.short(branch)).lock")
      }
    }
    return locks.compactMap { name in
      let path = "\(gitDirectory)/\(name)"
      guard let age = FileSystem.age(of: path), age > Self.foreignLockStaleAfter else { return nil }
      return LedgerProblem(
        .staleLock, path: ".git/\(name)", problem: "is a lock file left \(Int(age)) s ago, which blocks git",
        remedy: "if no git command is running, remove it")
    }
  }
}

import ClaimModel
import Git

#if canImport(Glibc)
  import Glibc
#endif

/// A claims ledger: a git repository holding `ledger.json`, `seeds/`, `Claims/`, `Reviews/` and
/// `Assignments/`. Reads come from commits; writes make commits through libgit2 and then bring the
/// touched work-tree files and index entries up to date.
public final class Ledger {
  let repository: Repository
  /// The top of the work tree (or the git directory of a bare ledger), without a trailing `/`.
  public let rootPath: String

  init(repository: Repository) {
    self.repository = repository
    let root = repository.workingDirectory ?? repository.gitDirectory
    rootPath = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
  }

  /// Whether the ledger has no work tree (a shared remote, say).
  public var isBare: Bool { repository.isBare }

  /// The git directory, without a trailing `/`.
  var gitDirectory: String {
    let directory = repository.gitDirectory
    return directory.hasSuffix("/") ? String(directory.dropLast()) : directory
  }

  /// Opens the ledger whose repository contains `directory`, searching upwards as git does.
  /// - Throws: ``LedgerError`` when there is no repository, or it is not a claims ledger.
  public static func discover(from directory: String) throws(LedgerError) -> Ledger {
    var isDirectory = stat()
    guard stat(directory, &isDirectory) == 0, (isDirectory.st_mode & S_IFMT) == S_IFDIR else {
      throw LedgerError(
        .notALedger, "'\(directory.escapedForMessage)' is not a directory; pass -C with a ledger's directory")
    }
    let gitDirectory: String?
    do {
      gitDirectory = try Repository.discoverGitDirectory(from: directory)
    } catch {
      throw LedgerError(.git(error), "cannot look for a ledger from '\(directory.escapedForMessage)': \(error.message)")
    }
    guard let gitDirectory else {
      throw LedgerError(
        .notALedger,
        "no claims ledger in '\(directory.escapedForMessage)' or any parent directory; run 'claims init' there or pass -C DIR"
      )
    }
    let ledger: Ledger
    do {
      ledger = Ledger(repository: try Repository(openingAt: gitDirectory))
    } catch {
      throw LedgerError(
        .git(error), "cannot open the git repository at '\(gitDirectory.escapedForMessage)': \(error.message)")
    }
    guard try ledger.snapshot().hasConfig else {
      if let damaged = ledger.missingTipError() { throw damaged }
      if let unborn = ledger.unbornHeadError() { throw unborn }
      throw LedgerError(
        .notALedger,
        "'\(ledger.rootPath.escapedForMessage)' is a git repository but not a claims ledger (no ledger.json committed); run 'claims init' there"
      )
    }
    return ledger
  }

  /// A repository whose HEAD names a branch with no commit while its only branch is another one:
  /// a bare remote made with `git init --bare` (HEAD names `master`) that a sync or `git push`
  /// filled with `main`. Opened that way it looks empty; the message says how to point HEAD.
  func unbornHeadError() -> LedgerError? {
    guard case .unborn(let named) = try? repository.headState(),
      let branches = try? repository.referenceNames(matching: "refs/heads/*"), branches.count == 1,
      let branch = branches.first
    else { return nil }
    return LedgerError(
      .notALedger,
      "HEAD in '\(rootPath.escapedForMessage)' names the branch '\(ReferenceName.short(named).escapedForMessage)', which has no commit, while '\(ReferenceName.short(branch).escapedForMessage)' holds the work; run 'git -C \(rootPath.escapedForMessage) symbolic-ref HEAD \(branch.escapedForMessage)', then retry"
    )
  }

  /// The branch HEAD names, and its tip (nil before the first commit).
  func branchTip() throws(LedgerError) -> (branch: String, tip: ObjectID?) {
    let state: HeadState
    do {
      state = try repository.headState()
    } catch {
      throw LedgerError(.git(error), "cannot read HEAD: \(error.message)")
    }
    switch state {
    case .unborn(let branch): return (branch, nil)
    case .branch(let branch, let tip): return (branch, tip)
    case .detached(let tip):
      throw detachedHeadError(at: tip)
    }
  }

  /// The ledger as its branch tip holds it.
  public func snapshot() throws(LedgerError) -> LedgerSnapshot {
    let commit: ObjectID?
    do {
      switch try repository.headState() {
      case .unborn: commit = nil
      case .branch(_, let tip), .detached(let tip): commit = tip
      }
      return try LedgerSnapshot(repository: repository, commitID: commit, gitDirectory: gitDirectory)
    } catch {
      if error.code == .notFound, let damaged = missingTipError() { throw damaged }
      throw LedgerError(.git(error), "cannot read the ledger: \(error.message)")
    }
  }

  /// The ledger as it stood at `revision`: a commit id, branch, tag, `HEAD~3`, … Nothing is
  /// checked out.
  public func snapshot(at revision: String) throws(LedgerError) -> LedgerSnapshot {
    do {
      let commit = try repository.resolveCommit(revision)
      return try LedgerSnapshot(repository: repository, commitID: commit, gitDirectory: gitDirectory)
    } catch {
      switch error.code {
      case .notFound, .invalidSpec:
        throw LedgerError(
          .notFound, "unknown revision '\(revision.escapedForMessage)'; give a commit, branch, tag or HEAD~N")
      case .ambiguous:
        throw LedgerError(
          .ambiguous, "revision '\(revision.escapedForMessage)' is ambiguous; give more digits of the commit id")
      default:
        throw LedgerError(.git(error), "cannot read revision '\(revision.escapedForMessage)': \(error.message)")
      }
    }
  }
}

@available(*, unavailable)
extension Ledger: Sendable {}

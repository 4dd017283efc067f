import ClaimModel
import Git

#if canImport(Glibc)
  import Glibc
#endif

/// What is wrong with a repository when libgit2's own message would mislead: a shallow clone, a
/// detached HEAD on a branch not called main, a split index, objects a prune removed, a full disk.
/// Each diagnosis looks at the repository's state, never at the wording of an error.
extension Ledger {
  /// Whether the repository is a shallow clone (`git clone --depth`): its history stops at the
  /// commits listed in `.git/shallow`, and their parents are not there.
  var isShallow: Bool {
    FileSystem.node(at: "\(gitDirectory)/shallow") == .file
  }

  /// The error for an object of the history that git cannot find, when the reason is that the
  /// clone is shallow; nil when it is not.
  func shallowHistoryError(_ error: GitError, doing action: String) -> LedgerError? {
    guard error.code == .notFound, isShallow else { return nil }
    return LedgerError(
      .wrongState,
      "cannot \(action): the ledger is a shallow clone, so its history stops early (git clone --depth); fetch the rest with 'git fetch --unshallow', then retry"
    )
  }

  /// The error for an object missing from the history a merge walks, in a clone that is not
  /// shallow: a `git repack -a -d` or `git prune` run while a fetch writes can remove what the fetch
  /// brought (git documents the race; `git gc` keeps such objects), and every later sync would
  /// fail the same way. `git fetch --refetch` (git 2.36) fetches every object again.
  func missingHistoryError(_ error: GitError, doing action: String, remote: String) -> LedgerError? {
    guard error.code == .notFound, !isShallow else { return nil }
    return LedgerError(
      .wrongState,
      "cannot \(action): an object its history needs is missing from this ledger (\(error.message)), which a 'git repack -a -d' or 'git prune' beside a running fetch can cause; fetch everything again with 'git fetch --refetch \(remote.escapedForMessage)', then run 'claims sync' again"
    )
  }

  /// The error for a detached HEAD, naming the branch to switch to: the one whose tip HEAD is
  /// on, else the only one whose history holds it, else the only branch, else `main`, else every
  /// branch there is.
  func detachedHeadError(at tip: ObjectID) -> LedgerError {
    let branches = ((try? repository.referenceNames(matching: "refs/heads/*")) ?? []).sorted()
    let tips = branches.map { (try? repository.referenceTarget(named: $0)) ?? nil }
    let onTip = zip(branches, tips).filter { $0.1 == tip }.map(\.0)
    let containing = zip(branches, tips).filter { _, branchTip in
      branchTip.map { (try? repository.isDescendant($0, of: tip)) == true } ?? false
    }.map(\.0)
    let advice: String
    if let branch = onTip.first ?? (containing.count == 1 ? containing.first : nil)
      ?? (branches.count == 1 ? branches.first : nil)
    {
      advice = "git switch \(ReferenceName.short(branch).escapedForMessage)"
    } else if branches.contains("refs/heads/main") {
      advice = "git switch main"
    } else if branches.isEmpty {
      advice = "git switch -c BRANCH"
    } else {
      advice =
        "git switch BRANCH; the branches are \(branches.prefix(8).map(ReferenceName.short).joined(separator: ", ").escapedForMessage)"
    }
    return LedgerError(
      .wrongState, "HEAD is detached (at \(tip.short)); switch to the ledger's branch first (\(advice))")
  }

  /// The error for an index libgit2 cannot read: a split index (`git update-index
  /// --split-index`, `core.splitIndex`) names its remedy; anything else is reported as it is.
  func indexError(_ error: GitError) -> LedgerError {
    let names = FileSystem.directoryEntries(at: gitDirectory) ?? []
    if names.contains(where: { $0.hasPrefix("sharedindex.") }) {
      return LedgerError(
        .wrongState,
        "the git index is split (git update-index --split-index, or core.splitIndex), which claims cannot read; run 'git update-index --no-split-index' and 'git config core.splitIndex false', then retry"
      )
    }
    return LedgerError(.git(error), "cannot read the git index: \(error.message)")
  }

  /// The error for a branch tip whose commit or tree is missing from the object database: git
  /// removed objects a write had just made (a `git gc --prune=now` or `git prune` run beside it),
  /// or the repository is damaged. Nil when the tip and its tree can be read.
  func missingTipError() -> LedgerError? {
    guard case .some(.branch(let branch, let tip)) = try? repository.headState() else { return nil }
    let tree: ObjectID
    do {
      tree = try repository.commit(tip).treeID
    } catch {
      return damage("commit \(tip.short), which \(branch) points at, is missing", branch: branch)
    }
    guard (try? repository.treeEntries(tree)) == nil else { return nil }
    return damage("the tree of commit \(tip.short), which \(branch) points at, is missing", branch: branch)
  }

  private func damage(_ what: String, branch: String) -> LedgerError {
    let name = ReferenceName.short(branch)
    return LedgerError(
      .unreadableFile(path: gitDirectory),
      "the ledger's history is damaged: \(what) from the object database (a 'git gc --prune=now' or 'git prune' run while claims was writing removes what the write had just made); run 'git fsck' to see what is lost, then 'git reflog \(name.escapedForMessage)' and 'git reset --soft <last good commit>', or clone the desk's remote again"
    )
  }

  /// The error for a write that failed: when the disk holding `path` is full (or its quota used
  /// up) it says so and where, whatever libgit2's message (which may be just "-1"); else
  /// `doing: <libgit2's message>`.
  func writeError(_ error: GitError, doing action: String, at path: String? = nil) -> LedgerError {
    let place = path ?? gitDirectory
    if let shortage = DiskSpace.shortage(at: place, systemError: error.systemErrorNumber) {
      return LedgerError(.writeFailed(path: place), "\(action): \(shortage); free some space there, then retry")
    }
    return LedgerError(.git(error), "\(action): \(error.message)")
  }
}

import ClaimModel
import Git

extension Ledger {
  /// Archived evidence (`Evidence/`) that the work tree or the git index no longer holds as
  /// committed: edited, deleted, replaced by something that is not a file, or changed in the index.
  ///
  /// claims reads the committed files, so nothing fails yet; but an archived page is kept as it
  /// was fetched, named by the SHA-256 of its bytes that its citation records, so a local edit
  /// means the work tree disagrees with that hash, and committing it would damage the evidence.
  /// Like `git status`, a file whose size, time and inode match its index entry is not read again.
  func workTreeEvidenceProblems(committed snapshot: LedgerSnapshot) -> [LedgerProblem] {
    guard let evidence = snapshot.treeID(ofDirectory: CitationArchive.directory) else { return [] }
    let index = try? Index(of: repository)
    var problems: [LedgerProblem] = []
    var pending: [(ObjectID, String, Int)] = [(evidence, CitationArchive.directory, 1)]
    while let (tree, directory, depth) = pending.popLast() {
      for entry in snapshot.objects.entries(ofTree: tree, at: directory) {
        let path = "\(directory)/\(entry.name)"
        // Unsafe names, links and deep trees are the tree walk's problems (`LedgerChecker`).
        guard LedgerChecker.nameProblem(entry.name) == nil else { continue }
        switch entry.kind {
        case .tree where depth + 1 < Repository.maximumTreeDepth:
          pending.append((entry.id, path, depth + 1))
        case .blob where !entry.isSymbolicLink:
          if let problem = workTreeProblem(ofEvidence: path, committed: entry.id, index: index) {
            problems.append(problem)
          }
        default:
          continue
        }
      }
    }
    return problems
  }

  /// What is wrong with the evidence file at `path` (committed as blob `committed`) in the index
  /// and the work tree, or nil when both hold it as committed.
  private func workTreeProblem(ofEvidence path: String, committed: ObjectID, index: Index?) -> LedgerProblem? {
    let restore = "run 'git restore \(path)' to take back the edit"
    let staged = index?.entry(at: path)
    if index != nil, staged?.id != committed {
      return LedgerProblem(
        .modified, path: path,
        problem: staged == nil
          ? "is removed from the git index (not committed); archived evidence must stay as it was fetched"
          : "has staged changes that are not committed: its bytes no longer match the SHA-256 its citation records (archived evidence is kept as fetched)",
        remedy: "run 'git restore --staged --worktree \(path)' to \(staged == nil ? "put it back" : "take them back")")
    }
    let absolute = "\(rootPath)/\(path)"
    switch FileSystem.node(at: absolute) {
    case .missing:
      return LedgerProblem(
        .missing, path: path,
        problem: "is deleted in the work tree (not committed); committing that would lose archived evidence",
        remedy: "run 'git restore \(path)'")
    case .file:
      if let staged, WorkTreeGuard.statMatches(staged, absolute) { return nil }
      guard let current = try? Repository.blobID(ofFileAt: absolute) else {
        return LedgerProblem(.unreadable, path: path, problem: "cannot be read in the work tree", remedy: restore)
      }
      guard current != committed else { return nil }
      return LedgerProblem(
        .modified, path: path,
        problem:
          "has uncommitted changes in the work tree: its bytes no longer match the SHA-256 its citation records (archived evidence is kept as fetched)",
        remedy: restore)
    case .directory, .symbolicLink, .other:
      return LedgerProblem(
        .unsafeEntry, path: path, problem: "is not a plain file in the work tree",
        remedy: "move it away, then run 'git restore \(path)'")
    }
  }
}

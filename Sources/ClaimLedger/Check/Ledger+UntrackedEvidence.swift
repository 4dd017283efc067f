import ClaimModel
import Git

extension Ledger {
  /// Files in the work tree's `Evidence/` that the ledger's tree does not hold: dropped there by
  /// hand, copied from elsewhere, or staged with git but not committed.
  ///
  /// `Evidence/` holds only the archived pages that citations record, written and committed by
  /// claims, so such a file is evidence no citation can name (and no clone will have), or
  /// something that does not belong. The work tree is walked without following symbolic links,
  /// and no file is read: only its name and kind are looked at, so a huge file costs nothing.
  /// Paths the ledger's tree holds are ``workTreeEvidenceProblems(committed:)``'s.
  func untrackedEvidenceProblems(committed snapshot: LedgerSnapshot) -> [LedgerProblem] {
    let top = CitationArchive.directory
    guard FileSystem.node(at: "\(rootPath)/\(top)") == .directory else { return [] }
    // The git index is read only when an untracked file is found (a large ledger's is large).
    var index: Index?? = nil
    func isStaged(_ path: String) -> Bool {
      if index == nil { index = .some(try? Index(of: repository)) }
      return index??.entry(at: path) != nil
    }
    var problems: [LedgerProblem] = []
    // A directory of the work tree, with its tree in the ledger (nil: none, all below is untracked).
    var pending: [(tree: ObjectID?, directory: String, depth: Int)] = [(snapshot.treeID(ofDirectory: top), top, 1)]
    while let (tree, directory, depth) = pending.popLast() {
      var committed: [String: TreeEntry] = [:]
      for entry in tree.map({ snapshot.objects.entries(ofTree: $0, at: directory) }) ?? [] {
        committed[entry.name] = entry
      }
      for name in (FileSystem.directoryEntries(at: "\(rootPath)/\(directory)") ?? []).sorted() {
        let path = "\(directory)/\(name)"
        let entry = committed[name]
        switch FileSystem.node(at: "\(rootPath)/\(path)") {
        case .directory:
          // A committed file that is now a directory is the other check's; too deep a tree is
          // never walked (git would not take it either).
          guard entry == nil || entry?.kind == .tree, depth + 1 < Repository.maximumTreeDepth else { continue }
          pending.append((entry?.id, path, depth + 1))
        case .file:
          guard entry == nil else { continue }
          problems.append(untrackedEvidenceProblem(at: path, staged: isStaged(path)))
        case .symbolicLink, .other:
          guard entry == nil else { continue }
          problems.append(
            LedgerProblem(
              .untracked, path: path,
              problem: "is not a plain file and not in the ledger (not followed); Evidence/ holds only archived pages",
              remedy: "remove it"))
        case .missing:
          // Gone since it was listed, or a name that is not UTF-8 (which cannot be looked up again).
          guard name.contains("\u{FFFD}") else { continue }
          problems.append(
            LedgerProblem(
              .untracked, path: path, problem: "has a name that is not UTF-8 and is not in the ledger",
              remedy: "remove it"))
        }
      }
    }
    return problems
  }

  /// The problem of a plain file under `Evidence/` that no commit holds, `staged` in the git index
  /// or not.
  private func untrackedEvidenceProblem(at path: String, staged: Bool) -> LedgerProblem {
    if staged {
      return LedgerProblem(
        .untracked, path: path,
        problem:
          "is staged in the git index but not committed; no citation records it (claims archives pages with 'cite --archive' and 'archive')",
        remedy:
          "commit it with git ('git commit') if it belongs in the ledger, or run 'git rm --cached \(path)' and remove it"
      )
    }
    return LedgerProblem(
      .untracked, path: path,
      problem:
        "is not in the ledger (untracked); no citation records it (claims archives pages with 'cite --archive' and 'archive')",
      remedy: "commit it with git ('git add \(path)', then 'git commit') if it belongs in the ledger, or remove it")
  }
}

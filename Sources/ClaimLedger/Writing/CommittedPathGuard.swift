import ClaimModel
import Git

/// Checks, before a write, that the last commit has no file or symbolic link where the change
/// needs a directory, and no directory where it writes a file: someone committed one with plain
/// git. libgit2 would fail with "D/F conflict when updating tree", and removing it from the work
/// tree alone would not help: it must be removed from the ledger's history with git.
enum CommittedPathGuard {
  static func check(_ change: LedgerChange, in snapshot: LedgerSnapshot) throws(LedgerError) {
    var checked: Set<String> = [""]
    // Checked directories the last commit does not have: nothing below them needs a look (an
    // import's ten thousand claims go into a directory made for them).
    var absent: Set<String> = []
    for file in change.files where file.contents != nil {
      var missing: [String] = []
      let parent = LedgerSnapshot.split(file.path).directory
      var directory = parent
      while !checked.contains(directory) {
        missing.append(directory)
        directory = LedgerSnapshot.split(directory).directory
      }
      // From the top down, so the first thing in the way is named (and its contents never read).
      for directory in missing.reversed() {
        if absent.contains(LedgerSnapshot.split(directory).directory) {
          absent.insert(directory)
        } else if let entry = snapshot.entry(at: directory) {
          if entry.kind != .tree {
            let what = entry.isSymbolicLink ? "a symbolic link" : entry.kind == .blob ? "a file" : "a submodule"
            throw refusal(directory, "\(what) where the ledger needs a directory")
          }
        } else {
          absent.insert(directory)
        }
        checked.insert(directory)
      }
      if !absent.contains(parent), let entry = snapshot.entry(at: file.path), entry.kind == .tree {
        throw refusal(file.path, "a directory where the ledger needs a file", recursive: true)
      }
    }
  }

  private static func refusal(_ path: String, _ what: String, recursive: Bool = false) -> LedgerError {
    let shown = path.escapedForMessage
    return LedgerError(
      .unsafePath(path: path),
      "\(shown) is committed as \(what) (someone added it with git); remove it with 'git rm \(recursive ? "-r " : "")-- \(shown)', commit, then retry"
    )
  }
}

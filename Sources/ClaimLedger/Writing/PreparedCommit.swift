import Git

/// A commit that exists before the write path runs (a merge made from the tip and a remote's
/// branch, or the remote's tip itself for a fast-forward), with what it holds at every path it
/// changes against the tip it was made on.
struct PreparedCommit {
  var commit: ObjectID
  /// The object at each changed path that the commit holds; removed paths are absent.
  var blobs: [String: ObjectID]
  /// The mode of each changed path that is not a regular file.
  var modes: [String: UInt32]

  /// What `commit` changes against the tree `base` (nil: the empty tree), ready for
  /// ``Ledger/commit(as:at:_:)``.
  static func changes(
    of commit: ObjectID, against base: ObjectID?, in repository: Repository
  ) throws(GitError) -> (PreparedCommit, paths: [String]) {
    let tree = try repository.commit(commit).treeID
    var blobs: [String: ObjectID] = [:]
    var modes: [String: UInt32] = [:]
    var paths: [String] = []
    for change in try repository.changedFiles(from: base, to: tree) {
      paths.append(change.path)
      guard let id = change.newID else { continue }
      blobs[change.path] = id
      if let entry = try repository.treeEntry(at: change.path, inTree: tree),
        entry.fileMode != WorkTreeEntry.regularFile
      {
        modes[change.path] = entry.fileMode
      }
    }
    return (PreparedCommit(commit: commit, blobs: blobs, modes: modes), paths)
  }
}

/// The modes of tree entries, as the work tree sees them.
enum WorkTreeEntry {
  static let regularFile: UInt32 = 0o100644
  static let executableFile: UInt32 = 0o100755
  static let symbolicLink: UInt32 = 0o120000
  static let submodule: UInt32 = 0o160000

  /// Whether an entry of `mode` gets a file in the work tree: everything but a submodule (a link
  /// becomes a plain file holding its target).
  static func isWrittenOut(_ mode: UInt32) -> Bool { mode != submodule }
}

/// Paths that must never be written to the work tree, whatever a tree holds: an empty, `.` or `..`
/// component (a way out of the work tree), or a `.git` component in any case (a way into the
/// repository itself, its hooks and config).
enum WorkTreePath {
  /// Whether `path` could lead outside the work tree or into `.git`: an empty, `.` or `..`
  /// component, a `.git` one in any case, or a NUL or backslash anywhere. Read as bytes: every
  /// write of an import asks it of ten thousand paths.
  static func isUnsafe(_ path: String) -> Bool {
    var path = path
    return path.withUTF8 { bytes in
      var start = 0
      for position in 0...bytes.count {
        guard position == bytes.count || bytes[position] == UInt8(ascii: "/") else {
          if bytes[position] == 0 || bytes[position] == UInt8(ascii: "\\") { return true }
          continue
        }
        if isUnsafeComponent(UnsafeBufferPointer(rebasing: bytes[start..<position])) { return true }
        start = position + 1
      }
      return false
    }
  }

  private static func isUnsafeComponent(_ component: UnsafeBufferPointer<UInt8>) -> Bool {
    let dot = UInt8(ascii: ".")
    switch component.count {
    case 0: return true
    case 1: return component[0] == dot
    case 2: return component[0] == dot && component[1] == dot
    case 4:
      // ASCII case folding only: `lowercased()` maps no other letters onto "git".
      return component[0] == dot && component[1] | 0x20 == UInt8(ascii: "g")
        && component[2] | 0x20 == UInt8(ascii: "i") && component[3] | 0x20 == UInt8(ascii: "t")
    default: return false
    }
  }
}

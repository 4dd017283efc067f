import ClaimModel
import Git

/// Checks, before a write, that the files it will replace hold no uncommitted work of the user's
/// and that no symbolic link or stray file stands on the way to them.
struct WorkTreeGuard {
  let root: String
  let repository: Repository
  let index: Index
  let snapshot: LedgerSnapshot
  private var checkedDirectories: Set<String> = [""]
  /// Checked directories that do not exist: nothing below them needs a look (an import's ten
  /// thousand claims go into a directory made for them).
  private var missingDirectories: Set<String> = []
  /// Checked directories the last commit does not have.
  private var uncommittedDirectories: Set<String> = []
  /// Missing directories that neither the commit nor the index has anything under: every file
  /// below them is new, and passes without looking it up in either.
  private var newDirectories: Set<String> = []

  init(root: String, repository: Repository, index: Index, snapshot: LedgerSnapshot) {
    self.root = root
    self.repository = repository
    self.index = index
    self.snapshot = snapshot
  }

  /// Throws when writing `path` could destroy something not in the last commit.
  mutating func checkWritable(_ path: String) throws(LedgerError) {
    let (directory, _) = LedgerSnapshot.split(path)
    try checkDirectories(directory)
    if newDirectories.contains(directory) { return }
    // A directory the last commit lacks holds no committed file: an import's ten thousand claims
    // need no look-up each in the commit's tree.
    let committed = uncommittedDirectories.contains(directory) ? nil : committedBlob(at: path)
    let staged = index.entry(at: path)
    guard staged?.id == committed else {
      throw LedgerError(
        .uncommittedWork(path: path),
        "\(path) has staged changes that are not committed; commit them or run 'git restore --staged \(path)', then retry"
      )
    }
    switch missingDirectories.contains(directory) ? .missing : FileSystem.node(at: "\(root)/\(path)") {
    case .missing:
      guard committed == nil else {
        throw LedgerError(
          .uncommittedWork(path: path),
          "\(path) was deleted but the deletion is not committed; commit it or run 'git restore \(path)', then retry")
      }
    case .file:
      guard let committed else {
        throw LedgerError(
          .uncommittedWork(path: path), "\(path) exists but is not in the ledger's history; move it away, then retry")
      }
      let absolute = "\(root)/\(path)"
      if let staged, Self.statMatches(staged, absolute) { return }
      let current: ObjectID
      do {
        current = try Repository.blobID(ofFileAt: absolute)
      } catch {
        throw LedgerError(.unreadableFile(path: path), "cannot read \(path): \(error.message)")
      }
      guard current == committed else {
        throw LedgerError(
          .uncommittedWork(path: path),
          "\(path) has uncommitted changes; commit them or run 'git restore \(path)', then retry")
      }
    case .symbolicLink:
      throw LedgerError(
        .unsafePath(path: path),
        "\(path) is a symbolic link; the ledger never writes through links, remove it, then retry")
    case .directory, .other:
      throw LedgerError(.unsafePath(path: path), "\(path) is not a plain file; remove it, then retry")
    }
  }

  private mutating func checkDirectories(_ directory: String) throws(LedgerError) {
    guard !checkedDirectories.contains(directory) else { return }
    let (parent, _) = LedgerSnapshot.split(directory)
    try checkDirectories(parent)
    if snapshot.treeID(ofDirectory: directory) == nil { uncommittedDirectories.insert(directory) }
    switch missingDirectories.contains(parent) ? .missing : FileSystem.node(at: "\(root)/\(directory)") {
    case .missing:
      missingDirectories.insert(directory)
      if newDirectories.contains(parent)
        || (uncommittedDirectories.contains(directory) && !index.containsEntries(under: "\(directory)/"))
      {
        newDirectories.insert(directory)
      }
    case .directory: break
    case .symbolicLink:
      throw LedgerError(
        .unsafePath(path: directory),
        "\(directory) is a symbolic link; the ledger never writes through links, remove it, then retry")
    case .file, .other:
      throw LedgerError(
        .unsafePath(path: directory), "\(directory) is a file where the ledger needs a directory; remove it, then retry"
      )
    }
    checkedDirectories.insert(directory)
  }

  private func committedBlob(at path: String) -> ObjectID? {
    guard let tree = snapshot.rootTreeID, let entry = try? repository.treeEntry(at: path, inTree: tree),
      entry.kind == .blob
    else { return nil }
    return entry.id
  }

  /// Whether the file looks untouched since the index recorded it (git's own fast check; `claims
  /// check` uses it too).
  static func statMatches(_ entry: IndexEntry, _ absolute: String) -> Bool {
    guard let info = FileSystem.statInfo(at: absolute) else { return false }
    return info.size == Int(entry.fileSize) && info.seconds == Int(entry.modificationSeconds)
      && info.nanoseconds == Int(entry.modificationNanoseconds) && UInt32(truncatingIfNeeded: info.inode) == entry.inode
  }
}

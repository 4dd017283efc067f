internal import CLibGit2

#if canImport(Glibc)
  import Glibc
#endif

/// What the index records of one path.
public struct IndexEntry: Equatable, Sendable {
  public var path: String
  public var id: ObjectID
  public var fileMode: UInt32
  public var fileSize: UInt32
  public var modificationSeconds: Int32
  public var modificationNanoseconds: UInt32
  public var inode: UInt32
}

/// A repository's index, the staging area between HEAD and the work tree (`git_index`).
///
/// The ledger never builds commits from it; it only brings the entries it touched up to date after
/// a commit, so that `git status` stays clean.
public final class Index {
  let pointer: OpaquePointer
  /// Kept so the repository outlives its index.
  public let repository: Repository

  /// The repository's own index, read from disk (`git_repository_index`).
  public init(of repository: Repository) throws(GitError) {
    var pointer: OpaquePointer?
    try check(git_repository_index(&pointer, repository.pointer), function: "git_repository_index")
    guard let pointer else { throw GitError(code: .notFound, message: "no index") }
    self.pointer = pointer
    self.repository = repository
  }

  deinit {
    git_index_free(pointer)
  }

  /// Re-reads the index from disk if another process changed it since it was read
  /// (`git_index_read` without force, which compares the file's stamp).
  public func reloadIfChanged() throws(GitError) {
    try check(git_index_read(pointer, 0), function: "git_index_read")
  }

  /// The stage-0 entry at `path`, or nil (`git_index_get_bypath`).
  public func entry(at path: String) -> IndexEntry? {
    guard let entry = git_index_get_bypath(pointer, path, 0) else { return nil }
    return IndexEntry(
      path: path, id: ObjectID(entry.pointee.id), fileMode: entry.pointee.mode, fileSize: entry.pointee.file_size,
      modificationSeconds: entry.pointee.mtime.seconds, modificationNanoseconds: entry.pointee.mtime.nanoseconds,
      inode: entry.pointee.ino)
  }

  /// Whether any entry under `directory` (a path prefix ending in `/`) exists.
  public func containsEntries(under directory: String) -> Bool {
    var position = 0
    return git_index_find_prefix(&position, pointer, directory) == 0
  }

  /// Whether the index holds unresolved merge conflicts (`git_index_has_conflicts`).
  public var hasConflicts: Bool { git_index_has_conflicts(pointer) == 1 }

  /// The number of entries.
  public var count: Int { git_index_entrycount(pointer) }

  /// Records that `path` holds blob `blob`, taking the file's size and times from the work-tree
  /// file at `filePath`, which the caller has just written, so that git need not hash it again
  /// (`git_index_add`). `fileMode` is the entry's mode in the commit (a regular file by default).
  public func stage(path: String, blob: ObjectID, fileAt filePath: String, fileMode: UInt32 = 0o100644)
    throws(GitError)
  {
    var info = stat()
    guard lstat(filePath, &info) == 0 else {
      throw GitError(code: .notFound, message: "cannot stat \(filePath): errno \(errno)", function: "stat")
    }
    var entry = git_index_entry()
    entry.ctime.seconds = Int32(truncatingIfNeeded: info.st_ctim.tv_sec)
    entry.ctime.nanoseconds = UInt32(truncatingIfNeeded: info.st_ctim.tv_nsec)
    entry.mtime.seconds = Int32(truncatingIfNeeded: info.st_mtim.tv_sec)
    entry.mtime.nanoseconds = UInt32(truncatingIfNeeded: info.st_mtim.tv_nsec)
    entry.dev = UInt32(truncatingIfNeeded: info.st_dev)
    entry.ino = UInt32(truncatingIfNeeded: info.st_ino)
    entry.mode = fileMode
    entry.uid = info.st_uid
    entry.gid = info.st_gid
    entry.file_size = UInt32(truncatingIfNeeded: info.st_size)
    entry.id = blob.oid
    let result = path.withCString { cPath in
      entry.path = cPath
      return git_index_add(pointer, &entry)
    }
    try check(result, function: "git_index_add")
  }

  /// Records that `path` holds `blob` (with `fileMode`) without a work-tree file (a bare-style
  /// update, or an entry the ledger never writes out, such as a submodule).
  public func stage(path: String, blob: ObjectID, fileMode: UInt32 = 0o100644) throws(GitError) {
    var entry = git_index_entry()
    entry.mode = fileMode
    entry.id = blob.oid
    let result = path.withCString { cPath in
      entry.path = cPath
      return git_index_add(pointer, &entry)
    }
    try check(result, function: "git_index_add")
  }

  /// Removes `path` from the index; nothing happens when it is absent (`git_index_remove`).
  public func remove(path: String) throws(GitError) {
    let result = git_index_remove(pointer, path, 0)
    if result == GIT_ENOTFOUND.rawValue { return }
    try check(result, function: "git_index_remove")
  }

  /// Replaces the whole index with the contents of tree `treeID` (`git_index_read_tree`).
  public func replace(withTree treeID: ObjectID) throws(GitError) {
    var oid = treeID.oid
    var tree: OpaquePointer?
    try check(git_tree_lookup(&tree, repository.pointer, &oid), function: "git_tree_lookup")
    defer { git_tree_free(tree) }
    try check(git_index_read_tree(pointer, tree), function: "git_index_read_tree")
  }

  /// Writes the index to disk under its lock file (`git_index_write`).
  /// - Throws: ``GitError`` `.locked` when another process holds `index.lock`.
  public func write() throws(GitError) {
    try check(git_index_write(pointer), function: "git_index_write")
  }
}

@available(*, unavailable)
extension Index: Sendable {}

extension Repository {
  /// The blob id the file at `filePath` would have (`git_odb_hashfile`), without filters.
  public static func blobID(ofFileAt filePath: String) throws(GitError) -> ObjectID {
    _ = libgit2Ready
    var oid = git_oid()
    try check(git_odb_hashfile(&oid, filePath, GIT_OBJECT_BLOB), function: "git_odb_hashfile")
    return ObjectID(oid)
  }
}

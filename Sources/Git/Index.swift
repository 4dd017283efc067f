internal import CLibGit2
import GitIndexFile

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

/// A repository's index, the staging area between HEAD and the work tree.
///
/// The ledger never builds commits from it; it only brings the entries it touched up to date after
/// a commit, so that `git status` stays clean. libgit2 reads and rewrites the whole file for that
/// (400–600 ms for the 26 MB index of 200,000 files), so the index is read and updated in place by
/// `GitIndexFile` whenever that module understands the file and the change; anything else (an
/// extension it does not know, a damaged file, a conflict on a touched path…) goes to libgit2
/// (`git_repository_index`, `git_index_add`, `git_index_write`), with the changes asked so far
/// replayed on it. Either way the file written is the same, byte for byte.
public final class Index {
  /// Kept so the repository outlives its index.
  public let repository: Repository
  private let path: String
  /// Where the record of the last index written in place is kept (see `GitIndexFile`'s
  /// `ChecksumRecord`), or nil to verify every index read in full.
  private let checksumRecord: String?
  private var route: Route
  /// The changes asked for since the index was read, replayed on libgit2's index if the work
  /// passes to it.
  private var operations: [Operation] = []

  private enum Route {
    /// The file as `GitIndexFile` read it, with the changes so far.
    case file(IndexUpdate)
    /// The update taken out while it changes, so that it is not copied at each change.
    case changing
    /// Written by `GitIndexFile`: read again before any further use.
    case written
    /// libgit2's index (`git_index`).
    case libgit2(OpaquePointer)
  }

  private enum Operation {
    case add(IndexFileEntry)
    case remove(String)
  }

  /// Whether the last ``write()`` went through libgit2 (for tests).
  private(set) var lastWriteUsedLibgit2 = false

  /// The repository's own index, read from disk: updated in place when `GitIndexFile` understands
  /// it, else through libgit2.
  ///
  /// `checksumRecord` names a file (in the caller's caches) where each index written in place
  /// leaves its checksum and hash states, so that the next process to read that same file takes
  /// them instead of hashing the whole file to verify its checksum.
  public convenience init(of repository: Repository, checksumRecord: String? = nil) throws(GitError) {
    try self.init(of: repository, inPlace: true, checksumRecord: checksumRecord)
  }

  /// The repository's index; `inPlace` false leaves all the work to libgit2.
  init(of repository: Repository, inPlace: Bool, checksumRecord: String? = nil) throws(GitError) {
    self.repository = repository
    path = repository.gitDirectory + "index"
    self.checksumRecord = checksumRecord
    if inPlace, let file = Self.readFile(path, of: repository, checksumRecord: checksumRecord) {
      route = .file(IndexUpdate(of: file))
    } else {
      route = .libgit2(try Self.openLibgit2Index(of: repository))
    }
  }

  deinit {
    if case .libgit2(let pointer) = route { git_index_free(pointer) }
  }

  /// The index file at `path` when `GitIndexFile` can take the work: checked, checksum verified,
  /// and nothing about the repository that libgit2 would handle differently (case-insensitive
  /// paths); nil otherwise.
  private static func readFile(_ path: String, of repository: Repository, checksumRecord: String?) -> IndexFile? {
    guard !ignoresCase(repository) else { return nil }
    // libgit2 compares nanoseconds when it looks for racily clean entries only if built to.
    let nanoseconds = git_libgit2_features() & Int32(GIT_FEATURE_NSEC.rawValue) != 0
    return try? IndexFile.open(
      at: path, nanosecondTimestamps: nanoseconds, verifyingWith: SystemSHA1.self, checksumRecord: checksumRecord)
  }

  /// Whether `core.ignorecase` is set (libgit2 then matches paths in any case); true when the
  /// configuration cannot be read, which leaves the work to libgit2.
  private static func ignoresCase(_ repository: Repository) -> Bool {
    var config: OpaquePointer?
    guard git_repository_config_snapshot(&config, repository.pointer) == 0 else { return true }
    defer { git_config_free(config) }
    var value: Int32 = 0
    let result = git_config_get_bool(&value, config, "core.ignorecase")
    if result == GIT_ENOTFOUND.rawValue { return false }
    return result != 0 || value != 0
  }

  private static func openLibgit2Index(of repository: Repository) throws(GitError) -> OpaquePointer {
    var pointer: OpaquePointer?
    try check(git_repository_index(&pointer, repository.pointer), function: "git_repository_index")
    guard let pointer else { throw GitError(code: .notFound, message: "no index") }
    // The repository keeps the index libgit2 read first; the file may have been written in place
    // since. Read again when its checksum changed (as `reloadIfChanged` does).
    let reread = git_index_read(pointer, 0)
    guard reread >= 0 else {
      git_index_free(pointer)
      throw GitError(returnCode: reread, function: "git_index_read")
    }
    return pointer
  }

  /// After this object wrote the index: reads it again, in place or with libgit2.
  private func settle() throws(GitError) {
    guard case .written = route else { return }
    operations = []
    if let file = Self.readFile(path, of: repository, checksumRecord: checksumRecord) {
      route = .file(IndexUpdate(of: file))
    } else {
      route = .libgit2(try Self.openLibgit2Index(of: repository))
    }
  }

  /// Hands the work to libgit2: reads the index with it and replays the changes asked so far.
  private func libgit2Index() throws(GitError) -> OpaquePointer {
    if case .libgit2(let pointer) = route { return pointer }
    let pointer = try Self.openLibgit2Index(of: repository)
    route = .libgit2(pointer)
    let replayed = operations
    operations = []
    for operation in replayed {
      switch operation {
      case .add(let entry): try add(entry, to: pointer)
      case .remove(let path): try remove(path, from: pointer)
      }
    }
    return pointer
  }

  /// Re-reads the index from disk if another process changed it since it was read (libgit2's
  /// `git_index_read` without force: when the file's checksum differs; changes not yet written
  /// are dropped).
  /// - Returns: whether changes not yet written were dropped (the file had changed).
  @discardableResult
  public func reloadIfChanged() throws(GitError) -> Bool {
    switch route {
    case .libgit2(let pointer):
      try check(git_index_read(pointer, 0), function: "git_index_read")
      return false
    case .written, .changing:
      try settle()
      return false
    case .file(let update):
      guard let onDisk = Self.checksum(ofFileAt: path), onDisk != update.file.checksum else { return false }
      let dropped = !operations.isEmpty
      operations = []
      if let file = Self.readFile(path, of: repository, checksumRecord: checksumRecord) {
        route = .file(IndexUpdate(of: file))
      } else {
        route = .libgit2(try Self.openLibgit2Index(of: repository))
      }
      return dropped
    }
  }

  /// The last 20 bytes of the file at `path`, or nil when it cannot be read.
  private static func checksum(ofFileAt path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_size >= 20 else { return nil }
    var bytes = [UInt8](repeating: 0, count: 20)
    let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, 20, off_t(info.st_size - 20)) }
    return read == 20 ? bytes : nil
  }

  /// The stage-0 entry at `path`, or nil (`git_index_get_bypath`).
  public func entry(at path: String) -> IndexEntry? {
    try? settle()
    if case .file(let update) = route {
      guard let entry = update.entry(at: Array(path.utf8)), let id = ObjectID(bytes: entry.objectID) else {
        return nil
      }
      return IndexEntry(
        path: path, id: id, fileMode: entry.mode, fileSize: entry.fileSize,
        modificationSeconds: Int32(bitPattern: entry.modificationSeconds),
        modificationNanoseconds: entry.modificationNanoseconds, inode: entry.inode)
    }
    guard case .libgit2(let pointer) = route, let entry = git_index_get_bypath(pointer, path, 0) else { return nil }
    return IndexEntry(
      path: path, id: ObjectID(entry.pointee.id), fileMode: entry.pointee.mode, fileSize: entry.pointee.file_size,
      modificationSeconds: entry.pointee.mtime.seconds, modificationNanoseconds: entry.pointee.mtime.nanoseconds,
      inode: entry.pointee.ino)
  }

  /// Whether any entry under `directory` (a path prefix ending in `/`) exists.
  public func containsEntries(under directory: String) -> Bool {
    try? settle()
    if case .file(let update) = route { return update.containsEntries(under: Array(directory.utf8)) }
    guard case .libgit2(let pointer) = route else { return false }
    var position = 0
    return git_index_find_prefix(&position, pointer, directory) == 0
  }

  /// Whether the index holds unresolved merge conflicts (`git_index_has_conflicts`).
  public var hasConflicts: Bool {
    try? settle()
    if case .file(let update) = route { return update.file.hasConflicts }
    guard case .libgit2(let pointer) = route else { return false }
    return git_index_has_conflicts(pointer) == 1
  }

  /// The number of entries.
  public var count: Int {
    try? settle()
    if case .file(let update) = route { return update.entryCount }
    guard case .libgit2(let pointer) = route else { return 0 }
    return git_index_entrycount(pointer)
  }

  /// Whether the index was read in place and its checksum taken from the record of the last
  /// write instead of verified (for tests).
  var tookChecksumFromRecord: Bool {
    if case .file(let update) = route { return update.file.checksumWasRecorded }
    return false
  }

  /// Whether the work has passed to libgit2 (for tests).
  var usesLibgit2: Bool {
    if case .libgit2 = route { return true }
    return false
  }

  /// Records that `path` holds blob `blob`, taking the file's size and times from the work-tree
  /// file at `filePath`, which the caller has just written, so that git need not hash it again
  /// (`git_index_add`). `fileMode` is the entry's mode in the commit (a regular file by default).
  public func stage(path: String, blob: ObjectID, fileAt filePath: String, fileMode: UInt32 = 0o100644)
    throws(GitError)
  {
    guard let status = WorkTreeFileStatus(ofFileAt: filePath) else {
      throw GitError(code: .notFound, message: "cannot stat \(filePath): errno \(errno)", function: "stat")
    }
    try stage(path: path, blob: blob, status: status, fileMode: fileMode)
  }

  /// Records that `path` holds blob `blob`, with the size and times of the work-tree file the
  /// caller has just written and taken `status` of (from the open file: no second look-up of
  /// its path).
  public func stage(path: String, blob: ObjectID, status: WorkTreeFileStatus, fileMode: UInt32 = 0o100644)
    throws(GitError)
  {
    try stage(Self.entry(path: path, blob: blob, status: status, fileMode: fileMode))
  }

  /// Records, in place only, that `path` holds `blob`, whose object the caller is still writing
  /// (a pack not yet on the disk): the object is not looked for now, as `git_index_add` would.
  /// The caller writes the index only once the object is on the disk, so the file written is still
  /// libgit2's. Returns false, with nothing changed, when the index is not being updated in place
  /// or the change is one libgit2 has to make: stage it with ``stage(path:blob:status:fileMode:)``
  /// once the object is there.
  public func stageInPlace(path: String, blob: ObjectID, status: WorkTreeFileStatus, fileMode: UInt32 = 0o100644)
    throws(GitError) -> Bool
  {
    try settle()
    let entry = Self.entry(path: path, blob: blob, status: status, fileMode: fileMode)
    guard changeInPlace({ (update) throws(IndexFileError) in try update.add(entry) }) else { return false }
    operations.append(.add(entry))
    return true
  }

  private static func entry(path: String, blob: ObjectID, status: WorkTreeFileStatus, fileMode: UInt32)
    -> IndexFileEntry
  {
    var entry = IndexFileEntry(path: Array(path.utf8), mode: fileMode, objectID: blob.bytes)
    // Truncated to the format's 32 bits, as libgit2 truncates them.
    entry.changeSeconds = UInt32(truncatingIfNeeded: status.changeSeconds)
    entry.changeNanoseconds = UInt32(truncatingIfNeeded: status.changeNanoseconds)
    entry.modificationSeconds = UInt32(truncatingIfNeeded: status.modificationSeconds)
    entry.modificationNanoseconds = UInt32(truncatingIfNeeded: status.modificationNanoseconds)
    entry.device = UInt32(truncatingIfNeeded: status.device)
    entry.inode = UInt32(truncatingIfNeeded: status.inode)
    entry.userID = status.userID
    entry.groupID = status.groupID
    entry.fileSize = UInt32(truncatingIfNeeded: status.size)
    return entry
  }

  /// Records that `path` holds `blob` (with `fileMode`) without a work-tree file (a bare-style
  /// update, or an entry the ledger never writes out, such as a submodule).
  public func stage(path: String, blob: ObjectID, fileMode: UInt32 = 0o100644) throws(GitError) {
    try stage(IndexFileEntry(path: Array(path.utf8), mode: fileMode, objectID: blob.bytes))
  }

  /// Adds `entry` at stage 0, replacing any entry at its path (`git_index_add`).
  func stage(_ entry: IndexFileEntry) throws(GitError) {
    try settle()
    if objectIsValid(entry), changeInPlace({ (update) throws(IndexFileError) in try update.add(entry) }) {
      operations.append(.add(entry))
      return
    }
    try add(entry, to: try libgit2Index())
  }

  /// Removes `path` from the index; nothing happens when it is absent (`git_index_remove`).
  public func remove(path: String) throws(GitError) {
    try settle()
    if changeInPlace({ (update) throws(IndexFileError) in try update.remove(path: Array(path.utf8)) }) {
      operations.append(.remove(path))
      return
    }
    try remove(path, from: try libgit2Index())
  }

  /// Makes `change` to the update in place; false when there is none, or when `GitIndexFile`
  /// leaves the change to libgit2 (`IndexUpdate` refuses before it changes anything).
  private func changeInPlace(_ change: (inout IndexUpdate) throws(IndexFileError) -> Void) -> Bool {
    guard case .file(var update) = route else { return false }
    // Taken out of `route` first: a copy left there would make every change copy the update.
    route = .changing
    defer { route = .file(update) }
    do {
      try change(&update)
      return true
    } catch {
      return false
    }
  }

  /// Whether libgit2 would accept `entry`'s object (`git_object__is_valid`): it must exist with the
  /// type its mode implies, unless it is a submodule's commit.
  private func objectIsValid(_ entry: IndexFileEntry) -> Bool {
    guard entry.mode != 0o160000 else { return true }
    guard let id = ObjectID(bytes: entry.objectID), let odb = try? repository.odb() else { return false }
    var oid = id.oid
    var size = 0
    var type = GIT_OBJECT_ANY
    return git_odb_read_header(&size, &type, odb, &oid) == 0 && type == GIT_OBJECT_BLOB
  }

  private func add(_ entry: IndexFileEntry, to pointer: OpaquePointer) throws(GitError) {
    var raw = git_index_entry()
    raw.ctime.seconds = Int32(bitPattern: entry.changeSeconds)
    raw.ctime.nanoseconds = entry.changeNanoseconds
    raw.mtime.seconds = Int32(bitPattern: entry.modificationSeconds)
    raw.mtime.nanoseconds = entry.modificationNanoseconds
    raw.dev = entry.device
    raw.ino = entry.inode
    raw.mode = entry.mode
    raw.uid = entry.userID
    raw.gid = entry.groupID
    raw.file_size = entry.fileSize
    raw.id = ObjectID(bytes: entry.objectID)?.oid ?? git_oid()
    let path = String(decoding: entry.path, as: UTF8.self)
    let result = path.withCString { cPath in
      raw.path = cPath
      return git_index_add(pointer, &raw)
    }
    try check(result, function: "git_index_add")
  }

  private func remove(_ path: String, from pointer: OpaquePointer) throws(GitError) {
    let result = git_index_remove(pointer, path, 0)
    if result == GIT_ENOTFOUND.rawValue { return }
    try check(result, function: "git_index_remove")
  }

  /// Replaces the whole index with the contents of tree `treeID` (`git_index_read_tree`).
  public func replace(withTree treeID: ObjectID) throws(GitError) {
    let index = try libgit2Index()
    var oid = treeID.oid
    var tree: OpaquePointer?
    try check(git_tree_lookup(&tree, repository.pointer, &oid), function: "git_tree_lookup")
    defer { git_tree_free(tree) }
    try check(git_index_read_tree(index, tree), function: "git_index_read_tree")
  }

  /// Writes the index to disk under its lock file (`git_index_write`, or the same bytes written
  /// in place: `index.lock` taken, synced, renamed over the index).
  /// - Throws: ``GitError`` `.locked` when another process holds `index.lock`.
  public func write() throws(GitError) {
    try settle()
    if case .file(let update) = route {
      do {
        let plan = try update.plan(racyEntriesAreUnchanged: racyEntriesAreUnchanged(in: update))
        try IndexFileWriter.write(
          plan, to: path, using: SystemSHA1.self, durable: true, checksumRecord: checksumRecord)
        route = .written
        operations = []
        lastWriteUsedLibgit2 = false
        return
      } catch  where error.kind == .locked {
        throw GitError(code: .locked, message: error.message, function: "IndexFileWriter.write")
      } catch  where error.kind == .io {
        throw GitError(code: .other(-1), message: error.message, function: "IndexFileWriter.write")
      } catch {
        // Something libgit2 handles differently (racily clean entries): it takes over.
      }
    }
    let pointer = try libgit2Index()
    try check(git_index_write(pointer), function: "git_index_write")
    lastWriteUsedLibgit2 = true
  }
}

extension Index {
  /// How many racily clean entries are checked here at most; past that, libgit2 checks them.
  static let racyEntriesCheckedInPlace = 256

  /// Whether libgit2 would leave every racily clean entry this update does not touch as it is
  /// (`truncate_racily_clean` sets the size of those whose work-tree file differs to 0): each is a
  /// regular file of the entry's mode and size whose contents, hashed as libgit2 hashes them
  /// (`git_repository_hashfile`, the repository's filters applied), are the entry's blob. Then the
  /// file written in place is still byte for byte libgit2's. A file written just before the index
  /// shares its time (the clock moves in steps of a few milliseconds), so the entry of the last
  /// write is often racily clean at the next.
  private func racyEntriesAreUnchanged(in update: IndexUpdate) -> Bool {
    guard let racy = update.untouchedRacyEntries, !racy.isEmpty, racy.count <= Self.racyEntriesCheckedInPlace,
      let workdir = git_repository_workdir(repository.pointer)
    else { return false }
    let root = String(cString: workdir)
    for entry in racy {
      guard entry.mode == 0o100644 || entry.mode == 0o100755 else { return false }
      let relative = String(decoding: entry.path, as: UTF8.self)
      let absolute = root.hasSuffix("/") ? root + relative : "\(root)/\(relative)"
      var info = stat()
      guard lstat(absolute, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
        UInt32(truncatingIfNeeded: info.st_size) == entry.fileSize,
        (info.st_mode & S_IXUSR != 0) == (entry.mode == 0o100755)
      else { return false }
      var oid = git_oid()
      guard git_repository_hashfile(&oid, repository.pointer, absolute, GIT_OBJECT_BLOB, relative) == 0,
        ObjectID(oid).bytes == entry.objectID
      else { return false }
    }
    return true
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

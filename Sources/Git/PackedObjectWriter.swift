internal import CLibGit2
import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Writes many objects as one pack file instead of one loose file each: objects go to libgit2's
/// in-memory store and leave it as a single pack (`git_mempack_new`, `git_packbuilder_write_buf`,
/// `git_odb_write_pack`). For a 10,000-claim import this is a few times faster than loose objects,
/// and leaves the repository packed.
public final class PackedObjectWriter {
  /// A second handle on the repository, whose writes go to memory until ``finish()``. Write blobs,
  /// trees and commits through it.
  public let repository: Repository
  private let backend: UnsafeMutablePointer<git_odb_backend>
  private var isFinished = false

  /// Opens the repository at `path` again with an in-memory object store in front of its own.
  /// - Parameter settingsFile: where this writer keeps its pack settings, a git config file made
  ///   when missing (see ``packSettings``); nil leaves libgit2's defaults.
  public init(repositoryAt path: String, settingsFile: String? = nil) throws(GitError) {
    repository = try Repository(openingAt: path)
    if let settingsFile { try Self.applySettings(from: settingsFile, to: repository) }
    var backend: UnsafeMutablePointer<git_odb_backend>?
    try check(git_mempack_new(&backend), function: "git_mempack_new")
    guard let backend else { throw GitError(code: .invalid, message: "no mempack backend") }
    var odb: OpaquePointer?
    try check(git_repository_odb(&odb, repository.pointer), function: "git_repository_odb")
    defer { git_odb_free(odb) }
    // The object database owns the backend from here on and frees it with the repository.
    try check(git_odb_add_backend(odb, backend, 999), function: "git_odb_add_backend")
    self.backend = backend
  }

  /// Stores bytes as a blob in memory, for the pack. Straight into the in-memory store, not through
  /// the object database: libgit2 would first look for the object on the disk (touching a loose
  /// file that is not there and listing the pack directory again, eight system calls), which for a
  /// 10,000-claim import cost more than writing the work tree. A blob the disk already holds is
  /// then packed again, which git allows.
  public func writeBlob(_ bytes: [UInt8]) throws(GitError) -> ObjectID {
    var oid = git_oid()
    let hashed = bytes.withUnsafeBytes { raw in git_odb_hash(&oid, raw.baseAddress, raw.count, GIT_OBJECT_BLOB) }
    try check(hashed, function: "git_odb_hash")
    guard let write = backend.pointee.write else { return try repository.writeBlob(bytes) }
    let written = bytes.withUnsafeBytes { raw in write(backend, &oid, raw.baseAddress, raw.count, GIT_OBJECT_BLOB) }
    try check(written, function: "git_mempack.write")
    return ObjectID(oid)
  }

  /// Stores each of `contents` as a blob in memory, as ``writeBlob(_:)`` does, and returns their
  /// ids in the same order. The ids are computed on every core first (hashing ten thousand records
  /// is a tenth of an import's work on its critical path); only the store is one thread's.
  public func writeBlobs(_ contents: [[UInt8]]) throws(GitError) -> [ObjectID] {
    guard contents.count >= 256, let write = backend.pointee.write else {
      var ids: [ObjectID] = []
      ids.reserveCapacity(contents.count)
      for bytes in contents { ids.append(try writeBlob(bytes)) }
      return ids
    }
    let ids = try Self.blobIDs(of: contents)
    for (bytes, id) in zip(contents, ids) {
      var oid = id.oid
      let written = bytes.withUnsafeBytes { raw in write(backend, &oid, raw.baseAddress, raw.count, GIT_OBJECT_BLOB) }
      try check(written, function: "git_mempack.write")
    }
    return ids
  }

  /// The blob id of each of `contents` (`git_odb_hash`), computed on up to four threads.
  private static func blobIDs(of contents: [[UInt8]]) throws(GitError) -> [ObjectID] {
    let workers = min(4, max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    let chunk = (contents.count + workers - 1) / workers
    let results = Mutex<[Int: Result<[ObjectID], GitError>]>([:])
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      var ids: [ObjectID] = []
      let range = (worker * chunk)..<min(contents.count, (worker + 1) * chunk)
      ids.reserveCapacity(range.count)
      do throws(GitError) {
        for position in range { ids.append(try Repository.blobID(of: contents[position])) }
        results.withLock { $0[worker] = .success(ids) }
      } catch {
        results.withLock { $0[worker] = .failure(error) }
      }
    }
    var ids: [ObjectID] = []
    ids.reserveCapacity(contents.count)
    let byWorker = results.withLock { $0 }
    for worker in 0..<workers {
      switch byWorker[worker] {
      case .success(let part): ids += part
      case .failure(let error): throw error
      case nil: throw GitError(code: .invalid, message: "a blob id was not computed")
      }
    }
    return ids
  }

  /// The pack settings of this writer, for its own handle on the repository only: no delta
  /// search. A ledger's records are distinct sentences and reviews of a few hundred bytes; in
  /// packs of 2,000 and 10,000 claims libgit2 found no delta at all, yet spent a third of the
  /// import looking (every object read back, indexed and compared with ten others).
  /// libgit2 1.5.1 takes the largest object it tries to delta from `pack.deltaCacheSize` (its
  /// `pack.bigFileThreshold` is read under that name); both are set, so that a libgit2 that reads
  /// the right key skips the search too. An object is never larger than a delta cache of one byte
  /// would hold, so the cache setting changes nothing else.
  static let packSettings = "[pack]\n\tdeltaCacheSize = 1\n\tbigFileThreshold = 1\n"

  /// Adds `file` (written first when it does not hold ``packSettings``) to the configuration of
  /// this handle, at the application's level, above the repository's own.
  static func applySettings(from file: String, to repository: Repository) throws(GitError) {
    let wanted = Array(packSettings.utf8)
    if ConfigFile.read(file) != wanted { ConfigFile.write(wanted, to: file) }
    var config: OpaquePointer?
    try check(git_repository_config(&config, repository.pointer), function: "git_repository_config")
    defer { git_config_free(config) }
    try check(
      git_config_add_file_ondisk(config, file, GIT_CONFIG_LEVEL_APP, repository.pointer, 1),
      function: "git_config_add_file_ondisk")
  }

  /// Writes the objects `commit` adds to its repository as one pack, with its index: the commit,
  /// and the trees and blobs of its tree that `baseTree` (its parent's tree; nil for none) does
  /// not hold at the same path. ``compress(commit:baseTree:)`` then ``store(_:)``.
  ///
  /// - Returns: the pack's name, its checksum in hexadecimal: its files are
  ///   `objects/pack/pack-<name>.pack` and `.idx` (libgit2 names a pack by its checksum, as git does).
  @discardableResult
  public func finish(commit: ObjectID, baseTree: ObjectID?) throws(GitError) -> String {
    try store(compress(commit: commit, baseTree: baseTree))
  }

  /// Makes the pack of the objects `commit` adds (see ``finish(commit:baseTree:)``) in memory;
  /// nothing goes to the disk until ``store(_:)``. Compressing is most of a pack's cost, so a
  /// large write does it while its records are still being checked.
  ///
  /// Only the objects `commit` adds: `git_mempack_dump` packs the commit's whole tree, every
  /// object of the ledger again (an import into a ledger of 100,000 claims wrote a pack of 300,000
  /// objects). The objects are compressed but not searched for deltas against each other (as
  /// `git fast-import` writes them): a delta search costs a third of a large import, and `git gc`
  /// makes deltas later.
  public func compress(commit: ObjectID, baseTree: ObjectID?) throws(GitError) -> CompressedPack {
    precondition(!isFinished, "a pack is written once")
    isFinished = true
    var builder: OpaquePointer?
    try check(git_packbuilder_new(&builder, repository.pointer), function: "git_packbuilder_new")
    guard let builder else { throw GitError(code: .invalid, message: "no pack builder") }
    defer { git_packbuilder_free(builder) }
    var oid = commit.oid
    try check(git_packbuilder_insert(builder, &oid, nil), function: "git_packbuilder_insert")
    let tree = try repository.commit(commit).treeID
    try insertNewObjects(of: tree, comparedWith: baseTree, into: builder)
    let pack = CompressedPack()
    try check(git_packbuilder_write_buf(&pack.buffer, builder), function: "git_packbuilder_write_buf")
    guard pack.buffer.ptr != nil, pack.buffer.size >= 20 else {
      throw GitError(code: .invalid, message: "an empty pack")
    }
    return pack
  }

  /// Writes `pack` (from ``compress(commit:baseTree:)``) to the object database, with its index
  /// (`git_odb_write_pack`, which reads every object again to index it), and drops the objects
  /// held in memory.
  /// - Returns: the pack's name (see ``finish(commit:baseTree:)``).
  public func store(_ pack: CompressedPack) throws(GitError) -> String {
    guard let bytes = pack.buffer.ptr, pack.buffer.size >= 20 else {
      throw GitError(code: .invalid, message: "an empty pack")
    }
    let size = pack.buffer.size
    let name = UnsafeRawBufferPointer(start: bytes + size - 20, count: 20).map { byte in
      String(byte >> 4, radix: 16) + String(byte & 0xF, radix: 16)
    }.joined()
    var odb: OpaquePointer?
    try check(git_repository_odb(&odb, repository.pointer), function: "git_repository_odb")
    defer { git_odb_free(odb) }
    var writer: UnsafeMutablePointer<git_odb_writepack>?
    try check(git_odb_write_pack(&writer, odb, nil, nil), function: "git_odb_write_pack")
    guard let writer else { throw GitError(code: .invalid, message: "no pack writer") }
    defer { writer.pointee.free(writer) }
    var progress = git_indexer_progress()
    try check(writer.pointee.append(writer, bytes, size, &progress), function: "git_odb_writepack.append")
    try check(writer.pointee.commit(writer, &progress), function: "git_odb_writepack.commit")
    try check(git_mempack_reset(backend), function: "git_mempack_reset")
    return name
  }

  /// Inserts `tree` and, below it, every tree and blob whose id differs from the entry of the same
  /// name in `base`: what a commit of `tree` on top of `base` wrote.
  private func insertNewObjects(of tree: ObjectID, comparedWith base: ObjectID?, into builder: OpaquePointer)
    throws(GitError)
  {
    guard tree != base else { return }
    var treeOID = tree.oid
    try check(git_packbuilder_insert(builder, &treeOID, nil), function: "git_packbuilder_insert")
    var newTree: OpaquePointer?
    try check(git_tree_lookup(&newTree, repository.pointer, &treeOID), function: "git_tree_lookup")
    defer { git_tree_free(newTree) }
    var oldTree: OpaquePointer?
    if var baseOID = base?.oid {
      try check(git_tree_lookup(&oldTree, repository.pointer, &baseOID), function: "git_tree_lookup")
    }
    defer { git_tree_free(oldTree) }
    for index in 0..<git_tree_entrycount(newTree) {
      guard let entry = git_tree_entry_byindex(newTree, index), let id = git_tree_entry_id(entry) else { continue }
      let name = git_tree_entry_name(entry)
      let old = oldTree.flatMap { git_tree_entry_byname($0, name) }
      if let old, git_oid_equal(git_tree_entry_id(old), id) != 0 { continue }
      switch git_tree_entry_type(entry) {
      case GIT_OBJECT_TREE:
        let oldSubtree = old.flatMap {
          git_tree_entry_type($0) == GIT_OBJECT_TREE ? ObjectID(git_tree_entry_id($0)) : nil
        }
        try insertNewObjects(of: ObjectID(id), comparedWith: oldSubtree, into: builder)
      case GIT_OBJECT_BLOB:
        try check(git_packbuilder_insert(builder, id, name), function: "git_packbuilder_insert")
      default:
        continue  // a submodule's commit is not in this repository
      }
    }
  }
}

@available(*, unavailable)
extension PackedObjectWriter: Sendable {}

/// A pack made in memory by ``PackedObjectWriter/compress(commit:baseTree:)``, not yet on the disk.
public final class CompressedPack {
  fileprivate var buffer = git_buf()

  fileprivate init() {}

  /// The pack's size in bytes.
  public var size: Int { buffer.size }

  deinit { git_buf_dispose(&buffer) }
}

@available(*, unavailable)
extension CompressedPack: Sendable {}

/// A small file read and replaced whole (through a rename), for ``PackedObjectWriter``'s settings.
private enum ConfigFile {
  static func read(_ path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var bytes = [UInt8](repeating: 0, count: 4096)
    let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
    return count >= 0 ? Array(bytes[..<count]) : nil
  }

  /// Best effort: a settings file that cannot be written leaves libgit2's defaults.
  static func write(_ bytes: [UInt8], to path: String) {
    let temporary = "\(path).\(getpid()).tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { return }
    let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
    close(descriptor)
    if written != bytes.count || rename(temporary, path) != 0 { unlink(temporary) }
  }
}

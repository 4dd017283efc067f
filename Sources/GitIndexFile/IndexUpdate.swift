/// Changes to an index file, made as libgit2 makes them (`git_index_add` with its stat data,
/// `git_index_remove` at stage 0), in order, and the new file they give.
///
/// The new file is planned as pieces: runs of untouched entries copied from the old file as they
/// are (version 4: the first entry of a run re-encoded against its new predecessor), the new
/// entries, the cache tree invalidated along the changed paths, the conflict-name and
/// resolve-undo extensions as they were. Other optional extensions are dropped, as libgit2 drops
/// them (the untracked cache, the end-of-entries and offset-table extensions, the file system
/// monitor's). The result is byte for byte what libgit2 writes for the same calls.
public struct IndexUpdate {
  public let file: IndexFile
  /// Each touched path's new entry, or nil once removed.
  var changed: [[UInt8]: IndexFileEntry?] = [:]
  var cacheTree: CacheTree?
  /// For each directory, how many of the entries added so far lie under it.
  private var addedUnder: [[UInt8]: Int] = [:]

  public init(of file: IndexFile) {
    self.file = file
    cacheTree = file.cacheTree
  }

  /// Whether nothing was changed.
  public var isEmpty: Bool { changed.isEmpty }

  /// The number of entries with the changes so far.
  public var entryCount: Int {
    changed.reduce(file.entryCount) { count, change in
      let existed = file.position(of: change.key, stage: 0).found
      return count + (change.value != nil ? 1 : 0) - (existed ? 1 : 0)
    }
  }

  /// Whether any entry lies under `directory` (a path prefix ending in `/`), at any stage.
  public func containsEntries(under directory: [UInt8]) -> Bool {
    if changed.contains(where: { $0.value != nil && $0.key.starts(with: directory) }) { return true }
    var position = file.position(of: directory, stage: 0).position
    while position < file.entryCount {
      let path = file.path(at: position)
      guard path.starts(with: directory) else { return false }
      if changed[path] != .some(nil) || file.stage(at: position) != 0 { return true }
      position += 1
    }
    return false
  }

  /// The stage-0 entry at `path` with the changes so far.
  public func entry(at path: [UInt8]) -> IndexFileEntry? {
    if let known = changed[path] { return known }
    return file.entry(at: path)
  }

  /// Adds `entry` at stage 0, replacing the entry at its path (`git_index_add`).
  ///
  /// - Throws: `.unsupported` when libgit2 would do more or other than that: a path it might
  ///   refuse, a mode it would refuse, conflict stages at the path, or an entry at a directory of
  ///   the path or under the path (libgit2 would remove it).
  public mutating func add(_ entry: IndexFileEntry) throws(IndexFileError) {
    guard IndexPathRules.isPlainAddablePath(entry.path) else {
      throw IndexFileError(.unsupported, "the path '\(String(decoding: entry.path, as: UTF8.self))' is left to libgit2")
    }
    guard IndexFormat.isValidMode(entry.mode), entry.objectID.count == IndexFormat.objectIDSize else {
      throw IndexFileError(.unsupported, "mode \(String(entry.mode, radix: 8)) is left to libgit2")
    }
    try refuseConflicts(at: entry.path)
    try refuseCollisions(of: entry.path)
    if changed[entry.path] ?? nil == nil { countAdded(entry.path, by: 1) }
    changed[entry.path] = .some(entry)
    cacheTree?.invalidate(path: entry.path)
  }

  /// Removes the stage-0 entry at `path`, if there is one (`git_index_remove(path, 0)`).
  /// - Throws: `.unsupported` when the path has conflict stages or holds a NUL.
  public mutating func remove(path: [UInt8]) throws(IndexFileError) {
    guard !path.contains(0) else { throw IndexFileError(.unsupported, "a path with a NUL is left to libgit2") }
    try refuseConflicts(at: path)
    guard entry(at: path) != nil else { return }
    if changed[path] ?? nil != nil { countAdded(path, by: -1) }
    changed[path] = .some(nil)
    cacheTree?.invalidate(path: path)
  }

  private func refuseConflicts(at path: [UInt8]) throws(IndexFileError) {
    // Checked for emptiness first: hashing the path is most of the cost of staging an entry.
    guard file.conflictedPaths.isEmpty || !file.conflictedPaths.contains(path) else {
      throw IndexFileError(.unsupported, "'\(String(decoding: path, as: UTF8.self))' has conflict stages")
    }
  }

  /// Refuses a path that would stand where a file is a directory of it, or where entries lie
  /// under it: libgit2 would remove those entries (`check_file_directory_collision`).
  private func refuseCollisions(of path: [UInt8]) throws(IndexFileError) {
    for position in path.indices where path[position] == UInt8(ascii: "/") {
      let directory = Array(path[..<position])
      if entry(at: directory) != nil || (!file.conflictedPaths.isEmpty && file.conflictedPaths.contains(directory)) {
        throw IndexFileError(
          .unsupported, "a file stands where '\(String(decoding: path, as: UTF8.self))' needs a directory")
      }
    }
    let directory = path + [UInt8(ascii: "/")]
    if addedUnder[path, default: 0] > 0 {
      throw IndexFileError(.unsupported, "entries lie under '\(String(decoding: path, as: UTF8.self))'")
    }
    var position = file.position(of: directory, stage: 0).position
    while position < file.entryCount {
      let under = file.path(at: position)
      guard under.starts(with: directory) else { break }
      if changed[under] != .some(nil) {
        throw IndexFileError(.unsupported, "entries lie under '\(String(decoding: path, as: UTF8.self))'")
      }
      position += 1
    }
  }

  private mutating func countAdded(_ path: [UInt8], by change: Int) {
    for position in path.indices where path[position] == UInt8(ascii: "/") {
      addedUnder[Array(path[..<position]), default: 0] += change
    }
  }
}

import ClaimModel
import Dispatch
import Git
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// The few file operations the ledger needs, done with system calls so that symbolic links are
/// never followed by accident and every write is atomic.
enum FileSystem {
  /// What is at a path, without following a final symbolic link.
  enum Node: Equatable {
    case missing, file, directory, symbolicLink, other
  }

  static func node(at path: String) -> Node {
    var info = stat()
    guard lstat(path, &info) == 0 else { return .missing }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return .file
    case S_IFDIR: return .directory
    case S_IFLNK: return .symbolicLink
    default: return .other
    }
  }

  /// The whole file at `path`, or nil when it cannot be read.
  static func readFile(at path: String, limit: Int = Int.max) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) <= limit else {
      return nil
    }
    var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
    var offset = 0
    while offset < bytes.count {
      let count = bytes.withUnsafeMutableBytes { raw in
        read(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset)
      }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { return nil }
      offset += count
    }
    return bytes
  }

  /// Writes `bytes` to `path`: in place when no file is there yet (a crash then leaves a file the
  /// write journal restores), else through a temporary file renamed over the old one, so that a
  /// reader never sees half of a replaced file. Creating new files directly halves the file-system
  /// work of a large import. Returns the written file's status (for its index entry), nil when it
  /// could not be taken.
  @discardableResult
  static func write(_ bytes: [UInt8], to path: String) throws(LedgerError) -> WorkTreeFileStatus? {
    var noDirectory: OpenDirectory?
    return try write(bytes, to: path, in: &noDirectory)
  }

  /// Writes as ``write(_:to:)`` does, creating the file relative to `directory` (kept open across
  /// calls for files of one directory): its path is not walked again for every file.
  private static func write(_ bytes: [UInt8], to path: String, in directory: inout OpenDirectory?)
    throws(LedgerError) -> WorkTreeFileStatus?
  {
    let flags = O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW
    let descriptor =
      if let slash = path.lastIndex(of: "/"), let parent = directory?.descriptor(for: String(path[..<slash])) {
        openat(parent, String(path[path.index(after: slash)...]), flags, 0o644)
      } else {
        open(path, flags, 0o644)
      }
    guard descriptor >= 0 else {
      if errno == EEXIST {
        try writeAtomically(bytes, to: path)
        return WorkTreeFileStatus(ofFileAt: path)
      }
      throw LedgerError(.writeFailed(path: path), "cannot write \(path): \(String(cString: strerror(errno)))")
    }
    try writeChunk(bytes, to: descriptor, path: path, removingOnFailure: path)
    // Taken from the open file: its times no longer change, and its path need not be looked up again.
    let status = WorkTreeFileStatus(ofOpenFile: descriptor)
    close(descriptor)
    return status
  }

  /// Writes each file as ``write(_:to:)`` does, on up to `workers` threads, and returns each
  /// file's status in the order given. Throws the first failure.
  ///
  /// Files in one directory gain little from more than one thread: creating a name takes the
  /// directory's lock, and the threads that wait for it spin on a core. A writer that has other
  /// work for the second core (the import's pack) writes them on one.
  ///
  /// With one worker, `eachBatch` is handed the statuses of every `batchSize` files as they are
  /// written (their positions and statuses), so that their index entries can be staged on another
  /// thread meanwhile.
  static func write(
    _ files: [(bytes: [UInt8], path: String)], workers wanted: Int = 4, batchSize: Int = 512,
    eachBatch: ((Range<Int>, [WorkTreeFileStatus?]) -> Void)? = nil
  ) throws(LedgerError) -> [WorkTreeFileStatus?] {
    let workers = files.count >= 256 && eachBatch == nil ? min(max(1, System.activeProcessorCount), wanted) : 1
    guard workers > 1 else {
      var statuses: [WorkTreeFileStatus?] = []
      statuses.reserveCapacity(files.count)
      // Opening the directory pays only from the second file in it on (a verdict writes one).
      var directory: OpenDirectory? = files.count > 1 ? OpenDirectory() : nil
      defer { directory?.close() }
      var handedOn = 0
      for file in files {
        statuses.append(try write(file.bytes, to: file.path, in: &directory))
        if let eachBatch, statuses.count - handedOn == batchSize || statuses.count == files.count {
          eachBatch(handedOn..<statuses.count, Array(statuses[handedOn...]))
          handedOn = statuses.count
        }
      }
      return statuses
    }
    let failure = Mutex<LedgerError?>(nil)
    let written = Mutex<[(Int, WorkTreeFileStatus?)]>([])
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      var statuses: [(Int, WorkTreeFileStatus?)] = []
      var directory: OpenDirectory? = OpenDirectory()
      defer {
        directory?.close()
        written.withLock { $0 += statuses }
      }
      for position in stride(from: worker, to: files.count, by: workers) {
        guard failure.withLock({ $0 == nil }) else { return }
        do throws(LedgerError) {
          statuses.append((position, try write(files[position].bytes, to: files[position].path, in: &directory)))
        } catch {
          failure.withLock { first in if first == nil { first = error } }
          return
        }
      }
    }
    if let error = failure.withLock({ $0 }) { throw error }
    var statuses = [WorkTreeFileStatus?](repeating: nil, count: files.count)
    for (position, status) in written.withLock({ $0 }) { statuses[position] = status }
    return statuses
  }

  /// Writes `bytes` in full; on failure closes the file, removes `removingOnFailure` and throws.
  private static func writeChunk(_ bytes: [UInt8], to descriptor: Int32, path: String, removingOnFailure: String)
    throws(LedgerError)
  {
    var offset = 0
    while offset < bytes.count {
      let count = bytes.withUnsafeBytes { raw in
        Glibc.write(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset)
      }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else {
        let reason = String(cString: strerror(errno))
        close(descriptor)
        unlink(removingOnFailure)
        throw LedgerError(.writeFailed(path: path), "cannot write \(path): \(reason)")
      }
      offset += count
    }
  }

  /// Writes `bytes` to a temporary file beside `path` and renames it into place, so a reader (or a
  /// crash) sees the old file or the new one, never half of one.
  /// With `durable`, the file and its directory entry are on the disk when this returns, so that
  /// a power cut cannot lose or tear it.
  static func writeAtomically(_ bytes: [UInt8], to path: String, durable: Bool = false) throws(LedgerError) {
    try writeAtomically(chunks: [bytes], to: path, durable: durable)
  }

  /// Writes `chunks` one after another to a temporary file and renames it into place, like
  /// ``writeAtomically(_:to:durable:)`` but without first copying large chunks into one array.
  static func writeAtomically(chunks: [[UInt8]], to path: String, durable: Bool = false) throws(LedgerError) {
    let file = try AtomicFileWriter(path: path)
    for chunk in chunks { file.write(chunk) }
    try file.commit(durable: durable)
  }

  /// Makes a rename or unlink in `directory` durable. A failure is ignored: some file systems
  /// cannot sync a directory, and the file itself is already on the disk.
  static func synchroniseDirectory(_ directory: String) {
    let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    _ = fsync(descriptor)
    close(descriptor)
  }

  /// Makes every missing directory of `relativePath` below `root`, refusing to pass through a
  /// symbolic link or a file: a link committed into the ledger must never lead a write outside it.
  static func makeDirectories(_ relativePath: String, under root: String) throws(LedgerError) {
    var current = root
    for component in relativePath.split(separator: "/") {
      current += "/\(component)"
      switch node(at: current) {
      case .directory: continue
      case .missing:
        guard mkdir(current, 0o755) == 0 || errno == EEXIST else {
          throw LedgerError(
            .writeFailed(path: current), "cannot create directory \(current): \(String(cString: strerror(errno)))")
        }
        guard node(at: current) == .directory else {
          throw LedgerError(.unsafePath(path: current), "\(current) is not a directory; remove it and retry")
        }
      case .symbolicLink:
        throw LedgerError(
          .unsafePath(path: current),
          "\(current) is a symbolic link; the ledger never writes through links, remove it (and commit) and retry")
      case .file, .other:
        throw LedgerError(
          .unsafePath(path: current), "\(current) is a file where the ledger needs a directory; remove it and retry")
      }
    }
  }

  /// Removes now-empty directories from `relativeDirectory` upwards, stopping below `root`.
  static func removeEmptyDirectories(_ relativeDirectory: String, under root: String) {
    var components = relativeDirectory.split(separator: "/")
    while !components.isEmpty {
      let path = root + "/" + components.joined(separator: "/")
      guard rmdir(path) == 0 else { return }
      components.removeLast()
    }
  }

  /// Seconds since the file at `path` was last modified, or nil when it does not exist.
  static func age(of path: String) -> Double? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    return Double(now.tv_sec - info.st_mtim.tv_sec) + Double(now.tv_nsec - info.st_mtim.tv_nsec) / 1e9
  }
}

extension FileSystem {
  /// Size, modification time and inode of a file, without following links.
  struct StatInfo {
    var size: Int
    var seconds: Int
    var nanoseconds: Int
    var inode: UInt64
  }

  static func statInfo(at path: String) -> StatInfo? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    return StatInfo(
      size: Int(info.st_size), seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec),
      inode: UInt64(info.st_ino))
  }
}

extension FileSystem {
  /// The names in `directory` (without `.` and `..`), or nil when it cannot be listed.
  static func directoryEntries(at directory: String) -> [String]? {
    guard let handle = opendir(directory) else { return nil }
    defer { closedir(handle) }
    var names: [String] = []
    while let entry = readdir(handle) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }

  /// Removes `path` and, when it is a directory, everything below it, never following a symbolic
  /// link (a link is removed, not what it points at). Best effort: what cannot be removed stays.
  static func removeTree(at path: String) {
    if node(at: path) == .directory {
      for name in directoryEntries(at: path) ?? [] { removeTree(at: "\(path)/\(name)") }
      rmdir(path)
    } else {
      unlink(path)
    }
  }

  /// The whole file at `path` as UTF-8 text (invalid bytes replaced), or nil when it cannot be read.
  static func readText(at path: String) -> String? {
    readFile(at: path).map { String(decoding: $0, as: UTF8.self) }
  }

  /// `path` without its last component (`a/b/c` → `a/b`, `/a` → `/`, `a` → ``).
  static func parent(of path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return "" }
    if slash == trimmed.startIndex { return "/" }
    var parent = trimmed[..<slash]
    while parent.count > 1 && parent.hasSuffix("/") { parent = parent.dropLast() }
    return String(parent)
  }
}

/// The directory the last file was written in, kept open so that the next file in it is created
/// relative to it. Opened without following a link, as the files themselves are.
private struct OpenDirectory {
  private var path: String?
  private var handle: Int32 = -1

  /// The open directory at `directory`, or nil when it cannot be opened (the caller then uses the
  /// whole path, and reports what that meets).
  mutating func descriptor(for directory: String) -> Int32? {
    if directory != path {
      close()
      path = directory
      handle = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
    }
    return handle >= 0 ? handle : nil
  }

  mutating func close() {
    if handle >= 0 { _ = Glibc.close(handle) }
    handle = -1
    path = nil
  }
}

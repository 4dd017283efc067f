#if canImport(Glibc)
  import Glibc
#endif

/// When a file was last changed, as `stat` tells: what libgit2 keeps of the index it read, to
/// tell racily clean entries (`git_futils_filestamp`).
public struct FileStamp: Equatable, Sendable {
  public var modificationSeconds: Int
  public var modificationNanoseconds: Int
  public var size: Int
  public var inode: UInt64

  init(_ info: stat) {
    modificationSeconds = Int(info.st_mtim.tv_sec)
    modificationNanoseconds = Int(info.st_mtim.tv_nsec)
    size = Int(info.st_size)
    inode = UInt64(info.st_ino)
  }
}

/// What tells one file from another without reading it: device, inode, size, and the times of
/// the last change of its contents and of its inode. Any program that replaces the index (by
/// rename: a new inode) or writes into it (new times; the inode's change time cannot be set back
/// from user space) changes it.
struct FileIdentity: Equatable, Sendable {
  var values: [UInt64]

  init(_ info: stat) {
    values = [
      UInt64(info.st_dev), UInt64(info.st_ino), UInt64(info.st_size),
      UInt64(bitPattern: Int64(info.st_mtim.tv_sec)), UInt64(bitPattern: Int64(info.st_mtim.tv_nsec)),
      UInt64(bitPattern: Int64(info.st_ctim.tv_sec)), UInt64(bitPattern: Int64(info.st_ctim.tv_nsec)),
    ]
  }

  init(values: [UInt64]) {
    self.values = values
  }

  /// The identity of the file at `path` now, or nil when it cannot be read.
  static func of(_ path: String) -> FileIdentity? {
    var info = stat()
    return stat(path, &info) == 0 ? FileIdentity(info) : nil
  }
}

/// A whole file mapped read-only into memory.
///
/// Git and libgit2 replace the index by renaming a new file over it, never by writing into it, so
/// the mapped file stays as it was read for as long as it is mapped.
final class MappedFile: @unchecked Sendable {
  // Unchecked: the mapping is read-only and lives until deinit; any thread may read it.
  let base: UnsafeRawPointer
  let count: Int
  let stamp: FileStamp
  let identity: FileIdentity

  /// Maps the file at `path`. - Throws: `.missing` when there is no file, `.corrupt` when it is
  /// empty, `.io` when it cannot be read.
  init(path: String) throws(IndexFileError) {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      let code = errno
      if code == ENOENT { throw IndexFileError(.missing, "\(path) does not exist") }
      throw IndexFileError(.io, "cannot open \(path): \(String(cString: strerror(code)))")
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      throw IndexFileError(.io, "cannot stat \(path): \(String(cString: strerror(errno)))")
    }
    guard info.st_size > 0 else { throw IndexFileError(.corrupt, "\(path) is empty") }
    guard info.st_size < Int(UInt32.max) else { throw IndexFileError(.unsupported, "\(path) is larger than 4 GB") }
    let length = Int(info.st_size)
    // Populated at once: faulting 26 MB in page by page cost more than the walk over it.
    guard let mapping = mmap(nil, length, PROT_READ, MAP_PRIVATE | MAP_POPULATE, descriptor, 0), mapping != MAP_FAILED
    else {
      throw IndexFileError(.io, "cannot map \(path): \(String(cString: strerror(errno)))")
    }
    base = UnsafeRawPointer(mapping)
    count = length
    stamp = FileStamp(info)
    identity = FileIdentity(info)
  }

  deinit {
    munmap(UnsafeMutableRawPointer(mutating: base), count)
  }

  var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }
}

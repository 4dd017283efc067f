#if canImport(Glibc)
  import Glibc
#endif

/// A cache file written a part at a time as its bytes are made, to a temporary file beside it that
/// is renamed into place at the end, so that storing a large index never holds an image of the file
/// in memory and a reader sees the old file or the new one, never half of one. A failed write is
/// remembered and makes ``commit()`` remove the temporary file instead.
final class CacheFileWriter {
  private let path: String
  private let temporary: String
  private var descriptor: Int32
  private(set) var failed = false

  /// Opens a temporary file beside `path`; nil when it cannot be created.
  init?(path: String) {
    self.path = path
    temporary = "\(path).claims-\(getpid()).tmp"
    descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
    guard descriptor >= 0 else { return nil }
  }

  /// Appends `bytes` (nothing once a write has failed).
  func write(_ bytes: UnsafeRawBufferPointer) {
    guard !failed, let start = bytes.baseAddress else { return }
    var offset = 0
    while offset < bytes.count {
      let count = Glibc.write(descriptor, start + offset, bytes.count - offset)
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else {
        failed = true
        return
      }
      offset += count
    }
  }

  func write(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { write($0) }
  }

  /// Closes the file and renames it into place; returns whether the file is there. Call once.
  func commit() -> Bool {
    guard descriptor >= 0 else { return false }
    let closed = close(descriptor) == 0
    descriptor = -1
    let ok = closed && !failed && rename(temporary, path) == 0
    if !ok { unlink(temporary) }
    return ok
  }

  /// A writer dropped without ``commit()`` leaves no file behind.
  deinit {
    guard descriptor >= 0 else { return }
    close(descriptor)
    unlink(temporary)
  }
}

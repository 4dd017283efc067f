#if canImport(Glibc)
  import Glibc
#endif

/// A file written a part at a time as its bytes are made, to a temporary file beside it that
/// ``commit(durable:)`` renames into place: a reader (or a crash) sees the old file or the new
/// one, never half of one, and storing a large cache file (the matching index) never holds an
/// image of it in memory. A failed write is remembered: later ones do nothing, and the commit
/// removes the temporary file and throws. A writer dropped without a commit leaves no file behind.
final class AtomicFileWriter {
  private let path: String
  private let temporary: String
  private var descriptor: Int32
  /// Why a write failed, once one has.
  private var failure: String?

  /// Opens a temporary file beside `path`.
  init(path: String) throws(LedgerError) {
    self.path = path
    let (directory, name) = LedgerSnapshot.split(path)
    temporary = "\(directory.isEmpty ? "." : directory)/.\(name).claims-\(getpid()).tmp"
    descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
    guard descriptor >= 0 else {
      throw LedgerError(.writeFailed(path: path), "cannot write \(path): \(String(cString: strerror(errno)))")
    }
  }

  /// Appends `bytes` (nothing once a write has failed).
  func write(_ bytes: UnsafeRawBufferPointer) {
    guard failure == nil, descriptor >= 0, let start = bytes.baseAddress else { return }
    var offset = 0
    while offset < bytes.count {
      let count = Glibc.write(descriptor, start + offset, bytes.count - offset)
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else {
        failure = String(cString: strerror(errno))
        return
      }
      offset += count
    }
  }

  func write(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { write($0) }
  }

  /// Closes the file and renames it into place. With `durable`, the file and its directory entry
  /// are on the disk when this returns, so that a power cut cannot lose or tear it. Call once.
  func commit(durable: Bool = false) throws(LedgerError) {
    guard descriptor >= 0 else { throw LedgerError(.writeFailed(path: path), "cannot write \(path) twice") }
    if failure == nil, durable, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
    if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
    descriptor = -1
    if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
    if let failure {
      unlink(temporary)
      throw LedgerError(.writeFailed(path: path), "cannot write \(path): \(failure)")
    }
    if durable {
      let directory = LedgerSnapshot.split(path).0
      FileSystem.synchroniseDirectory(directory.isEmpty ? "." : directory)
    }
  }

  deinit {
    guard descriptor >= 0 else { return }
    close(descriptor)
    unlink(temporary)
  }
}

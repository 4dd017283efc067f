import ClaimLedger
import ClaimModel
import ClaimReport

#if canImport(Glibc)
  import Glibc
#endif

/// Where `-o PATH` writes, chosen as shell redirection would: a device (`/dev/null`,
/// `/dev/stdout`), a FIFO, a socket or a symbolic link is opened and written through, never
/// replaced; only a regular file or a path that does not exist yet is written to a temporary file
/// beside it and renamed over it, so that a reader never sees half a report.
enum OutputDestination {
  /// How a path is to be written.
  enum Method: Equatable {
    /// Through a temporary file renamed over the path (a regular file, or nothing there yet).
    case replace
    /// Opened and written in place (a device, FIFO, socket, or a symbolic link to anything).
    case writeThrough
  }

  /// How `path` is written, or the failure that stops it (a directory, an unreadable parent).
  static func method(for path: String, shown: String) throws(CommandFailure) -> Method {
    var info = stat()
    guard lstat(path, &info) == 0 else {
      guard errno == ENOENT else { throw failure(shown, errno) }
      return .replace
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return .replace
    case S_IFDIR: throw failure(shown, EISDIR)
    default: return .writeThrough
    }
  }

  /// Writes what `render` produces to `path` (absolute), by ``method(for:shown:)``.
  static func write(_ render: (ReportOutput) -> Void, to path: String, shown: String) throws(CommandFailure) {
    switch try method(for: path, shown: shown) {
    case .replace: try replace(path, shown: shown, with: render)
    case .writeThrough: try writeThrough(path, shown: shown, with: render)
    }
  }

  /// Opens `path` as `>` does (following a link, creating its target if missing, truncating a
  /// file) and writes to it.
  private static func writeThrough(
    _ path: String, shown: String, with render: (ReportOutput) -> Void
  ) throws(CommandFailure) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else { throw failure(shown, errno) }
    var error: Int32 = 0
    render(ReportOutput { chunk in if error == 0 { error = writeAll(descriptor, chunk) } })
    if close(descriptor) != 0, error == 0, errno != EINTR { error = errno }
    guard error == 0 else { throw failure(shown, error) }
  }

  /// Writes a temporary file beside `path` and renames it over `path`; a file replaced keeps its
  /// permissions.
  private static func replace(_ path: String, shown: String, with render: (ReportOutput) -> Void) throws(CommandFailure)
  {
    let temporary = path + ".claims-\(getpid()).tmp"
    var existing = stat()
    let exists = lstat(path, &existing) == 0
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else { throw failure(shown, errno) }
    if exists { fchmod(descriptor, existing.st_mode & 0o7777) }
    var error: Int32 = 0
    render(ReportOutput { chunk in if error == 0 { error = writeAll(descriptor, chunk) } })
    if close(descriptor) != 0, error == 0, errno != EINTR { error = errno }
    if error == 0, rename(temporary, path) != 0 { error = errno }
    guard error == 0 else {
      unlink(temporary)
      throw failure(shown, error)
    }
  }

  /// Writes all of `chunk`; 0, or the error that stopped it.
  private static func writeAll(_ descriptor: Int32, _ chunk: UnsafeBufferPointer<UInt8>) -> Int32 {
    var done = 0
    while done < chunk.count {
      let written = Glibc.write(descriptor, chunk.baseAddress.map { $0 + done }, chunk.count - done)
      if written < 0 {
        if errno == EINTR { continue }
        return errno
      }
      done += written
    }
    return 0
  }

  private static func failure(_ shown: String, _ error: Int32) -> CommandFailure {
    CommandFailure(
      .writeFailed(path: shown), "cannot write '\(shown.escapedForMessage)': \(String(cString: strerror(error)))")
  }
}

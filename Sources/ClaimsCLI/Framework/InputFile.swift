import ClaimLedger
import ClaimModel

#if canImport(Glibc)
  import Glibc
#endif

/// Reads a file named on the command line, with errors that say what is wrong with it.
enum InputFile {
  /// The largest input read: far above any article, low enough that a mistaken argument (a disk
  /// image, say) is refused rather than read into memory.
  static let maximumSize = 512 << 20

  static func read(_ path: String, context: CommandContext) throws(CommandFailure) -> [UInt8] {
    if path == "-" { return context.input.readAll() }
    let absolute = context.absolutePath(path)
    var info = stat()
    guard stat(absolute, &info) == 0 else {
      throw CommandFailure(
        .unreadableFile(path: path),
        "cannot read '\(path.escapedForMessage)': \(String(cString: strerror(errno))); check the path")
    }
    if (info.st_mode & S_IFMT) == S_IFDIR {
      throw CommandFailure(.unreadableFile(path: path), "'\(path.escapedForMessage)' is a directory; give a file")
    }
    guard Int(info.st_size) <= maximumSize else {
      throw CommandFailure(
        .limitExceeded, "'\(path.escapedForMessage)' is \(info.st_size) bytes, more than the \(maximumSize) accepted")
    }
    let descriptor = open(absolute, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw CommandFailure(
        .unreadableFile(path: path), "cannot read '\(path.escapedForMessage)': \(String(cString: strerror(errno)))")
    }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    // Room for the whole file at once: growing the array chunk by chunk copied megabytes again.
    bytes.reserveCapacity(Int(info.st_size) + 1)
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { raw in Glibc.read(descriptor, raw.baseAddress, raw.count) }
      if count < 0 && errno == EINTR { continue }
      guard count >= 0 else {
        throw CommandFailure(
          .unreadableFile(path: path), "cannot read '\(path.escapedForMessage)': \(String(cString: strerror(errno)))")
      }
      if count == 0 { break }
      bytes.append(contentsOf: chunk[..<count])
      guard bytes.count <= maximumSize else {
        throw CommandFailure(
          .limitExceeded, "'\(path.escapedForMessage)' is more than the \(maximumSize) bytes accepted")
      }
    }
    return bytes
  }
}

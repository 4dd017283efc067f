import ClaimModel

#if canImport(Glibc)
  import Glibc
#endif

/// Whether a write failed for want of disk space, told from the file system's state and the
/// system error, never from the wording of a message.
enum DiskSpace {
  /// With less free than this, a failed write is put down to a full disk.
  static let nearlyFull = 1 << 20

  /// Says why the disk holding `path` refuses writes (full, or the quota used up) after a failure
  /// with `systemError` (`errno`), or nil when it has room and the error does not say otherwise.
  static func shortage(at path: String, systemError: Int32?) -> String? {
    // Only a failure of the operating system (or one libgit2 left unexplained) can be the disk's.
    guard let systemError else { return nil }
    let shown = path.escapedForMessage
    if systemError == EDQUOT { return "your disk quota on the file system holding '\(shown)' is used up" }
    let free = freeBytes(at: path)
    guard systemError == ENOSPC || free.map({ $0 < nearlyFull }) == true else { return nil }
    return "the disk holding '\(shown)' is full" + (free.map { " (\(describe($0)) free)" } ?? "")
  }

  /// The bytes an unprivileged process may still write on the file system holding `path` (or the
  /// nearest directory above it that exists), or nil when that cannot be told.
  static func freeBytes(at path: String) -> Int? {
    var candidate = path
    while true {
      var info = statvfs()
      if statvfs(candidate, &info) == 0 { return Int(info.f_bavail) * Int(info.f_frsize) }
      guard errno == ENOENT || errno == ENOTDIR, let slash = candidate.lastIndex(of: "/") else { return nil }
      candidate = slash == candidate.startIndex ? "/" : String(candidate[..<slash])
      if candidate == "/" {
        guard statvfs("/", &info) == 0 else { return nil }
        return Int(info.f_bavail) * Int(info.f_frsize)
      }
    }
  }

  private static func describe(_ bytes: Int) -> String {
    bytes < 1 << 20 ? "\(bytes >> 10) KB" : "\(bytes >> 20) MB"
  }
}

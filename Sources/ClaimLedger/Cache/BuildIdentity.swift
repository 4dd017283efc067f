#if canImport(Glibc)
  import Glibc
#endif

/// Bytes that tell this build of claims from any other, written into every cache file's header
/// (``CacheStamp``): values cached by one build are never read by another, so a change to how they
/// are derived can never show stale results, even if nobody remembers to bump a schema version.
package enum BuildIdentity {
  /// The device, inode, size and modification time of the running executable; empty where
  /// `/proc/self/exe` is unavailable (the caches' own version numbers then stand alone).
  package static let current: [UInt8] = {
    var info = stat()
    guard stat("/proc/self/exe", &info) == 0 else { return [] }
    var bytes: [UInt8] = []
    for value in [
      UInt64(info.st_dev), UInt64(info.st_ino), UInt64(info.st_size), UInt64(info.st_mtim.tv_sec),
      UInt64(info.st_mtim.tv_nsec),
    ] {
      var rest = value
      for _ in 0..<8 {
        bytes.append(UInt8(truncatingIfNeeded: rest))
        rest >>= 8
      }
    }
    return bytes
  }()
}

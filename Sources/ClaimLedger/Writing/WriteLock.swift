#if canImport(Glibc)
  import Glibc
#endif

/// An exclusive advisory lock (`flock`) on `<git-dir>/claims.lock`, held by a claims process while
/// it writes. The kernel drops it when the process dies, however it dies, so whoever holds it knows
/// that no other claims process is writing, and that a lock file left by a claims writer is stale.
final class WriteLock {
  private let descriptor: Int32

  /// Waits up to `timeout` seconds for the lock; `name` picks another lock file beside it (sync
  /// holds `claims-sync.lock` so that one sync runs at a time without stopping local writers).
  init(gitDirectory: String, name: String = "claims.lock", timeout: Double = 60) throws(LedgerError) {
    let path = "\(gitDirectory)/\(name)"
    let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw LedgerError(
        .writeFailed(path: path),
        "cannot open \(path) to lock the ledger (errno \(errno)); check the permissions of the .git directory")
    }
    var waited = 0.0
    while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      guard errno == EWOULDBLOCK || errno == EINTR, waited < timeout else {
        close(descriptor)
        throw LedgerError(
          .locked(path: path),
          "another claims process has held the ledger's write lock for \(Int(waited)) s; wait for it to finish and retry"
        )
      }
      usleep(2_000)
      waited += 0.002
    }
    self.descriptor = descriptor
  }

  deinit {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}

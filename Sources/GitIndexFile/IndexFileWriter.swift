#if canImport(Glibc)
  import Glibc
#endif

/// Writes a planned index file as git does: into `index.lock`, taken with `O_CREAT|O_EXCL` (so
/// that no other git program writes the index meanwhile), synced to the disk, then renamed over
/// the index, and the directory synced (as libgit2 does with `GIT_OPT_ENABLE_FSYNC_GITDIR`).
/// Whenever the process dies, the index is the old file or the new one, whole; a dead writer
/// leaves at most `index.lock`, which git refuses to overwrite until someone removes it.
public enum IndexFileWriter {
  /// Bytes hashed and written at a time: small enough to stay in the cache between the two.
  static let chunkSize = 1 << 20

  /// Writes `plan` to `path`, through `path.lock`; returns the new file's checksum.
  ///
  /// - Throws: ``IndexFileError`` `.locked` when `path.lock` exists (nothing is written), `.io`
  ///   when a write, sync or rename fails (the lock file is removed, the index is untouched).
  @discardableResult
  public static func write<Hasher: SHA1Hashing>(
    _ plan: IndexFilePlan, to path: String, using _: Hasher.Type, durable: Bool
  ) throws(IndexFileError) -> [UInt8] {
    let lockPath = path + ".lock"
    let descriptor = open(lockPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else {
      let code = errno
      if code == EEXIST {
        throw IndexFileError(.locked, "\(lockPath) exists: another git program is writing the index")
      }
      throw IndexFileError(.io, "cannot create \(lockPath): \(String(cString: strerror(code)))")
    }
    var isOpen = true
    do throws(IndexFileError) {
      var hasher = Hasher()
      let base = plan.file.file.base
      for piece in plan.pieces {
        switch piece {
        case .original(let range):
          var start = range.lowerBound
          while start < range.upperBound {
            let chunk = UnsafeRawBufferPointer(start: base + start, count: min(chunkSize, range.upperBound - start))
            hasher.update(chunk)
            guard writeAll(chunk, to: descriptor) else { throw failure("cannot write \(lockPath)") }
            start += chunk.count
          }
        case .bytes(let bytes):
          hasher.update(bytes)
          guard bytes.withUnsafeBytes({ writeAll($0, to: descriptor) }) else {
            throw failure("cannot write \(lockPath)")
          }
        }
      }
      let checksum = hasher.finalize()
      guard checksum.withUnsafeBytes({ writeAll($0, to: descriptor) }) else {
        throw failure("cannot write \(lockPath)")
      }
      if durable && fsync(descriptor) != 0 { throw failure("cannot sync \(lockPath)") }
      isOpen = false
      guard close(descriptor) == 0 else { throw failure("cannot close \(lockPath)") }
      guard rename(lockPath, path) == 0 else { throw failure("cannot rename \(lockPath) over \(path)") }
      if durable { syncDirectory(of: path) }
      return checksum
    } catch {
      if isOpen { close(descriptor) }
      unlink(lockPath)
      throw error
    }
  }

  /// Writes the whole buffer; false (with `errno` set) when a write fails.
  private static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
    guard var start = buffer.baseAddress else { return true }
    var remaining = buffer.count
    while remaining > 0 {
      let written = Glibc.write(descriptor, start, remaining)
      if written < 0 {
        if errno == EINTR { continue }
        return false
      }
      start += written
      remaining -= written
    }
    return true
  }

  /// Syncs the directory holding `path`, so that the rename reaches the disk (libgit2's
  /// `git_futils_fsync_parent`). A failure leaves the new index in place, only perhaps not yet
  /// durable, as libgit2 would leave it.
  private static func syncDirectory(of path: String) {
    let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
    let descriptor = open(directory.isEmpty ? "/" : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    _ = fsync(descriptor)
    close(descriptor)
  }

  private static func failure(_ what: String) -> IndexFileError {
    IndexFileError(.io, "\(what): \(String(cString: strerror(errno)))")
  }
}

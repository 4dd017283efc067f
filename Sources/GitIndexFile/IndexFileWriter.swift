import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Writes a planned index file as git does: into `index.lock`, taken with `O_CREAT|O_EXCL` (so
/// that no other git program writes the index meanwhile), synced to the disk, then renamed over
/// the index, and the directory synced (as libgit2 does with `GIT_OPT_ENABLE_FSYNC_GITDIR`).
/// Whenever the process dies, the index is the old file or the new one, whole; a dead writer
/// leaves at most `index.lock`, which git refuses to overwrite until someone removes it.
public enum IndexFileWriter {
  /// Bytes written at a time.
  static let chunkSize = 1 << 20
  /// Bytes written before the disk is asked to start on them, so that the sync before the rename
  /// waits for the last few only (about 10 ms less for a 26 MB index here).
  static let writebackSize = 4 << 20

  // glibc's `sync_file_range` (a GNU extension the Glibc module does not export).
  private typealias SyncFileRange = @convention(c) (Int32, off_t, off_t, UInt32) -> Int32
  private static let syncFileRange = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sync_file_range")
    .map { unsafeBitCast($0, to: SyncFileRange.self) }
  /// `SYNC_FILE_RANGE_WRITE`: start writing the dirty pages, without waiting.
  private static let startWriting: UInt32 = 2

  /// Writes `plan` to `path`, through `path.lock`; returns the new file's checksum. The checksum
  /// is computed on another thread while the file is written.
  ///
  /// - Throws: ``IndexFileError`` `.locked` when `path.lock` exists (nothing is written), `.io`
  ///   when a write, sync or rename fails (the lock file is removed, the index is untouched).
  @discardableResult
  ///
  /// With `checksumRecord`, the new file's ``ChecksumRecord`` replaces the one kept there, so that
  /// the next ``IndexFile/open(at:nanosecondTimestamps:verifyingWith:checksumRecord:)`` of this
  /// file need not verify its checksum.
  public static func write<Hasher: SHA1Hashing>(
    _ plan: IndexFilePlan, to path: String, using hasher: Hasher.Type, durable: Bool,
    checksumRecord: String? = nil
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
    let checksum = Checksum.start(plan, using: hasher)
    var isOpen = true
    do throws(IndexFileError) {
      var writer = ChunkWriter(descriptor: descriptor, lockPath: lockPath, startsWriteback: durable)
      for piece in plan.pieces {
        switch piece {
        case .original(let range):
          try writer.write(UnsafeRawBufferPointer(start: plan.file.file.base + range.lowerBound, count: range.count))
        case .bytes(let bytes):
          try writer.write(bytes)
        }
      }
      let digest = checksum.digest
      try writer.write(digest)
      if durable && fsync(descriptor) != 0 { throw failure("cannot sync \(lockPath)") }
      isOpen = false
      guard close(descriptor) == 0 else { throw failure("cannot close \(lockPath)") }
      guard rename(lockPath, path) == 0 else { throw failure("cannot rename \(lockPath) over \(path)") }
      if durable { syncDirectory(of: path) }
      if let checksumRecord {
        let record = checksum.outcome.states.flatMap { states in
          FileIdentity.of(path).map { ChecksumRecord(identity: $0, checksum: digest, states: states) }
        }
        ChecksumRecord.replace(at: checksumRecord, with: record)
      }
      return digest
    } catch {
      _ = checksum.digest
      if isOpen { close(descriptor) }
      unlink(lockPath)
      throw error
    }
  }

  /// Writes a file in chunks, asking the disk to start on every few megabytes written.
  private struct ChunkWriter {
    let descriptor: Int32
    let lockPath: String
    let startsWriteback: Bool
    var written = 0
    var handedToDisk = 0

    mutating func write(_ bytes: [UInt8]) throws(IndexFileError) {
      var failure: IndexFileError?
      bytes.withUnsafeBytes { buffer in
        do throws(IndexFileError) { try write(buffer) } catch { failure = error }
      }
      if let failure { throw failure }
    }

    mutating func write(_ buffer: UnsafeRawBufferPointer) throws(IndexFileError) {
      guard var start = buffer.baseAddress else { return }
      var remaining = buffer.count
      while remaining > 0 {
        let count = Glibc.write(descriptor, start, min(remaining, IndexFileWriter.chunkSize))
        if count < 0 {
          if errno == EINTR { continue }
          throw failure("cannot write \(lockPath)")
        }
        start += count
        remaining -= count
        written += count
        if startsWriteback, written - handedToDisk >= IndexFileWriter.writebackSize,
          let syncFileRange = IndexFileWriter.syncFileRange
        {
          // Only starts the writing; the fsync before the rename is what guarantees it.
          _ = syncFileRange(
            descriptor, off_t(handedToDisk), off_t(written - handedToDisk), IndexFileWriter.startWriting)
          handedToDisk = written
        }
      }
    }
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

  static func failure(_ what: String) -> IndexFileError {
    IndexFileError(.io, "\(what): \(String(cString: strerror(errno)))")
  }
}

/// The SHA-1 of a planned file, computed on another thread, with the hash state at every
/// ``ChecksumStates/interval`` bytes of the new file (for its ``ChecksumRecord``).
private final class Checksum: Sendable {
  private let result = Mutex<(digest: [UInt8], states: [SHA1BlockState]?)?>(nil)
  private let done = DispatchSemaphore(value: 0)

  static func start<Hasher: SHA1Hashing>(_ plan: IndexFilePlan, using _: Hasher.Type) -> Checksum {
    let checksum = Checksum()
    let pieces = plan.sendablePieces
    // The old file's hash state at the last interval before the first changed byte, if known.
    let states = plan.file.hashStates
    let reusable = min(plan.unchangedPrefix / ChecksumStates.interval, states.count - 1)
    let state = reusable > 0 ? states[reusable] as? Hasher : nil
    let skipped = state == nil ? 0 : reusable * ChecksumStates.interval
    // The states the new file shares with the old one, up to where hashing resumes.
    let kept: [SHA1BlockState]? =
      if state == nil { Hasher().blockState.map { [$0] } } else {
        states[...reusable].reduce([SHA1BlockState]?.some([])) { list, state in
          guard let list, let blockState = state.blockState else { return nil }
          return list + [blockState]
        }
      }
    DispatchQueue.global(qos: .userInitiated).async {
      var hasher = state ?? Hasher()
      var blockStates = kept
      var position = skipped
      func feed(_ buffer: UnsafeRawBufferPointer) {
        var start = 0
        while start < buffer.count {
          let count = min(ChecksumStates.interval - position % ChecksumStates.interval, buffer.count - start)
          hasher.update(UnsafeRawBufferPointer(rebasing: buffer[start..<start + count]))
          start += count
          position += count
          if position % ChecksumStates.interval == 0 {
            if let blockState = hasher.blockState { blockStates?.append(blockState) } else { blockStates = nil }
          }
        }
      }
      var offset = 0
      for piece in pieces.pieces {
        let count: Int
        switch piece {
        case .original(let range): count = range.count
        case .bytes(let bytes): count = bytes.count
        }
        // Bytes the saved state already covers are skipped.
        let from = max(0, skipped - offset)
        offset += count
        guard from < count else { continue }
        switch piece {
        case .original(let range):
          feed(UnsafeRawBufferPointer(start: pieces.file.base + range.lowerBound + from, count: count - from))
        case .bytes(let bytes):
          bytes[from...].withUnsafeBytes { feed($0) }
        }
      }
      let digest = hasher.finalize()
      checksum.result.withLock { $0 = (digest, blockStates) }
      checksum.done.signal()
    }
    return checksum
  }

  /// The digest and the states; waits for the computation to end.
  var outcome: (digest: [UInt8], states: [SHA1BlockState]?) {
    if let known = result.withLock({ $0 }) { return known }
    done.wait()
    done.signal()
    return result.withLock { $0 } ?? ([], nil)
  }

  /// The digest; waits for the computation to end.
  var digest: [UInt8] { outcome.digest }
}

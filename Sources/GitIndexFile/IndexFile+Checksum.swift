import Dispatch
import Synchronization

extension IndexFile {
  /// Whether the trailing checksum is the SHA-1 of everything before it.
  public func verifyChecksum<Hasher: SHA1Hashing>(using hasher: Hasher.Type) -> Bool {
    ChecksumCheck.verify(file, using: hasher)
  }
}

/// A checksum verification running on another thread (hashing 26 MB takes about 15 ms with
/// hardware SHA-1, and can overlap the walk over the entries).
final class ChecksumCheck: Sendable {
  private let outcome = Mutex<Bool?>(nil)
  private let done = DispatchSemaphore(value: 0)

  static func start<Hasher: SHA1Hashing>(on file: MappedFile, using hasher: Hasher.Type) -> ChecksumCheck {
    let check = ChecksumCheck()
    DispatchQueue.global(qos: .userInitiated).async {
      check.outcome.withLock { $0 = verify(file, using: hasher) }
      check.done.signal()
    }
    return check
  }

  static func verify<Hasher: SHA1Hashing>(_ file: MappedFile, using _: Hasher.Type) -> Bool {
    let contents = UnsafeRawBufferPointer(start: file.base, count: file.count - IndexFormat.checksumSize)
    var hasher = Hasher()
    hasher.update(contents)
    return hasher.finalize().elementsEqual(file.bytes[(file.count - IndexFormat.checksumSize)...])
  }

  /// Whether the checksum matched; waits for the verification to end.
  var isValid: Bool {
    if let known = outcome.withLock({ $0 }) { return known }
    done.wait()
    done.signal()
    return outcome.withLock { $0 } ?? false
  }
}

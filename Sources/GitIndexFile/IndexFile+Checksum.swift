import Dispatch
import Synchronization

extension IndexFile {
  /// Whether the trailing checksum is the SHA-1 of everything before it.
  public func verifyChecksum<Hasher: SHA1Hashing>(using hasher: Hasher.Type) -> Bool {
    ChecksumCheck.verify(file, using: hasher).isValid
  }
}

/// What hashing the whole file found: whether the checksum matched, and the state of the hash
/// every ``interval`` bytes. A new file that begins as the old one did (a replaced entry leaves the
/// header and every entry before it as they were) is hashed from the last state before the first
/// difference instead of from the start.
struct ChecksumStates: Sendable {
  static let interval = 256 << 10

  var isValid: Bool
  /// The hash after `k * interval` bytes, for each k.
  var states: [any SHA1Hashing]
}

/// A checksum verification running on another thread (hashing 26 MB takes about 15 ms with
/// hardware SHA-1, and can overlap the walk over the entries).
final class ChecksumCheck: Sendable {
  private let outcome = Mutex<ChecksumStates?>(nil)
  private let done = DispatchSemaphore(value: 0)

  static func start<Hasher: SHA1Hashing>(on file: MappedFile, using hasher: Hasher.Type) -> ChecksumCheck {
    let check = ChecksumCheck()
    DispatchQueue.global(qos: .userInitiated).async {
      let result = verify(file, using: hasher)
      check.outcome.withLock { $0 = result }
      check.done.signal()
    }
    return check
  }

  static func verify<Hasher: SHA1Hashing>(_ file: MappedFile, using _: Hasher.Type) -> ChecksumStates {
    let length = file.count - IndexFormat.checksumSize
    var hasher = Hasher()
    var states: [any SHA1Hashing] = [hasher]
    var start = 0
    while start < length {
      let count = min(ChecksumStates.interval, length - start)
      hasher.update(UnsafeRawBufferPointer(start: file.base + start, count: count))
      start += count
      if count == ChecksumStates.interval { states.append(hasher) }
    }
    let isValid = hasher.finalize().elementsEqual(file.bytes[length...])
    return ChecksumStates(isValid: isValid, states: states)
  }

  /// What the verification found; waits for it to end.
  var result: ChecksumStates {
    if let known = outcome.withLock({ $0 }) { return known }
    done.wait()
    done.signal()
    return outcome.withLock { $0 } ?? ChecksumStates(isValid: false, states: [])
  }
}

/// A SHA-1 computation fed in pieces: the checksum that ends every git index file.
///
/// ``SHA1`` computes it in Swift; the `Git` module supplies one backed by the system's libcrypto,
/// which uses the processor's SHA instructions and is about four times faster on a 26 MB index.
/// A value is a snapshot of the computation: copying it saves the state reached so far.
public protocol SHA1Hashing: Sendable {
  init()
  /// Feeds `bytes` to the computation.
  mutating func update(_ bytes: UnsafeRawBufferPointer)
  /// The 20-byte digest of everything fed so far; the value must not be fed afterwards.
  mutating func finalize() -> [UInt8]
  /// The state reached after a whole number of 64-byte blocks: the five chaining words and the
  /// bytes fed; nil between blocks, or when the implementation cannot say. What
  /// ``ChecksumRecord`` keeps of the hash of the index written last.
  var blockState: SHA1BlockState? { get }
  /// The computation in `state`; nil when the implementation cannot resume one.
  init?(resuming state: SHA1BlockState)
}

/// A SHA-1 computation stopped at a block boundary, in a form any implementation can resume.
public struct SHA1BlockState: Equatable, Sendable {
  public var words: (UInt32, UInt32, UInt32, UInt32, UInt32)
  /// Bytes fed so far, a multiple of 64.
  public var length: UInt64

  public init(words: (UInt32, UInt32, UInt32, UInt32, UInt32), length: UInt64) {
    self.words = words
    self.length = length
  }

  public static func == (left: SHA1BlockState, right: SHA1BlockState) -> Bool {
    left.words == right.words && left.length == right.length
  }
}

extension SHA1Hashing {
  public var blockState: SHA1BlockState? { nil }

  public init?(resuming state: SHA1BlockState) { nil }

  /// Feeds `bytes` to the computation.
  public mutating func update(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { update($0) }
  }

  /// The digest of `bytes`.
  public static func digest(_ bytes: [UInt8]) -> [UInt8] {
    var hasher = Self()
    hasher.update(bytes)
    return hasher.finalize()
  }
}

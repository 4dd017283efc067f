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
}

extension SHA1Hashing {
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

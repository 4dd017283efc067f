/// A `WARC-Block-Digest` or `WARC-Payload-Digest` value: `sha256:` and the digest in lowercase hex.
///
/// Hex rather than the base32 of older WARC tools, so a digest compares directly with `sha256sum`;
/// warcio reads both (it decodes a value longer than base32 as base16). Reading accepts SHA-256 in
/// hex or base32.
public enum WARCDigest {
  /// The label written before the digest.
  public static let algorithm = "sha256"

  /// `sha256:<hex>` of `bytes`.
  public static func make(_ bytes: UnsafeRawBufferPointer) -> String {
    "\(algorithm):\(SHA256Digest.hex(SHA256Digest.digest([bytes])))"
  }

  /// `sha256:<hex>` of `bytes`.
  public static func make(_ bytes: [UInt8]) -> String {
    bytes.withUnsafeBytes { make($0) }
  }

  /// The 32 digest bytes a field value names.
  ///
  /// - Throws: `.unsupportedDigest` for another algorithm; `.malformed` for a value that is neither
  ///   64 hex digits nor 52 base32 characters (padding optional).
  public static func bytes(of value: String) throws(WARCError) -> [UInt8] {
    guard let colon = value.firstIndex(of: ":") else {
      throw WARCError(.malformed, "digest '\(value)' names no algorithm")
    }
    let name = value[..<colon].lowercased()
    guard name == algorithm || name == "sha-256" else {
      throw WARCError(.unsupportedDigest, "cannot check '\(name)' digests, only sha256")
    }
    let text = value[value.index(after: colon)...]
    if text.count == 64, let decoded = hexBytes(text) { return decoded }
    if let decoded = base32Bytes(text), decoded.count == 32 { return decoded }
    throw WARCError(.malformed, "digest '\(value)' is neither hex nor base32 SHA-256")
  }

  /// The 32-byte SHA-256 of `bytes`.
  public static func sha256(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
    SHA256Digest.digest([bytes])
  }

  private static func hexBytes(_ text: Substring) -> [UInt8]? {
    var result: [UInt8] = []
    var high: UInt8?
    for character in text.utf8 {
      let value: UInt8
      switch character {
      case 48...57: value = character - 48
      case 97...102: value = character - 87
      case 65...70: value = character - 55
      default: return nil
      }
      if let first = high {
        result.append(first << 4 | value)
        high = nil
      } else {
        high = value
      }
    }
    return high == nil ? result : nil
  }

  /// RFC 4648 base32 (A–Z, 2–7), padding optional.
  private static func base32Bytes(_ text: Substring) -> [UInt8]? {
    var result: [UInt8] = []
    var buffer: UInt64 = 0
    var bits = 0
    for character in text.utf8 where character != UInt8(ascii: "=") {
      let value: UInt8
      switch character {
      case 65...90: value = character - 65
      case 97...122: value = character - 97
      case 50...55: value = character - 24
      default: return nil
      }
      buffer = buffer << 5 | UInt64(value)
      bits += 5
      if bits >= 8 {
        bits -= 8
        result.append(UInt8(truncatingIfNeeded: buffer >> UInt64(bits)))
      }
    }
    return result
  }
}

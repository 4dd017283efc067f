/// Eight bytes of JSON text read as one word, so that the writer and the parser can step over runs
/// of plain text eight bytes at a time (the SWAR tests of "Bit Twiddling Hacks"). Each test may
/// say yes for a byte next to one it looks for, never no for one it looks for: a yes only sends
/// the caller to its byte-by-byte path.
enum ByteWord {
  private static let ones: UInt64 = 0x0101_0101_0101_0101
  private static let highBits: UInt64 = 0x8080_8080_8080_8080

  /// The eight bytes at `offset` of `base`, the first in the lowest bits.
  @inline(__always)
  static func load(_ base: UnsafePointer<UInt8>, at offset: Int) -> UInt64 {
    UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
  }

  /// Whether any byte of `word` is a control character (below 0x20), `"`, `\` or not ASCII, or
  /// also DEL (0x7F) when `orDelete`.
  @inline(__always)
  static func hasSpecialByte(_ word: UInt64, orDelete: Bool) -> Bool {
    let control = (word &- 0x20 &* ones) & ~word & highBits
    let quote = hasZeroByte(word ^ (0x22 &* ones))
    let backslash = hasZeroByte(word ^ (0x5C &* ones))
    // A byte of 0x7F becomes 0x80 when one is added; a carry into it comes only from a byte of
    // 0xFF, itself not ASCII.
    let wide = orDelete ? (word | (word &+ ones)) & highBits : word & highBits
    return control | quote | backslash | wide != 0
  }

  @inline(__always)
  private static func hasZeroByte(_ value: UInt64) -> UInt64 {
    (value &- ones) & ~value & highBits
  }
}

/// The variable-length integer of version 4 path compression (the encoding of `OFS_DELTA` offsets
/// in packs): seven bits a byte, most significant first, high bit set on all but the last byte,
/// and each continuation adding one, so that every number has exactly one encoding.
enum VariableLengthInteger {
  /// The number at `position` and how many bytes it took; nil when it runs past `end` or overflows.
  static func decode(_ base: UnsafeRawPointer, at position: Int, end: Int) -> (value: Int, length: Int)? {
    var offset = position
    guard offset < end else { return nil }
    var byte = base.load(fromByteOffset: offset, as: UInt8.self)
    var value = Int(byte & 0x7F)
    offset += 1
    while byte & 0x80 != 0 {
      guard offset < end, value < (Int.max >> 8) else { return nil }
      byte = base.load(fromByteOffset: offset, as: UInt8.self)
      value = ((value + 1) << 7) | Int(byte & 0x7F)
      offset += 1
    }
    return (value, offset - position)
  }

  /// The encoding of `value` (not negative).
  static func encode(_ value: Int) -> [UInt8] {
    var remaining = value
    var bytes: [UInt8] = [UInt8(remaining & 0x7F)]
    remaining >>= 7
    while remaining > 0 {
      remaining -= 1
      bytes.append(0x80 | UInt8(remaining & 0x7F))
      remaining >>= 7
    }
    return bytes.reversed()
  }
}

/// Base64 (RFC 4648, the standard alphabet with padding), decoded as OpenSSH writes host keys.
enum Base64 {
  /// The bytes `text` encodes, or nil when it is not base64 (a wrong character, length or padding).
  static func decode(_ text: some StringProtocol) -> [UInt8]? {
    let characters = Array(text.utf8)
    guard characters.count % 4 == 0 else { return nil }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(characters.count / 4 * 3)
    var index = 0
    while index < characters.count {
      var group: UInt32 = 0
      var padding = 0
      for offset in 0..<4 {
        let character = characters[index + offset]
        let value: UInt32
        if character == UInt8(ascii: "=") {
          // Padding only at the end of the last group, at most two.
          guard index + 4 == characters.count, offset >= 2 else { return nil }
          padding += 1
          value = 0
        } else {
          guard padding == 0, let decoded = Self.value(of: character) else { return nil }
          value = decoded
        }
        group = group << 6 | value
      }
      bytes.append(UInt8(truncatingIfNeeded: group >> 16))
      if padding < 2 { bytes.append(UInt8(truncatingIfNeeded: group >> 8)) }
      if padding < 1 { bytes.append(UInt8(truncatingIfNeeded: group)) }
      index += 4
    }
    return bytes
  }

  private static func value(of character: UInt8) -> UInt32? {
    switch character {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt32(character - UInt8(ascii: "A"))
    case UInt8(ascii: "a")...UInt8(ascii: "z"): UInt32(character - UInt8(ascii: "a")) + 26
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(character - UInt8(ascii: "0")) + 52
    case UInt8(ascii: "+"): 62
    case UInt8(ascii: "/"): 63
    default: nil
    }
  }
}

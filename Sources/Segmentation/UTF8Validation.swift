/// UTF-8 validation with an eight-bytes-at-a-time path for ASCII, which is most of news text:
/// `String(validating:)` costs about 9 instructions a byte, this about 1 on ASCII.
enum UTF8Validation {
  /// Whether `bytes` is well-formed UTF-8 (no overlong forms, surrogates, code points past
  /// U+10FFFF or truncated sequences), exactly as `String(validating:as:)` decides.
  static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = bytes.count
    guard let base = bytes.baseAddress else { return true }
    let raw = UnsafeRawPointer(base)
    var i = 0
    while i < count {
      if i + 8 <= count, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & SWAR.highs == 0 {
        i += 8
        continue
      }
      let lead = bytes[i]
      if lead < 0x80 {
        i += 1
        continue
      }
      let length: Int
      // The second byte's range, narrower than 0x80...0xBF after some lead bytes.
      var low: UInt8 = 0x80
      var high: UInt8 = 0xBF
      switch lead {
      case 0xC2...0xDF: length = 2
      case 0xE0:
        length = 3
        low = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED:
        length = 3
        high = 0x9F
      case 0xF0:
        length = 4
        low = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4:
        length = 4
        high = 0x8F
      default: return false
      }
      guard count - i >= length, (low...high).contains(bytes[i + 1]) else { return false }
      for offset in 2..<length where bytes[i + offset] & 0xC0 != 0x80 { return false }
      i += length
    }
    return true
  }
}

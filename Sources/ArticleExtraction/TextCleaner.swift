/// Whitespace handling shared by the body and the metadata.
enum TextCleaner {
  /// Runs of white space (including no-break and other Unicode spaces) become one space; leading
  /// and trailing white space goes. With `keepingLineBreaks`, a run holding a line break becomes
  /// `\n`.
  static func collapseWhitespace(_ text: String, keepingLineBreaks: Bool = false) -> String {
    let bytes = Array(text.utf8)
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var pending: UInt8 = 0  // 0: none; 0x20 or 0x0A: a space or a line break to write
    var index = 0
    while index < bytes.count {
      let width = whitespaceWidth(bytes, at: index)
      if width > 0 {
        if !output.isEmpty {
          pending = keepingLineBreaks && (bytes[index] == 0x0A || pending == 0x0A) ? 0x0A : 0x20
        }
        index += width
        continue
      }
      if pending != 0 {
        output.append(pending)
        pending = 0
      }
      output.append(bytes[index])
      index += 1
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// The length in bytes of the white-space character at `index`, or 0: ASCII white space,
  /// U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F and U+3000.
  private static func whitespaceWidth(_ bytes: [UInt8], at index: Int) -> Int {
    let byte = bytes[index]
    if byte < 0x80 { return byte.isASCIIWhitespace || byte == 0x0B ? 1 : 0 }
    let remaining = bytes.count - index
    switch byte {
    case 0xC2 where remaining >= 2:
      return bytes[index + 1] == 0xA0 || bytes[index + 1] == 0x85 ? 2 : 0
    case 0xE1 where remaining >= 3:
      return bytes[index + 1] == 0x9A && bytes[index + 2] == 0x80 ? 3 : 0
    case 0xE2 where remaining >= 3:
      let second = bytes[index + 1]
      let third = bytes[index + 2]
      if second == 0x80 && (third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF) { return 3 }
      return second == 0x81 && third == 0x9F ? 3 : 0
    case 0xE3 where remaining >= 3:
      return bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 ? 3 : 0
    default:
      return 0
    }
  }
}

/// Turns a page's bytes into a string in a known encoding, replacing what is not valid in it with
/// U+FFFD and counting the bytes so replaced.
enum TextDecoder {
  static func decode(_ bytes: ArraySlice<UInt8>, as encoding: TextEncoding) -> (text: String, invalidBytes: Int) {
    switch encoding {
    case .utf8: return decodeUTF8(bytes)
    case .utf16LittleEndian: return decodeUTF16(bytes, bigEndian: false)
    case .utf16BigEndian: return decodeUTF16(bytes, bigEndian: true)
    case .windows1252: return (decodeWindows1252(bytes), 0)
    case .other(let name):
      if let decoded = IconvDecoder.decode(bytes, from: name) { return decoded }
      return decodeUTF8(bytes)
    }
  }

  static func decodeUTF8(_ bytes: ArraySlice<UInt8>) -> (text: String, invalidBytes: Int) {
    if let text = String(validating: bytes, as: UTF8.self) { return (text, 0) }
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + 16)
    var invalid = 0
    loop: while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded): output.append(contentsOf: encoded)
      case .error(let length):
        invalid += length
        output.append(contentsOf: [0xEF, 0xBF, 0xBD])
      case .emptyInput: break loop
      }
    }
    return (String(decoding: output, as: UTF8.self), invalid)
  }

  static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> (text: String, invalidBytes: Int) {
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var index = bytes.startIndex
    while index + 1 < bytes.endIndex {
      let first = UInt16(bytes[index])
      let second = UInt16(bytes[index + 1])
      units.append(bigEndian ? first << 8 | second : second << 8 | first)
      index += 2
    }
    var invalid = bytes.count % 2
    var parser = Unicode.UTF16.ForwardParser()
    var iterator = units.makeIterator()
    var text = ""
    loop: while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded): text.unicodeScalars.append(Unicode.UTF16.decode(encoded))
      case .error(let length):
        invalid += 2 * length
        text.unicodeScalars.append("\u{FFFD}")
      case .emptyInput: break loop
      }
    }
    if bytes.count % 2 == 1 { text.unicodeScalars.append("\u{FFFD}") }
    return (text, invalid)
  }

  /// windows-1252's assignments for 0x80–0x9F (the rest of the byte range is Latin-1). The five
  /// bytes windows-1252 leaves unassigned map to the C1 controls, as the WHATWG table has it.
  private static let windows1252High: [UInt16] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D,
    0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
    0x0153, 0x009D, 0x017E, 0x0178,
  ]

  static func decodeWindows1252(_ bytes: ArraySlice<UInt8>) -> String {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + bytes.count / 8)
    for byte in bytes {
      if byte < 0x80 {
        output.append(byte)
        continue
      }
      let scalar = byte < 0xA0 ? UInt32(windows1252High[Int(byte - 0x80)]) : UInt32(byte)
      // Every value here is below U+FFFF and not a surrogate.
      if scalar < 0x800 {
        output.append(UInt8(0xC0 | (scalar >> 6)))
        output.append(UInt8(0x80 | (scalar & 0x3F)))
      } else {
        output.append(UInt8(0xE0 | (scalar >> 12)))
        output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
        output.append(UInt8(0x80 | (scalar & 0x3F)))
      }
    }
    return String(decoding: output, as: UTF8.self)
  }
}

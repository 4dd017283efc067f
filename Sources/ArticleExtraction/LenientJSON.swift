/// A JSON value as found in a page's `<script type="application/ld+json">`.
enum LenientJSON: Equatable {
  case object([String: LenientJSON])
  case array([LenientJSON])
  case string(String)
  case number(Double)
  case bool(Bool)
  case null

  subscript(key: String) -> LenientJSON? {
    if case .object(let members) = self { return members[key] }
    return nil
  }

  var string: String? {
    switch self {
    case .string(let text): text
    case .number(let number): number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    default: nil
    }
  }

  /// The value itself, or the elements of an array: JSON-LD allows one value or many anywhere.
  var elements: [LenientJSON] {
    if case .array(let items) = self { return items }
    return [self]
  }
}

/// Parses the JSON that pages embed as JSON-LD, which is often not quite JSON: raw line breaks
/// and tabs inside strings, trailing commas, `<!-- -->` or CDATA wrappers, several documents in
/// one script. A value that cannot be read is skipped rather than failing the page; nesting is
/// limited so a hostile script cannot exhaust the stack.
struct LenientJSONParser {
  static let maximumDepth = 64

  private let bytes: [UInt8]
  private var position = 0

  private init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// Every top-level value that could be read from `text`.
  static func parseAll(_ text: String) -> [LenientJSON] {
    var parser = LenientJSONParser(bytes: Array(text.utf8))
    var values: [LenientJSON] = []
    while parser.skipToValue() {
      let start = parser.position
      if let value = parser.parseValue(depth: 0) {
        values.append(value)
      } else {
        parser.position = max(start + 1, parser.position)
      }
    }
    return values
  }

  /// Moves to the next `{` or `[` (skipping wrappers and junk between documents).
  private mutating func skipToValue() -> Bool {
    while position < bytes.count {
      if bytes[position] == UInt8(ascii: "{") || bytes[position] == UInt8(ascii: "[") { return true }
      position += 1
    }
    return false
  }

  private mutating func skipWhitespace() {
    while position < bytes.count {
      let byte = bytes[position]
      if byte.isASCIIWhitespace {
        position += 1
      } else if byte == UInt8(ascii: "/"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "/") {
        while position < bytes.count, bytes[position] != 0x0A { position += 1 }
      } else if byte == UInt8(ascii: "/"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "*") {
        position += 2
        while position + 1 < bytes.count,
          !(bytes[position] == UInt8(ascii: "*") && bytes[position + 1] == UInt8(ascii: "/"))
        {
          position += 1
        }
        position = min(bytes.count, position + 2)
      } else {
        return
      }
    }
  }

  private mutating func parseValue(depth: Int) -> LenientJSON? {
    guard depth < Self.maximumDepth else { return nil }
    skipWhitespace()
    guard position < bytes.count else { return nil }
    switch bytes[position] {
    case UInt8(ascii: "{"): return parseObject(depth: depth)
    case UInt8(ascii: "["): return parseArray(depth: depth)
    case UInt8(ascii: "\""), UInt8(ascii: "'"): return parseString().map(LenientJSON.string)
    default: return parseBareWord()
    }
  }

  private mutating func parseObject(depth: Int) -> LenientJSON? {
    position += 1
    var members: [String: LenientJSON] = [:]
    while true {
      skipWhitespace()
      guard position < bytes.count else { return .object(members) }
      let byte = bytes[position]
      if byte == UInt8(ascii: "}") {
        position += 1
        return .object(members)
      }
      if byte == UInt8(ascii: ",") {
        position += 1
        continue
      }
      guard byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'"), let key = parseString() else { return nil }
      skipWhitespace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return nil }
      position += 1
      guard let value = parseValue(depth: depth + 1) else { return nil }
      if members[key] == nil { members[key] = value }
    }
  }

  private mutating func parseArray(depth: Int) -> LenientJSON? {
    position += 1
    var items: [LenientJSON] = []
    while true {
      skipWhitespace()
      guard position < bytes.count else { return .array(items) }
      let byte = bytes[position]
      if byte == UInt8(ascii: "]") {
        position += 1
        return .array(items)
      }
      if byte == UInt8(ascii: ",") {
        position += 1
        continue
      }
      guard let value = parseValue(depth: depth + 1) else { return nil }
      items.append(value)
    }
  }

  private mutating func parseString() -> String? {
    let quote = bytes[position]
    position += 1
    var output: [UInt8] = []
    while position < bytes.count {
      let byte = bytes[position]
      position += 1
      if byte == quote { return String(decoding: output, as: UTF8.self) }
      guard byte == UInt8(ascii: "\\"), position < bytes.count else {
        // Raw control characters are not allowed in JSON strings; pages put them there anyway.
        output.append(byte < 0x20 ? 0x20 : byte)
        continue
      }
      let escaped = bytes[position]
      position += 1
      switch escaped {
      case UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "b"):
        output.append(escaped == UInt8(ascii: "n") ? 0x0A : 0x20)
      case UInt8(ascii: "u"):
        appendUnicodeEscape(to: &output)
      default:
        output.append(escaped)  // \" \\ \/ and, leniently, \' or any other character.
      }
    }
    return String(decoding: output, as: UTF8.self)
  }

  private mutating func readHex4() -> UInt32? {
    guard position + 4 <= bytes.count else { return nil }
    var value: UInt32 = 0
    for byte in bytes[position..<position + 4] {
      guard let digit = hexDigit(byte) else { return nil }
      value = value << 4 | digit
    }
    position += 4
    return value
  }

  private func hexDigit(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
  }

  private mutating func appendUnicodeEscape(to output: inout [UInt8]) {
    guard var value = readHex4() else { return }
    if (0xD800..<0xDC00).contains(value), position + 6 <= bytes.count, bytes[position] == UInt8(ascii: "\\"),
      bytes[position + 1] == UInt8(ascii: "u")
    {
      let saved = position
      position += 2
      if let low = readHex4(), (0xDC00..<0xE000).contains(low) {
        value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
      } else {
        position = saved
      }
    }
    let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
    output.append(contentsOf: Array(String(Character(scalar)).utf8))
  }

  private mutating func parseBareWord() -> LenientJSON? {
    let start = position
    while position < bytes.count {
      let byte = bytes[position]
      if byte.isASCIIAlphanumeric || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
        || byte == UInt8(ascii: ".")
      {
        position += 1
      } else {
        break
      }
    }
    let word = String(decoding: bytes[start..<position], as: UTF8.self)
    switch word {
    case "true": return .bool(true)
    case "false": return .bool(false)
    case "null", "undefined": return .null
    case "": return nil
    default: return Double(word).map(LenientJSON.number) ?? .null
    }
  }
}

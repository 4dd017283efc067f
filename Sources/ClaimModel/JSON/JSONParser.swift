/// Why a byte string is not an acceptable JSON document.
public struct JSONParseError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The byte offset where parsing stopped.
  public var offset: Int
  /// What was wrong there.
  public var reason: String

  public var description: String { "\(reason) at byte \(offset)" }
}

/// A strict JSON parser over UTF-8 bytes (RFC 8259), with limits that make hostile input harmless.
public struct JSONParser {
  /// Deeper nesting than this is refused: records are a few levels deep, and recursion must not
  /// exhaust the stack on a file someone crafted.
  public static let maximumDepth = 64

  /// Parses a whole document; anything but whitespace after the value is an error.
  public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
    let result = bytes.withUnsafeBufferPointer { buffer in
      Result { () throws(JSONParseError) in try parseBuffer(buffer) }
    }
    return try result.get()
  }

  /// Parses the UTF-8 of a string.
  public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
    var text = text
    let result = text.withUTF8 { buffer in Result { () throws(JSONParseError) in try parseBuffer(buffer) } }
    return try result.get()
  }

  private static func parseBuffer(_ buffer: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> JSONValue {
    var parser = JSONParser(bytes: buffer)
    parser.skipWhitespace()
    let value = try parser.parseValue(depth: 0)
    parser.skipWhitespace()
    guard parser.position == buffer.count else { throw parser.error("unexpected text after the value") }
    return value
  }

  private let bytes: UnsafeBufferPointer<UInt8>
  private var position = 0

  private init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  private func error(_ reason: String) -> JSONParseError {
    JSONParseError(offset: position, reason: reason)
  }

  private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

  private mutating func skipWhitespace() {
    while position < bytes.count {
      switch bytes[position] {
      case 0x20, 0x0A, 0x0D, 0x09: position += 1
      default: return
      }
    }
  }

  private mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
    guard let byte = current else { throw error("unexpected end of input") }
    switch byte {
    case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
    case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
    case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
    case UInt8(ascii: "n"): try expectLiteral("null"); return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
    default: throw error("unexpected character")
    }
  }

  private mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
    let count = literal.utf8CodeUnitCount
    guard bytes.count - position >= count else { throw error("unexpected end of input") }
    let start = literal.utf8Start
    for index in 0..<count where bytes[position + index] != start[index] {
      throw error("unexpected character")
    }
    position += count
  }

  private mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONValue {
    guard depth <= Self.maximumDepth else { throw error("nested deeper than \(Self.maximumDepth) levels") }
    position += 1
    // Room for a record's dozen fields at once, rather than growing through 1, 2, 4 and 8.
    var members = [String: JSONValue](minimumCapacity: 12)
    skipWhitespace()
    if current == UInt8(ascii: "}") {
      position += 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard current == UInt8(ascii: "\"") else { throw error("expected a string key") }
      let key = try parseString()
      skipWhitespace()
      guard current == UInt8(ascii: ":") else { throw error("expected ':'") }
      position += 1
      skipWhitespace()
      let value = try parseValue(depth: depth)
      guard members.updateValue(value, forKey: key) == nil else { throw error("duplicate key '\(key)'") }
      skipWhitespace()
      switch current {
      case UInt8(ascii: ","): position += 1
      case UInt8(ascii: "}"):
        position += 1
        return .object(members)
      case nil: throw error("unexpected end of input")
      default: throw error("expected ',' or '}'")
      }
    }
  }

  private mutating func parseArray(depth: Int) throws(JSONParseError) -> JSONValue {
    guard depth <= Self.maximumDepth else { throw error("nested deeper than \(Self.maximumDepth) levels") }
    position += 1
    var elements: [JSONValue] = []
    skipWhitespace()
    if current == UInt8(ascii: "]") {
      position += 1
      return .array(elements)
    }
    while true {
      skipWhitespace()
      elements.append(try parseValue(depth: depth))
      skipWhitespace()
      switch current {
      case UInt8(ascii: ","): position += 1
      case UInt8(ascii: "]"):
        position += 1
        return .array(elements)
      case nil: throw error("unexpected end of input")
      default: throw error("expected ',' or ']'")
      }
    }
  }

  private mutating func parseString() throws(JSONParseError) -> String {
    position += 1
    let start = position
    var isASCII = true
    // Fast path: no escapes, so the string is a slice of the input.
    while position < bytes.count {
      // Eight bytes at a time while they are plain ASCII: no quote, backslash or control.
      if position + 8 <= bytes.count, let base = bytes.baseAddress,
        !ByteWord.hasSpecialByte(ByteWord.load(base, at: position), orDelete: false)
      {
        position += 8
        continue
      }
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<position])
        position += 1
        // ASCII needs no validating, and `String(validating:)` costs a generic call for each string.
        if isASCII { return String(decoding: slice, as: UTF8.self) }
        guard let string = String(validating: slice, as: UTF8.self) else {
          throw JSONParseError(offset: start, reason: "string is not valid UTF-8")
        }
        return string
      }
      if byte == UInt8(ascii: "\\") { break }
      if byte < 0x20 { throw error("control character in string") }
      if byte >= 0x80 { isASCII = false }
      position += 1
    }
    var scratch = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
    while position < bytes.count {
      let byte = bytes[position]
      switch byte {
      case UInt8(ascii: "\""):
        position += 1
        guard let string = String(validating: scratch, as: UTF8.self) else {
          throw JSONParseError(offset: start, reason: "string is not valid UTF-8")
        }
        return string
      case UInt8(ascii: "\\"):
        position += 1
        try appendEscape(to: &scratch)
      case 0..<0x20:
        throw error("control character in string")
      default:
        scratch.append(byte)
        position += 1
      }
    }
    throw error("unterminated string")
  }

  private mutating func appendEscape(to scratch: inout [UInt8]) throws(JSONParseError) {
    guard let byte = current else { throw error("unterminated string") }
    position += 1
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(byte)
    case UInt8(ascii: "b"): scratch.append(0x08)
    case UInt8(ascii: "f"): scratch.append(0x0C)
    case UInt8(ascii: "n"): scratch.append(0x0A)
    case UInt8(ascii: "r"): scratch.append(0x0D)
    case UInt8(ascii: "t"): scratch.append(0x09)
    case UInt8(ascii: "u"):
      var scalar = try parseHexQuad()
      if (0xD800..<0xDC00).contains(scalar) {
        guard current == UInt8(ascii: "\\"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "u")
        else { throw error("unpaired surrogate in \\u escape") }
        position += 2
        let low = try parseHexQuad()
        guard (0xDC00..<0xE000).contains(low) else { throw error("unpaired surrogate in \\u escape") }
        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
      } else if (0xDC00..<0xE000).contains(scalar) {
        throw error("unpaired surrogate in \\u escape")
      }
      guard let unicodeScalar = Unicode.Scalar(scalar) else { throw error("invalid \\u escape") }
      scratch.append(contentsOf: Array(String(Character(unicodeScalar)).utf8))
    default:
      throw error("invalid escape")
    }
  }

  private mutating func parseHexQuad() throws(JSONParseError) -> UInt32 {
    guard bytes.count - position >= 4 else { throw error("truncated \\u escape") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[position]
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
      default: throw error("invalid \\u escape")
      }
      value = value << 4 | digit
      position += 1
    }
    return value
  }

  private mutating func parseNumber() throws(JSONParseError) -> JSONValue {
    let start = position
    var isInteger = true
    if current == UInt8(ascii: "-") { position += 1 }
    guard let first = current, isDigit(first) else { throw error("invalid number") }
    if first == UInt8(ascii: "0") {
      position += 1
    } else {
      skipDigits()
    }
    if current == UInt8(ascii: ".") {
      isInteger = false
      position += 1
      guard let byte = current, isDigit(byte) else { throw error("invalid number") }
      skipDigits()
    }
    if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
      isInteger = false
      position += 1
      if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
      guard let byte = current, isDigit(byte) else { throw error("invalid number") }
      skipDigits()
    }
    // Short integers (ordinals, offsets, counts) are read without making a string.
    if isInteger, position - start <= 18 {
      var value = 0
      for byte in bytes[start..<position] where byte != UInt8(ascii: "-") { value = value * 10 + Int(byte - 48) }
      return .integer(bytes[start] == UInt8(ascii: "-") ? -value : value)
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    if isInteger, let integer = Int(text) { return .integer(integer) }
    guard let double = Double(text), double.isFinite else {
      throw JSONParseError(offset: start, reason: "number out of range")
    }
    return .double(double)
  }

  private mutating func skipDigits() {
    while let byte = current, isDigit(byte) { position += 1 }
  }

  private func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }
}

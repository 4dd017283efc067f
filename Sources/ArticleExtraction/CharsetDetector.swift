/// Decides which character set a page's bytes are in, as browsers do: a byte-order mark first,
/// then the HTTP `Content-Type` charset, then a `<meta charset>` or `<meta http-equiv>` near
/// the start, and otherwise UTF-8 when the bytes are UTF-8 and windows-1252 when they are not.
enum CharsetDetector {
  /// How far into the page to look for a `<meta>` declaration. Browsers stop at 1,024 bytes;
  /// pages with long inline scripts in their head put it later, and browsers then re-read.
  static let prescanLength = 8192

  /// The encoding, and how many bytes of BOM to skip.
  static func detect(_ bytes: [UInt8], contentType: String?) -> (encoding: TextEncoding, bomLength: Int) {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
    if bytes.starts(with: [0xFF, 0xFE]) { return (.utf16LittleEndian, 2) }
    if bytes.starts(with: [0xFE, 0xFF]) { return (.utf16BigEndian, 2) }
    if let label = contentType.flatMap(charsetParameter(of:)), let encoding = TextEncoding(label: label) {
      return (encoding, 0)
    }
    if let encoding = metaDeclaredEncoding(bytes.prefix(prescanLength)) {
      // A page cannot declare UTF-16 in ASCII-compatible bytes: the declaration itself shows the
      // bytes are not UTF-16 (the WHATWG rule).
      switch encoding {
      case .utf16LittleEndian, .utf16BigEndian: return (.utf8, 0)
      default: return (encoding, 0)
      }
    }
    return (guessUndeclared(bytes), 0)
  }

  /// The `charset` parameter of a media type (`text/html; charset="ISO-8859-1"`), unquoted.
  static func charsetParameter(of contentType: String) -> String? {
    for parameter in contentType.split(separator: ";").dropFirst() {
      let parts = parameter.split(separator: "=", maxSplits: 1)
      guard parts.count == 2, String(parts[0]).trimmingASCIIWhitespace().lowercasedASCII() == "charset" else {
        continue
      }
      var value = String(parts[1]).trimmingASCIIWhitespace()
      if value.hasPrefix("\"") || value.hasPrefix("'") { value = String(value.dropFirst()) }
      if value.hasSuffix("\"") || value.hasSuffix("'") { value = String(value.dropLast()) }
      return value
    }
    return nil
  }

  /// Without any declaration: UTF-8 if the multi-byte sequences outnumber the invalid bytes
  /// (a UTF-8 page with a stray byte stays UTF-8), windows-1252 otherwise.
  static func guessUndeclared(_ bytes: [UInt8]) -> TextEncoding {
    if String(validating: bytes, as: UTF8.self) != nil { return .utf8 }
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var multiByte = 0
    var invalid = 0
    loop: while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let scalar): if scalar.count > 1 { multiByte += 1 }
      case .error: invalid += 1
      case .emptyInput: break loop
      }
    }
    return invalid == 0 || multiByte > invalid ? .utf8 : .windows1252
  }

  /// The encoding named by the first `<meta charset=…>` or `<meta http-equiv=content-type
  /// content="…; charset=…">` in `head`, skipping comments.
  static func metaDeclaredEncoding(_ head: ArraySlice<UInt8>) -> TextEncoding? {
    var index = head.startIndex
    let end = head.endIndex
    while index < end {
      guard head[index] == UInt8(ascii: "<") else {
        index += 1
        continue
      }
      if head[index...].starts(with: "<!--".utf8) {
        index = endOfComment(head, from: index + 4)
        continue
      }
      let nameStart = index + 1
      var nameEnd = nameStart
      while nameEnd < end, head[nameEnd].isASCIIAlphanumeric { nameEnd += 1 }
      let isMeta = head[nameStart..<nameEnd].map(\.lowercasedASCII).elementsEqual("meta".utf8)
      var attributes = AttributeScanner(bytes: head, position: nameEnd)
      var charset: String?
      var httpEquiv: String?
      var content: String?
      while let (name, value) = attributes.next() {
        guard isMeta else { continue }
        switch name {
        case "charset": charset = charset ?? value
        case "http-equiv": httpEquiv = httpEquiv ?? value.lowercasedASCII()
        case "content": content = content ?? value
        default: break
        }
      }
      index = max(attributes.position, index + 1)
      guard isMeta else { continue }
      if let charset, let encoding = TextEncoding(label: charset) { return encoding }
      if httpEquiv == "content-type", let content, let label = charsetParameter(of: "x;" + content),
        let encoding = TextEncoding(label: label)
      {
        return encoding
      }
    }
    return nil
  }

  private static func endOfComment(_ bytes: ArraySlice<UInt8>, from start: Int) -> Int {
    var index = start
    while index + 2 < bytes.endIndex {
      if bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: "-"), bytes[index + 2] == UInt8(ascii: ">")
      {
        return index + 3
      }
      index += 1
    }
    return bytes.endIndex
  }
}

/// Reads `name=value` pairs of one tag, as the WHATWG prescan does, up to its `>`.
struct AttributeScanner {
  let bytes: ArraySlice<UInt8>
  var position: Int

  mutating func next() -> (String, String)? {
    let end = bytes.endIndex
    while position < end, bytes[position].isASCIIWhitespace || bytes[position] == UInt8(ascii: "/") {
      position += 1
    }
    guard position < end, bytes[position] != UInt8(ascii: ">") else {
      if position < end { position += 1 }
      return nil
    }
    let nameStart = position
    while position < end, !bytes[position].isASCIIWhitespace, bytes[position] != UInt8(ascii: "="),
      bytes[position] != UInt8(ascii: ">"), position == nameStart || bytes[position] != UInt8(ascii: "/")
    {
      position += 1
    }
    let name = String(decoding: bytes[nameStart..<position].map(\.lowercasedASCII), as: UTF8.self)
    while position < end, bytes[position].isASCIIWhitespace { position += 1 }
    guard position < end, bytes[position] == UInt8(ascii: "=") else { return (name, "") }
    position += 1
    while position < end, bytes[position].isASCIIWhitespace { position += 1 }
    guard position < end else { return (name, "") }
    let quote = bytes[position]
    if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
      position += 1
      let valueStart = position
      while position < end, bytes[position] != quote { position += 1 }
      let value = String(decoding: bytes[valueStart..<position], as: UTF8.self)
      if position < end { position += 1 }
      return (name, value)
    }
    let valueStart = position
    while position < end, !bytes[position].isASCIIWhitespace, bytes[position] != UInt8(ascii: ">") { position += 1 }
    return (name, String(decoding: bytes[valueStart..<position], as: UTF8.self))
  }
}

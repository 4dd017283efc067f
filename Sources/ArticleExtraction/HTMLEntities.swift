/// Decodes HTML character references that pages leave in metadata strings (JSON-LD written by
/// a templating engine that escaped it twice: `doesn&#8217;t`, `&amp;nbsp;`).
enum HTMLEntities {
  private static let named: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "hellip": "…", "ndash": "–",
    "mdash": "—", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "laquo": "«", "raquo": "»",
    "sbquo": "‚", "bdquo": "„", "copy": "©", "reg": "®", "trade": "™", "euro": "€", "pound": "£", "middot": "·",
    "bull": "•", "deg": "°", "eacute": "é", "egrave": "è", "aacute": "á", "agrave": "à", "iacute": "í",
    "oacute": "ó", "uacute": "ú", "ntilde": "ñ", "ccedil": "ç", "uuml": "ü", "ouml": "ö", "auml": "ä",
    "szlig": "ß", "atilde": "ã", "otilde": "õ", "ecirc": "ê", "acirc": "â", "ocirc": "ô",
  ]

  static func decode(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
    var output = ""
    var rest = Substring(text)
    while let ampersand = rest.firstIndex(of: "&") {
      output += rest[..<ampersand]
      let afterAmpersand = rest.index(after: ampersand)
      guard let semicolon = rest[afterAmpersand...].prefix(12).firstIndex(of: ";") else {
        output += "&"
        rest = rest[afterAmpersand...]
        continue
      }
      let name = rest[afterAmpersand..<semicolon]
      if let replacement = character(for: name) {
        output += replacement
        rest = rest[rest.index(after: semicolon)...]
      } else {
        output += "&"
        rest = rest[afterAmpersand...]
      }
    }
    output += rest
    return output
  }

  private static func character(for name: Substring) -> String? {
    if name.hasPrefix("#") {
      let digits = name.dropFirst()
      let value: UInt32?
      if digits.hasPrefix("x") || digits.hasPrefix("X") {
        value = UInt32(digits.dropFirst(), radix: 16)
      } else {
        value = UInt32(digits, radix: 10)
      }
      guard let value, value > 0, let scalar = Unicode.Scalar(value) else { return nil }
      return String(Character(scalar))
    }
    return named[String(name)]
  }
}

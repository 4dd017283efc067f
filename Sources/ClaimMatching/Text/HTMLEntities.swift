/// Decodes the HTML character references that leak into scraped tweets and feeds (`&amp;`,
/// `&quot;`, `&#8217;`, `&#x2014;`). Unknown names are left as they are.
enum HTMLEntities {
  static func decode(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
    let scalars = Array(text.unicodeScalars)
    var output = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
      if scalars[index] == "&", let (decoded, length) = reference(in: scalars, at: index) {
        output.append(decoded)
        index += length
      } else {
        output.append(scalars[index])
        index += 1
      }
    }
    return String(output)
  }

  /// The character a reference starting at `start` (the `&`) stands for, and its length with the `;`.
  private static func reference(in scalars: [Unicode.Scalar], at start: Int) -> (Unicode.Scalar, Int)? {
    var end = start + 1
    while end < scalars.count, end - start <= 10, scalars[end] != ";" { end += 1 }
    guard end < scalars.count, scalars[end] == ";", end > start + 1 else { return nil }
    let body = String(String.UnicodeScalarView(scalars[(start + 1)..<end]))
    let length = end - start + 1
    if body.hasPrefix("#x") || body.hasPrefix("#X") {
      return UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { ($0, length) }
    }
    if body.hasPrefix("#") {
      return UInt32(body.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init).map { ($0, length) }
    }
    return named[body].map { ($0, length) }
  }

  private static let named: [String: Unicode.Scalar] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "hellip": "\u{2026}",
    "mdash": "\u{2014}", "ndash": "\u{2013}", "lsquo": "\u{2018}", "rsquo": "\u{2019}", "ldquo": "\u{201C}",
    "rdquo": "\u{201D}", "laquo": "\u{AB}", "raquo": "\u{BB}", "eacute": "\u{E9}", "egrave": "\u{E8}",
    "aacute": "\u{E1}", "agrave": "\u{E0}", "oacute": "\u{F3}", "uacute": "\u{FA}", "iacute": "\u{ED}",
    "ntilde": "\u{F1}", "ccedil": "\u{E7}", "uuml": "\u{FC}", "ouml": "\u{F6}", "auml": "\u{E4}", "szlig": "\u{DF}",
    "euro": "\u{20AC}", "pound": "\u{A3}", "copy": "\u{A9}", "reg": "\u{AE}", "trade": "\u{2122}",
  ]
}

/// Judgements about a line of text from its shape alone.
enum TextShape {
  /// Ends with sentence punctuation (a closing quote or bracket may follow it).
  static func endsLikeSentence(_ text: String) -> Bool {
    for scalar in text.unicodeScalars.reversed() {
      switch scalar {
      case "\"", "'", "”", "’", "»", ")", "]", " ": continue
      case ".", "!", "?", "。", "！", "？", ":", ";": return !isTruncated(text)
      default: return false
      }
    }
    return false
  }

  /// Cut short with an ellipsis, as teasers are ("…may soon..."); an ellipsis inside a closing
  /// quotation mark is a quotation trailing off, not a cut.
  static func isTruncated(_ text: String) -> Bool {
    var scalars = text.unicodeScalars.reversed().drop { $0 == " " }.makeIterator()
    guard let last = scalars.next() else { return false }
    if last == "…" { return true }
    guard last == "." else { return false }
    return scalars.next() == "." && scalars.next() == "."
  }

  /// Lowercased letters and digits only, for comparing a heading with the title.
  static func comparable(_ text: String) -> String {
    String(String.UnicodeScalarView(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }))
  }

  /// Lines that are page furniture wherever they appear.
  static let furnitureLines: Set<String> = [
    "advertisement", "advertisements", "ad", "sponsored", "sponsoredcontent", "share", "sharethis", "sharethisarticle",
    "sharethisstory", "readmore", "continuereading", "relatedarticles", "related", "recommended", "comments",
    "loading", "skiptocontent", "print", "email", "tweet", "follow", "subscribe",
  ]

  static func isFurnitureLine(_ text: String) -> Bool {
    guard text.utf8.count < 60 else { return false }
    return furnitureLines.contains(comparable(text))
  }
}

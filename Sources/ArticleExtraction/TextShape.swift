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
    String(
      String.UnicodeScalarView(
        text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }))
  }

  /// Lines that are page furniture wherever they appear.
  static let furnitureLines: Set<String> = [
    "advertisement", "advertisements", "ad", "sponsored", "sponsoredcontent", "share", "sharethis", "sharethisarticle",
    "sharethisstory", "readmore", "continuereading", "relatedarticles", "related", "recommended", "comments",
    "loading", "skiptocontent", "print", "email", "tweet", "follow", "subscribe",
  ]

  /// Lines that are page furniture wherever they stand: "Advertisement", "Image 2 of 5", bare
  /// addresses.
  static func isFurnitureLine(_ text: String) -> Bool {
    if text.utf8.count < 60, furnitureLines.contains(comparable(text)) { return true }
    if text.utf8.count < 40, isPictureCounter(text) { return true }
    return isMostlyAddresses(text)
  }

  /// "Image 2 of 5", "Photo 3/12".
  private static func isPictureCounter(_ text: String) -> Bool {
    let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "/" })
    guard words.count == 4 || words.count == 3, ["image", "photo", "picture", "slide", "foto"].contains(words[0]) else {
      return false
    }
    return words.allSatisfy { $0 == words[0] || $0 == "of" || $0 == "de" || $0 == "di" || $0.allSatisfy(\.isNumber) }
  }

  /// Text that is mostly web addresses written out (structured data left visible, link dumps).
  private static func isMostlyAddresses(_ text: String) -> Bool {
    guard text.hasPrefix("http") || text.hasPrefix("www.") else { return false }
    let words = text.split(separator: " ")
    let addressLength = words.filter { $0.hasPrefix("http://") || $0.hasPrefix("https://") || $0.hasPrefix("www.") }
      .reduce(0) { $0 + $1.utf8.count }
    return addressLength * 2 > text.utf8.count
  }

  /// Beginnings of lines that are an article's furniture when they open or close it: bylines,
  /// credits, dates, contact details, copyright, calls to subscribe or follow.
  static let edgePrefixes = [
    "(reporting by", "reporting by", "additional reporting", "(additional reporting", "editing by",
    "(editing by", "writing by", "compiled by", "copyright", "©", "(c) ", "subscribe", "sign up", "join our",
    "get the latest", "click here", "listen to", "watch:", "read more", "read next", "related:", "more:",
    "see also", "(published", "published:", "published on", "updated:", "updated on", "posted:", "posted on",
    "last updated", "follow us", "follow @", "have a tip", "got a tip", "tags:",
    "filed under", "publicado por", "publicado em", "veröffentlicht", "pubblicato",
  ]

  /// Phrases that mark such lines wherever they stand in them.
  static let edgePhrases = [
    "all rights reserved", "can be reached at", "may be reached at", "follow him on", "follow her on",
    "follow them on", "follow us on", "sign up for", "subscribe to", "newsletter",
    "is a contributor", "is a staff writer", "is a reporter", "contributed to this report", "this story was",
    "this article was", "originally appeared", "originally published", "todos los derechos", "direitos reservados",
    "alle rechte",
  ]

  private static let edgePrefixBytes = edgePrefixes.map { Array($0.utf8) }
  private static let edgePhraseBytes = edgePhrases.map { Array($0.utf8) }

  /// A line of furniture at the start or end of an article.
  static func isEdgeFurniture(_ text: String) -> Bool {
    guard text.utf8.count < 400 else { return false }
    // The phrases are ASCII, so lowercasing ASCII bytes is enough to compare.
    let lowered = text.utf8.map(\.lowercasedASCII)
    // "By Jane Doe, Staff Reporter", not "By the end of the year, ..."
    if lowered.starts(with: "by ".utf8), text.utf8.count < 100, !endsLikeSentence(text) { return true }
    if edgePrefixBytes.contains(where: { lowered.starts(with: $0) }) { return true }
    return edgePhraseBytes.contains { ContentSniffer.contains($0, in: lowered[...]) }
  }
}

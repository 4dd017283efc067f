/// The id of an imported source text: a slug safe as a directory name.
///
/// One to 64 characters from `a-z`, `0-9`, `-`, `_` and `.`, starting with a letter or digit, and no
/// `..`: it names `seeds/<id>.txt` and `Claims/<id>/`, so it must never reach outside them.
public struct SourceID: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The longest id accepted.
  public static let maximumLength = 64

  /// The id's text.
  public let rawValue: String

  /// Accepts a well-formed source id, or returns nil.
  public init?(_ text: String) {
    let bytes = text.utf8
    guard let first = bytes.first, bytes.count <= Self.maximumLength, Self.isAlphanumeric(first) else { return nil }
    var previous: UInt8 = 0
    for byte in bytes {
      let isDot = byte == UInt8(ascii: ".")
      guard Self.isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || isDot,
        !(isDot && previous == UInt8(ascii: "."))
      else { return nil }
      previous = byte
    }
    rawValue = text
  }

  /// A source id made from a file name: extension dropped, lowercased, other characters turned to `-`.
  /// Returns nil when nothing usable is left (a name of only punctuation, say).
  public static func slug(fromFileName fileName: String) -> SourceID? {
    var stem = Substring(fileName)
    if let dot = stem.lastIndex(of: "."), dot != stem.startIndex { stem = stem[..<dot] }
    return slug(of: stem)
  }

  /// A source id made from a headline: lowercased, accents dropped, other characters turned to
  /// `-`, cut at a word boundary to at most 48 characters (`council-extends-night-buses-to-the`).
  /// Returns nil when nothing usable is left.
  public static func slug(fromTitle title: String) -> SourceID? {
    guard let whole = slug(of: Substring(title)) else { return nil }
    let limit = 48
    guard whole.rawValue.count > limit else { return whole }
    let cut = whole.rawValue.prefix(limit + 1)
    let words = cut.lastIndex(of: "-").map { cut[..<$0] } ?? cut.prefix(limit)
    return SourceID(String(words)) ?? whole
  }

  private static func slug(of stem: Substring) -> SourceID? {
    var slug = ""
    for scalar in stem.unicodeScalars.map(baseLetter) {
      let lower = scalar.properties.lowercaseMapping
      if lower.unicodeScalars.count == 1, let only = lower.unicodeScalars.first, only.isASCII,
        isAlphanumeric(UInt8(only.value)) || only == "_"
      {
        slug.unicodeScalars.append(only)
      } else if !slug.hasSuffix("-") {
        slug.append("-")
      }
    }
    while slug.hasPrefix("-") || slug.hasPrefix("_") { slug.removeFirst() }
    while slug.hasSuffix("-") { slug.removeLast() }
    return SourceID(String(slug.prefix(maximumLength)))
  }

  /// The Latin letter under an accent (`é` → `e`, `Ø` → `O`), read from the character's Unicode
  /// name (`LATIN SMALL LETTER E WITH ACUTE`) since the standard library has no decomposition;
  /// anything else unchanged.
  static func baseLetter(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    guard !scalar.isASCII, let name = scalar.properties.name else { return scalar }
    for prefix in ["LATIN SMALL LETTER ", "LATIN CAPITAL LETTER "] where name.hasPrefix(prefix) {
      let rest = name.dropFirst(prefix.count).unicodeScalars
      guard let letter = rest.first, ("A"..."Z").contains(letter) else { return scalar }
      let after = rest.dropFirst()
      guard after.isEmpty || String(after).hasPrefix(" WITH ") else { return scalar }
      guard prefix.hasPrefix("LATIN SMALL") else { return letter }
      return Unicode.Scalar(UInt8(letter.value + 0x20))
    }
    return scalar
  }

  static func isAlphanumeric(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
  }

  public var description: String { rawValue }

  public static func < (lhs: SourceID, rhs: SourceID) -> Bool { lhs.rawValue < rhs.rawValue }
}

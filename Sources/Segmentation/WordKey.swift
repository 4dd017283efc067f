/// A short word packed into an integer, case-folded, for table look-ups that allocate nothing.
///
/// Each character takes five bits (a–z, and a few marks that occur inside abbreviations), so
/// a word of up to twelve characters fits in a `UInt64` exactly and two different words never
/// share a key. Longer words, or words with any other character, have no key, which is fine:
/// none of the tables holds such a word.
struct WordKey: Hashable, Sendable {
  let raw: UInt64

  static let maximumLength = 12

  /// The key of the bytes `start..<end` of `text`, or nil.
  @inline(__always)
  static func make(_ text: UTF8Text, from start: Int, to end: Int) -> WordKey? {
    var raw: UInt64 = 0
    var length = 0
    var i = start
    while i < end {
      let b = text[i]
      let code: UInt64
      switch b {
      case 0x61...0x7A: code = UInt64(b &- 0x60)
      case 0x41...0x5A: code = UInt64(b &- 0x40)
      case 0x2E: code = 27
      case 0x27: code = 28
      case 0x2D: code = 29
      case 0xC2 where i + 1 < end && (text[i + 1] == 0xB0 || text[i + 1] == 0xBA):
        // `N°` and `Nº`, the number sign of Romance languages and of the Golden Rules.
        code = 30
        i += 1
      case 0xE2 where i + 2 < end && text[i + 1] == 0x80 && text[i + 2] == 0x99:
        // A curly apostrophe keys like a straight one.
        code = 28
        i += 2
      default:
        return nil
      }
      length += 1
      if length > maximumLength { return nil }
      raw = raw << 5 | code
      i += 1
    }
    return length == 0 ? nil : WordKey(raw: raw)
  }

  /// The key of a word written in a table; only for building the tables.
  static func make(_ word: String) -> WordKey? {
    var word = word
    return word.withUTF8 { make(UTF8Text(bytes: $0), from: 0, to: $0.count) }
  }
}

/// A set of words, looked up by key.
struct WordSet: Sendable {
  private let keys: Set<WordKey>

  init(_ words: [String]) {
    keys = Set(words.compactMap(WordKey.make))
  }

  @inline(__always)
  func contains(_ key: WordKey?) -> Bool {
    guard let key else { return false }
    return keys.contains(key)
  }
}

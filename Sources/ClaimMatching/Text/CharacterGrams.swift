/// Character 4-grams of a text's words: each window of four UTF-8 bytes of ` word word ` (padded
/// with a space at both ends) taken as one number, so no hashing and no collisions. They catch
/// what stems miss: spelling variants, compounds, names split or joined differently.
enum CharacterGrams {
  static let length = 4

  /// The distinct 4-grams of a text (lower-cased words joined by single spaces), sorted.
  static func distinct(in text: some Collection<UInt8>) -> [UInt32] {
    var grams: [UInt32] = []
    grams.reserveCapacity(text.count + 2)
    forEach(in: text) { grams.append($0) }
    grams.sort()
    var unique = 0
    for gram in grams where unique == 0 || grams[unique - 1] != gram {
      grams[unique] = gram
      unique += 1
    }
    grams.removeLast(grams.count - unique)
    return grams
  }

  /// Each 4-gram with how often it occurs.
  static func counts(in text: some Collection<UInt8>) -> [UInt32: Int] {
    var counts: [UInt32: Int] = [:]
    forEach(in: text) { counts[$0, default: 0] += 1 }
    return counts
  }

  static func forEach(in text: some Collection<UInt8>, _ body: (UInt32) -> Void) {
    guard !text.isEmpty else { return }
    var window: UInt32 = UInt32(UInt8(ascii: " "))
    var filled = 1
    for byte in text {
      window = window << 8 | UInt32(byte)
      filled += 1
      if filled >= length { body(window) }
    }
    window = window << 8 | UInt32(UInt8(ascii: " "))
    filled += 1
    if filled >= length { body(window) }
  }
}

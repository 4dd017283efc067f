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
      case .smallA ... .smallZ: code = UInt64(b &- (.smallA - 1))
      case .capitalA ... .capitalZ: code = UInt64(b &- (.capitalA - 1))
      case .fullStop: code = 27
      case .apostrophe: code = 28
      case .hyphenMinus: code = 29
      case UTF8Byte.latin1Lead
      where i + 1 < end
        && (text[i + 1] == UTF8Byte.degreeSign || text[i + 1] == UTF8Byte.masculineOrdinalIndicator):
        // `N°` and `Nº`, the number sign of Romance languages and of the Golden Rules.
        code = 30
        i += 1
      case UTF8Byte.punctuationLead
      where i + 2 < end && text[i + 1] == UTF8Byte.generalPunctuation
        && text[i + 2] == UTF8Byte.rightSingleQuotationMark:
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

/// A small hash table from word keys to values, built once.
///
/// Open addressing with a multiplicative hash: a look-up is a multiply, a shift and usually
/// one comparison, far cheaper than the standard library's seeded hashing, and the tables here
/// are looked up at every candidate boundary.
struct KeyTable<Value: Sendable>: Sendable {
  private var keys: [UInt64]
  private var values: [Value?]
  private let shift: UInt64

  init(_ pairs: [(WordKey, Value)]) {
    var bits: UInt64 = 4
    while (1 << bits) < pairs.count * 4 { bits += 1 }
    let capacity = 1 << Int(bits)
    shift = 64 - bits
    keys = [UInt64](repeating: 0, count: capacity)
    values = [Value?](repeating: nil, count: capacity)
    for (key, value) in pairs {
      var index = slot(of: key.raw)
      while keys[index] != 0 && keys[index] != key.raw { index = (index + 1) & (capacity - 1) }
      keys[index] = key.raw
      values[index] = value
    }
  }

  /// 2⁶⁴ divided by the golden ratio: Fibonacci hashing spreads keys over the slots.
  private static var fibonacciMultiplier: UInt64 { 0x9E37_79B9_7F4A_7C15 }

  @inline(__always)
  private func slot(of raw: UInt64) -> Int {
    Int(truncatingIfNeeded: (raw &* Self.fibonacciMultiplier) >> shift)
  }

  @inline(__always)
  func value(for key: WordKey?) -> Value? {
    guard let raw = key?.raw else { return nil }
    let mask = keys.count - 1
    var index = slot(of: raw)
    while true {
      let found = keys[index]
      if found == raw { return values[index] }
      if found == 0 { return nil }
      index = (index + 1) & mask
    }
  }
}

/// A set of words, looked up by key.
struct WordSet: Sendable {
  private let table: KeyTable<Bool>

  init(_ words: [String]) {
    table = KeyTable(words.compactMap { word in WordKey.make(word).map { ($0, true) } })
  }

  @inline(__always)
  func contains(_ key: WordKey?) -> Bool {
    table.value(for: key) != nil
  }
}

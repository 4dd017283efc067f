import ClaimMatching

/// Plausible claim sentences for the benchmark's ledger of 100,000 claims, made from the
/// fact-checks' own words by a word-bigram chain, so that they share the real vocabulary (and its
/// skew) without repeating any fact-check. Deterministic for a seed.
struct ClaimGenerator {
  private var starts: [String] = []
  private var successors: [String: [String]] = [:]
  private let seed: UInt64

  init(factChecks: [MatchingDocument], seed: UInt64) {
    self.seed = seed
    for document in factChecks {
      for text in [document.claim, document.headline] {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init)
        guard let first = words.first else { continue }
        starts.append(first)
        for (word, next) in zip(words, words.dropFirst()) { successors[word, default: []].append(next) }
      }
    }
  }

  /// `count` claims, keyed by ten hex digits derived from `firstNumber`, `firstNumber + 1`, ….
  func claims(count: Int, firstNumber: Int) -> [MatchingDocument] {
    var random = SplitMix64(seed: seed &+ UInt64(firstNumber))
    var claims: [MatchingDocument] = []
    claims.reserveCapacity(count)
    guard !starts.isEmpty else { return claims }
    for number in firstNumber..<(firstNumber + count) {
      var words = [starts[random.next(below: starts.count)]]
      let length = 8 + random.next(below: 18)
      while words.count < length, let options = successors[words[words.count - 1]], !options.isEmpty {
        words.append(options[random.next(below: options.count)])
      }
      var text = words.joined(separator: " ")
      if let last = text.last, !".!?\"'".contains(last) { text += "." }
      claims.append(
        MatchingDocument(key: Self.key(number), kind: .claim, claim: text, precedence: UInt64(1 << 40 + number)))
    }
    return claims
  }

  /// Ten hex digits, like a ledger claim id.
  static func key(_ number: Int) -> String {
    var mixer = SplitMix64(seed: UInt64(number) &* 0x9E37_79B9_7F4A_7C15)
    let value = mixer.nextValue() & 0xFF_FFFF_FFFF
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: max(0, 10 - digits.count)) + digits
  }
}

/// A small, fast, well-mixed generator (Steele, Lea and Flood's SplitMix64).
struct SplitMix64 {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func nextValue() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func next(below bound: Int) -> Int {
    Int(nextValue() % UInt64(bound))
  }
}

/// The article text a page states in its JSON-LD (`articleBody`), used as a hint: a block whose
/// words run as they do there is the article's, wherever it stands in the page. Only a hint,
/// because pages often cut it short, strip its paragraphs or leave it stale.
struct ArticleBodyHint {
  /// Hashes of every run of three consecutive words (lowercased letters and digits).
  private let shingles: Set<Int>

  /// Texts shorter than this say too little to recognise blocks by.
  static let minimumLength = 200

  init?(_ text: String?) {
    guard let text, text.utf8.count >= Self.minimumLength else { return nil }
    let shingles = Set(Self.shingles(of: text))
    guard shingles.count >= 20 else { return nil }
    self.shingles = shingles
  }

  /// True when most of a block's word triples occur in the stated article.
  func confirms(_ text: String) -> Bool {
    let blockShingles = Self.shingles(of: text)
    guard blockShingles.count >= 3 else { return false }
    let found = blockShingles.lazy.filter { shingles.contains($0) }.count
    return found * 2 >= blockShingles.count
  }

  private static func shingles(of text: String) -> [Int] {
    var words: [Int] = []
    var hasher = Hasher()
    var inWord = false
    for scalar in text.unicodeScalars {
      if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
        let lowered = scalar.properties.lowercaseMapping
        hasher.combine(lowered)
        inWord = true
      } else if inWord {
        words.append(hasher.finalize())
        hasher = Hasher()
        inWord = false
      }
    }
    if inWord { words.append(hasher.finalize()) }
    guard words.count >= 3 else { return [] }
    return (0..<words.count - 2).map { index in
      var triple = Hasher()
      triple.combine(words[index])
      triple.combine(words[index + 1])
      triple.combine(words[index + 2])
      return triple.finalize()
    }
  }
}

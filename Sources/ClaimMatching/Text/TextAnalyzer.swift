import Stemming

/// Turns text into index terms: words (``Tokenizer``), less stop words, stemmed with Snowball in
/// the text's language. Keeps one stemmer per language and a cache of stems, so it is a class and
/// not `Sendable`: make one per task (the index makes one per call).
final class TextAnalyzer {
  /// The Snowball language used when a document names none or one libstemmer lacks.
  static let defaultLanguage = "english"

  private var stemmers: [String: Stemmer] = [:]
  private var canonicalNames: [String: String] = [:]
  private var stems: [String: [String: String]] = [:]

  init() {}

  /// The canonical Snowball name for `language` (`en` → `english`), or English when unknown.
  func languageName(_ language: String?) -> String {
    guard let language, !language.isEmpty else { return Self.defaultLanguage }
    if let known = canonicalNames[language] { return known }
    let name = Stemmer(language: language)?.language ?? Self.defaultLanguage
    canonicalNames[language] = name
    return name
  }

  /// The terms of `text` in `language` (a canonical name, see ``languageName(_:)``), in order.
  func terms(of text: String, language: String) -> [String] {
    var terms: [String] = []
    for word in Tokenizer.words(of: text) where !StopWords.contains(word, language: language) {
      terms.append(stem(word, language: language))
    }
    return terms
  }

  /// The stem of one lower-cased word.
  func stem(_ word: String, language: String) -> String {
    if let cached = stems[language]?[word] { return cached }
    let stemmer: Stemmer?
    if let existing = stemmers[language] {
      stemmer = existing
    } else {
      stemmer = Stemmer(language: language)
      stemmers[language] = stemmer
    }
    let stem = stemmer?.stem(word) ?? word
    stems[language, default: [:]][word] = stem
    return stem
  }
}

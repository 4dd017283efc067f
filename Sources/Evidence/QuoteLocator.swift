public import ClaimModel

/// Finds a reviewer's quote in a page's extracted text, as a W3C TextQuoteSelector plus its
/// position; when the quote is not there, finds the passage of the page closest to it.
///
/// Whitespace (line breaks, runs of spaces, no-break spaces) and typographic quotation marks are
/// not differences (see ``QuoteText``); anything else is: a changed word, number or letter case
/// means the page does not say what the quote says.
public enum QuoteLocator {
  /// Where a quote was found, or the closest passage when it was not.
  public enum Outcome: Sendable, Equatable {
    case found(QuoteAnchor)
    case absent(nearest: NearestPassage?)
  }

  /// The passage of a text that shares the most words with a quote that is not in it.
  public struct NearestPassage: Sendable, Equatable {
    /// The passage as the text has it.
    public var text: String
    /// Its position in the text, in Unicode scalars.
    public var start: Int
    public var end: Int
    /// How many of the quote's words it has.
    public var sharedWords: Int
    /// How many words the quote has.
    public var quoteWords: Int
  }

  /// Looks for `quote` in `text`.
  /// - Parameters:
  ///   - near: where the quote was before (a stored anchor), to choose among several occurrences
  ///     the one whose context matches, then the one closest to the old position.
  public static func locate(_ quote: String, in text: String, near previous: QuoteAnchor? = nil) -> Outcome {
    locate(quote, in: QuoteText(text), near: previous)
  }

  static func locate(_ quote: String, in page: QuoteText, near previous: QuoteAnchor?) -> Outcome {
    let needle = QuoteText(quote)
    guard !needle.isBlank else { return .absent(nearest: nil) }
    let starts = page.occurrences(of: needle.folded)
    guard !starts.isEmpty else { return .absent(nearest: nearestPassage(to: needle, in: page)) }
    let chosen = starts.count == 1 ? starts[0] : best(of: starts, length: needle.folded.count, in: page, near: previous)
    let range = page.originalRange(ofFolded: chosen..<(chosen + needle.folded.count))
    return .found(anchor(range, in: page))
  }

  /// Whether `anchor` still holds in `text`: the scalars at its position read as its quote. The
  /// fast check of an archived text, which cannot have moved.
  public static func holds(_ anchor: QuoteAnchor, in scalars: [Unicode.Scalar]) -> Bool {
    guard anchor.start >= 0, anchor.start <= anchor.end, anchor.end <= scalars.count else { return false }
    let there = QuoteText(scalars: Array(scalars[anchor.start..<anchor.end]))
    return there.folded == QuoteText(anchor.selector.exact).folded
  }

  /// Whether `anchor` holds in the UTF-8 text `bytes`: the same as ``holds(_:in:)`` without
  /// decoding the whole text, by walking its bytes to the anchor's scalar offsets.
  public static func holds(_ anchor: QuoteAnchor, inUTF8 bytes: [UInt8]) -> Bool {
    guard anchor.start >= 0, anchor.start <= anchor.end else { return false }
    var scalar = 0
    var startByte: Int?
    var endByte: Int?
    bytes.withUnsafeBufferPointer { buffer in
      for index in buffer.indices where buffer[index] & 0xC0 != 0x80 {
        if scalar == anchor.start { startByte = index }
        if scalar == anchor.end {
          endByte = index
          return
        }
        scalar += 1
      }
      if scalar == anchor.end { endByte = buffer.count }
      if scalar == anchor.start, startByte == nil { startByte = buffer.count }
    }
    guard let startByte, let endByte else { return false }
    let there = String(decoding: bytes[startByte..<endByte], as: UTF8.self)
    return QuoteText(there).folded == QuoteText(anchor.selector.exact).folded
  }

  /// The anchor of the original scalars `range`.
  static func anchor(_ range: Range<Int>, in page: QuoteText) -> QuoteAnchor {
    QuoteAnchor(
      selector: QuoteSelector(scalars: page.original, range: range), start: range.lowerBound, end: range.upperBound)
  }

  /// Among several occurrences, the one whose surroundings best match the old prefix and suffix,
  /// then the one nearest the old position, then the first.
  private static func best(of starts: [Int], length: Int, in page: QuoteText, near previous: QuoteAnchor?) -> Int {
    guard let previous else { return starts[0] }
    let prefix = QuoteText(previous.selector.prefix).folded
    let suffix = QuoteText(previous.selector.suffix).folded
    var bestStart = starts[0]
    var bestScore = (Int.min, Int.min)
    for start in starts {
      var before = 0
      while before < prefix.count, start - before - 1 >= 0,
        page.folded[start - before - 1] == prefix[prefix.count - before - 1]
      {
        before += 1
      }
      var after = 0
      let end = start + length
      while after < suffix.count, end + after < page.folded.count, page.folded[end + after] == suffix[after] {
        after += 1
      }
      let distance = abs(page.originalRange(ofFolded: start..<end).lowerBound - previous.start)
      let score = (before + after, -distance)
      if score > bestScore {
        bestScore = score
        bestStart = start
      }
    }
    return bestStart
  }

  // MARK: The nearest passage

  /// A word of a text: its folded, lowercased letters and digits, and where it stands.
  private struct Word {
    var key: String
    var range: Range<Int>
  }

  private static func words(in scalars: some Collection<Unicode.Scalar>) -> [Word] {
    var words: [Word] = []
    var current = ""
    var start = 0
    var offset = 0
    for scalar in scalars {
      if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
        if current.isEmpty { start = offset }
        current.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
      } else if !current.isEmpty {
        words.append(Word(key: current, range: start..<offset))
        current = ""
      }
      offset += 1
    }
    if !current.isEmpty { words.append(Word(key: current, range: start..<offset)) }
    return words
  }

  /// The window of as many words as the quote has that shares the most words with it (counted
  /// with repetition); the first such window when several tie; nil when nothing is shared.
  static func nearestPassage(to quote: QuoteText, in page: QuoteText) -> NearestPassage? {
    let quoteWords = words(in: quote.original)
    let pageWords = words(in: page.original)
    guard !quoteWords.isEmpty, !pageWords.isEmpty else { return nil }
    var ids: [String: Int] = [:]
    func id(_ key: String) -> Int {
      if let known = ids[key] { return known }
      ids[key] = ids.count
      return ids.count - 1
    }
    let wanted = quoteWords.map { id($0.key) }
    let distinctInQuote = ids.count
    var need = [Int](repeating: 0, count: distinctInQuote)
    for word in wanted { need[word] += 1 }
    // Words the quote lacks all share one id past the quote's, counted nowhere.
    let present = pageWords.map { ids[$0.key] ?? distinctInQuote }
    var have = [Int](repeating: 0, count: distinctInQuote + 1)
    let window = min(wanted.count, present.count)
    var shared = 0
    func add(_ word: Int) {
      guard word < distinctInQuote else { return }
      if have[word] < need[word] { shared += 1 }
      have[word] += 1
    }
    func remove(_ word: Int) {
      guard word < distinctInQuote else { return }
      have[word] -= 1
      if have[word] < need[word] { shared -= 1 }
    }
    for index in 0..<window { add(present[index]) }
    var best = (shared: shared, start: 0)
    if window < present.count {
      for start in 1...(present.count - window) {
        remove(present[start - 1])
        add(present[start + window - 1])
        if shared > best.shared { best = (shared, start) }
      }
    }
    guard best.shared > 0 else { return nil }
    let range = pageWords[best.start].range.lowerBound..<pageWords[best.start + window - 1].range.upperBound
    return NearestPassage(
      text: page.text(range), start: range.lowerBound, end: range.upperBound, sharedWords: best.shared,
      quoteWords: wanted.count)
  }
}

/// One non-blank line of the source, trimmed of surrounding spaces.
struct Line {
  var start: Int
  var end: Int
}

/// Decides, for each single line break inside a block (a run of lines between blank lines),
/// whether it is hard (a headline, a list item, a caption ends there) or soft (a hard-wrapped
/// sentence goes on).
///
/// The main witness is the wrap width: a greedy wrapper puts a word on the current line whenever
/// it fits, so when the next line's first word would have fitted, the break was made by hand.
struct BlockLayout {
  let text: UTF8Text
  let lines: [Line]
  /// Lengths of the lines in scalars, which is the closest thing to columns that needs no font.
  private let lengths: [Int]
  /// Which lines are scraping debris; those stand alone whatever their neighbours.
  private let boilerplate: [Bool]
  /// The estimated wrap width of the block.
  private let width: Int
  /// A line far longer than the wrap width, such as a headline above a wrapped paragraph.
  private let outlier: Int?

  /// Below this width nobody wraps prose, so short lines are meant as they stand.
  static let minimumWrapWidth = 40
  /// How far past the wrap width a line must reach to count as an outlier.
  static let outlierMargin = 10

  init(text: UTF8Text, lines: [Line]) {
    self.text = text
    self.lines = lines
    let lengths = lines.map { text.scalarCount(from: $0.start, to: $0.end) }
    self.lengths = lengths
    boilerplate = lines.map { LineKinds.isBoilerplate(text, from: $0.start, to: $0.end) }
    // The last line of a paragraph is short by nature, so it only counts when it is the longest.
    var first = -1
    var firstIndex = -1
    var second = -1
    for index in 0..<(lengths.count - 1) {
      let length = lengths[index]
      if length > first {
        second = first
        first = length
        firstIndex = index
      } else if length > second {
        second = length
      }
    }
    // A line far longer than the rest is a title above wrapped text only if it does not end
    // like a sentence; otherwise the lines are simply unwrapped paragraphs of varying length.
    if second >= 0 && first > second + Self.outlierMargin
      && !LineKinds.endsWithTerminal(text, from: lines[firstIndex].start, to: lines[firstIndex].end)
    {
      width = max(second, lengths[lengths.count - 1])
      outlier = firstIndex
    } else {
      width = lengths.max() ?? 0
      outlier = nil
    }
  }

  /// Whether the break after line `index` ends a unit.
  func isHardBreak(after index: Int) -> Bool {
    let line = lines[index]
    let next = lines[index + 1]
    if boilerplate[index] || boilerplate[index + 1] { return true }
    if LineKinds.endsWithPhotoCredit(text, from: line.start, to: line.end) { return true }
    let bullet = text.bulletLength(at: next.start, before: next.end)
    if bullet > 0 && text[next.start] >= UTF8Byte.firstNonASCII { return true }  // A real bullet: `•`, `‣`, `⁃`…
    if endsWithContinuationWord(line) { return false }
    let nextWordLength = text.scalarCount(
      from: next.start, to: text.wordEnd(startingAt: next.start, before: next.end, limit: 64))
    let fits = lengths[index] + 1 + nextWordLength <= width
    let terminal = LineKinds.endsWithTerminal(text, from: line.start, to: line.end)
    // A number or an ASCII hyphen at the start of a wrapped line (`the top\n10. They`, `the
    // minister\n- who denied it -`) only starts an item when the line before it is finished,
    // is an item itself, or was broken by hand.
    if (bullet > 0 || text.listMarker(at: next.start, before: next.end) != nil)
      && (terminal || fits || endsWithColon(line) || startsWithListItem(line))
    {
      return true
    }
    if endsWithContinuationMark(line) { return false }
    let (first, _) = text.scalar(at: next.start)
    if letterCase(of: first) == .lower || isContinuationStart(first) { return false }
    if terminal {
      return fits || width < Self.minimumWrapWidth
    }
    if width < Self.minimumWrapWidth || fits || outlier == index { return true }
    return LineKinds.isTitleCase(text, from: line.start, to: line.end)
  }

  /// A line ending in a word that cannot end a sentence: `the`, `of`, `Mr.`, `Sept.`, `No.`.
  private func endsWithContinuationWord(_ line: Line) -> Bool {
    guard let wordStart = text.wordStart(endingAt: line.end, notBefore: line.start, limit: 16) else { return false }
    if Lexicon.continuationWords.contains(WordKey.make(text, from: wordStart, to: line.end)) { return true }
    guard line.end - wordStart >= 2, text[line.end - 1] == .fullStop else { return false }
    let abbreviation = WordKey.make(text, from: wordStart, to: line.end - 1)
    if Lexicon.monthAbbreviations.contains(abbreviation) { return true }
    switch Lexicon.abbreviations.value(for: abbreviation)?.kind {
    case .title, .midSentence, .numberPrefix: return abbreviation != Lexicon.noKey
    default: return false
    }
  }

  private func endsWithColon(_ line: Line) -> Bool {
    text[line.end - 1] == .colon
  }

  private func startsWithListItem(_ line: Line) -> Bool {
    text.listMarker(at: line.start, before: line.end) != nil || text.bulletLength(at: line.start, before: line.end) > 0
  }

  private func endsWithContinuationMark(_ line: Line) -> Bool {
    let (last, _) = text.scalar(before: line.end)
    switch last {
    case .comma, .semicolon, .colon, .ampersand, .solidus: return true
    default: return isDashScalar(last) || isOpenerScalar(last) && last != .quotationMark && last != .apostrophe
    }
  }

  private func isContinuationStart(_ first: UInt32) -> Bool {
    switch first {
    case .comma, .semicolon, .colon, .rightParenthesis, .percentSign, .ampersand: return true
    default: return first == Scalar.emDash || first == Scalar.enDash
    }
  }
}

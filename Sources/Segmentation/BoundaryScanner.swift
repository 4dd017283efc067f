/// Finds the sentence boundaries inside one unit of text: a run of lines with no hard break in
/// it (see `LineBreaks`). Line breaks inside a unit are ordinary spaces here.
///
/// The scan visits each byte once and stops only at the few bytes that can matter (periods,
/// question and exclamation marks, and the lead bytes of `…`, bullets and CJK enders). At each
/// candidate it looks a bounded distance back (the word before) and ahead (the words after), so
/// the whole scan is linear in the length of the unit.
struct BoundaryScanner {
  let text: UTF8Text
  let unitStart: Int
  let unitEnd: Int
  /// Periods before this offset never end a sentence: they belong to a dateline.
  private var datelineEnd: Int
  /// Where the current sentence started.
  private var sentenceStart: Int
  /// Its first character that is not a space (or the end of the unit): kept, not recomputed,
  /// so that a long run of spaces is skipped once, not at every candidate.
  private var sentenceHead: Int
  /// The sentence ranges found so far (untrimmed; the caller trims).
  private(set) var sentences: [Range<Int>] = []

  init(text: UTF8Text, start: Int, end: Int) {
    self.text = text
    self.unitStart = start
    self.unitEnd = end
    self.sentenceStart = start
    self.sentenceHead = text.skipSpaces(from: start, to: end)
    self.datelineEnd = start
  }

  /// Splits the unit and returns its sentences, untrimmed, in order, covering the whole unit.
  static func split(_ text: UTF8Text, from start: Int, to end: Int, into sentences: inout [Range<Int>]) {
    var buffer = sentences
    sentences = []
    buffer.removeAll(keepingCapacity: true)
    var scanner = BoundaryScanner(text: text, start: start, end: end)
    scanner.sentences = buffer
    scanner.run()
    sentences = scanner.sentences
  }

  private mutating func run() {
    datelineEnd = text.datelineEnd(from: unitStart, to: unitEnd) ?? unitStart
    let listStarts = text.inlineListItemStarts(from: unitStart, to: unitEnd)
    var regionStart = unitStart
    for itemStart in listStarts {
      scan(from: regionStart, to: itemStart)
      cut(at: itemStart)
      regionStart = itemStart
    }
    scan(from: regionStart, to: unitEnd)
    if sentenceStart < unitEnd {
      sentences.append(sentenceStart..<unitEnd)
    }
  }

  /// Ends the current sentence at `end` and starts the next one there.
  private mutating func cut(at end: Int) {
    guard end > sentenceStart, sentenceHead < end else { return }
    sentences.append(sentenceStart..<end)
    sentenceStart = end
    sentenceHead = text.skipSpaces(from: end, to: unitEnd)
  }

  private mutating func scan(from start: Int, to end: Int) {
    var i = start
    while i < end {
      if i + 8 <= end && !SWAR.mayHoldBoundaryCandidate(text.word(at: i)) {
        i += 8
        continue
      }
      let b = text[i]
      if b == .fullStop {
        i = period(at: i, regionEnd: end)
      } else if b == .exclamationMark || b == .questionMark {
        i = bangOrQuestion(at: i, regionEnd: end)
      } else if b >= UTF8Byte.punctuationLead && b <= UTF8Byte.specialsLead {
        i = multibyte(at: i, regionEnd: end)
      } else {
        i += 1
      }
    }
  }

  // MARK: - Candidates

  private mutating func multibyte(at i: Int, regionEnd: Int) -> Int {
    let (value, length) = text.scalar(at: i)
    switch value {
    case 0x2026:
      return ellipsisRun(at: i, regionEnd: regionEnd)
    case 0x203C, 0x2047, 0x2048, 0x2049:
      return bangOrQuestion(at: i, regionEnd: regionEnd)
    case 0x3002, 0xFF01, 0xFF1F:
      return ideographicEnder(at: i + length, regionEnd: regionEnd)
    default:
      if isBulletScalar(value) && text.isSpace(before: i) && i > sentenceStart {
        cut(at: i)
      }
      return i + length
    }
  }

  private mutating func ideographicEnder(at after: Int, regionEnd: Int) -> Int {
    let closersEnd = skipClosers(from: after, to: regionEnd).end
    guard closersEnd < regionEnd else { return closersEnd }
    let next = text.scalar(at: closersEnd).value
    if !isGraphemeExtenderScalar(next) && !isTerminalScalar(next) {
      cut(at: closersEnd)
    }
    return closersEnd
  }

  private mutating func bangOrQuestion(at i: Int, regionEnd: Int) -> Int {
    var j = i
    while j < regionEnd {
      let (value, length) = text.scalar(at: j)
      guard isBangOrQuestionScalar(value) || value == .fullStop else { break }
      j += length
    }
    guard i >= datelineEnd else { return j }
    let (closersEnd, quoted) = skipClosers(from: j, to: regionEnd)
    guard closersEnd < regionEnd, text.spaceLength(at: closersEnd) > 0 else { return max(j, closersEnd) }
    let next = text.skipSpaces(from: closersEnd, to: regionEnd)
    guard next < regionEnd else { return next }
    switch nextStart(at: next, regionEnd: regionEnd) {
    case .lowercase, .other:
      return next
    case .capital, .digit, .openerCapital, .bullet:
      break
    }
    if quoted && sentenceOpensWithQuote && speechTagFollows(at: next, regionEnd: regionEnd, strict: false) {
      return next
    }
    if let wordStart = text.wordStart(endingAt: i, notBefore: sentenceStart) {
      let key = WordKey.make(text, from: stripOpeners(from: wordStart, to: i), to: i)
      if Lexicon.exclamatoryNames.contains(key) && !opensSentence(at: next, regionEnd: regionEnd) {
        return next
      }
    }
    cut(at: closersEnd)
    return next
  }

  // MARK: - Periods and ellipses

  private mutating func period(at i: Int, regionEnd: Int) -> Int {
    // A run of dots, or dots spaced out as in `. . .`, is an ellipsis.
    if i + 1 < regionEnd && (text[i + 1] == .fullStop || isEllipsisCharacter(at: i + 1, regionEnd: regionEnd)) {
      return ellipsisRun(at: i, regionEnd: regionEnd)
    }
    let spaced = spacedDots(after: i, regionEnd: regionEnd)
    if spaced.count > 0 {
      return spacedEllipsis(at: i, extraDots: spaced.count, end: spaced.end, regionEnd: regionEnd)
    }
    return singlePeriod(at: i, regionEnd: regionEnd)
  }

  private func isEllipsisCharacter(at i: Int, regionEnd: Int) -> Bool {
    i + 2 < regionEnd && text[i] == UTF8Byte.punctuationLead && text[i + 1] == UTF8Byte.generalPunctuation
      && text[i + 2] == UTF8Byte.horizontalEllipsis
  }

  /// Dots after the one at `i` that are each preceded by exactly one space: `. . .`.
  private func spacedDots(after i: Int, regionEnd: Int) -> (count: Int, end: Int) {
    var count = 0
    var j = i + 1
    while j + 1 < regionEnd && text[j] == .space && text[j + 1] == .fullStop {
      count += 1
      j += 2
    }
    return (count, j)
  }

  /// `word. . . . Next` (a period, then an ellipsis that opens the next sentence), `word . . . .
  /// Next` (four spaced dots end a sentence) and `word . . . next` (three never do).
  private mutating func spacedEllipsis(at i: Int, extraDots: Int, end: Int, regionEnd: Int) -> Int {
    let attached = i > unitStart && !text.isSpace(before: i)
    if attached {
      if extraDots >= 3 && i >= datelineEnd && startsNewSentenceAfterEllipsis(end, regionEnd: regionEnd) != nil {
        cut(at: i + 1)
      }
      return end
    }
    if extraDots + 1 >= 4 && i >= datelineEnd,
      let cutAt = startsNewSentenceAfterEllipsis(end, regionEnd: regionEnd)
    {
      cut(at: cutAt)
    }
    return end
  }

  /// A run of `.` and `…`: it ends a sentence when a capital follows after a space, unless it
  /// marks an omission in brackets (`[...]`).
  private mutating func ellipsisRun(at i: Int, regionEnd: Int) -> Int {
    var j = i
    while j < regionEnd {
      if text[j] == .fullStop {
        j += 1
      } else if isEllipsisCharacter(at: j, regionEnd: regionEnd) {
        j += 3
      } else {
        break
      }
    }
    if i > unitStart && j < regionEnd {
      let before = text[i - 1]
      let after = text[j]
      if (before == .leftSquareBracket && after == .rightSquareBracket)
        || (before == .leftParenthesis && after == .rightParenthesis)
      {
        return j + 1
      }
    }
    if i >= datelineEnd, let cutAt = startsNewSentenceAfterEllipsis(j, regionEnd: regionEnd) {
      cut(at: cutAt)
    }
    return j
  }

  /// After an ellipsis ending at `end`: where the sentence ends if a capitalised word follows
  /// after any closing quotes and a space.
  private func startsNewSentenceAfterEllipsis(_ end: Int, regionEnd: Int) -> Int? {
    let closersEnd = skipClosers(from: end, to: regionEnd).end
    guard closersEnd < regionEnd, text.spaceLength(at: closersEnd) > 0 else { return nil }
    let next = text.skipSpaces(from: closersEnd, to: regionEnd)
    guard next < regionEnd else { return nil }
    switch nextStart(at: next, regionEnd: regionEnd) {
    case .capital, .openerCapital, .bullet: return closersEnd
    case .lowercase, .digit, .other: return nil
    }
  }

  private mutating func singlePeriod(at i: Int, regionEnd: Int) -> Int {
    guard i >= datelineEnd else { return i + 1 }
    let (closersEnd, quoted) = skipClosers(from: i + 1, to: regionEnd)
    guard closersEnd < regionEnd else { return closersEnd }
    guard text.spaceLength(at: closersEnd) > 0 else {
      if closersEnd == i + 1 && isMissingSpace(afterPeriodAt: i, regionEnd: regionEnd) { cut(at: i + 1) }
      return i + 1
    }
    let next = text.skipSpaces(from: closersEnd, to: regionEnd)
    guard next < regionEnd else { return next }
    let start = nextStart(at: next, regionEnd: regionEnd)
    if start == .lowercase || start == .other { return next }
    if endsSentence(periodAt: i, next: next, nextStart: start, quoted: quoted, regionEnd: regionEnd) {
      cut(at: closersEnd)
    }
    return next
  }

  /// `a nurse.She works nights`: two sentences run together by careless scraping. Only when
  /// the word before is plain lower-case letters and the word after is a sentence opener, so
  /// that `example.com`, `System.Collections` and `U.S.Army` stay whole.
  private func isMissingSpace(afterPeriodAt i: Int, regionEnd: Int) -> Bool {
    guard i + 1 < regionEnd, text[i + 1] >= .capitalA && text[i + 1] <= .capitalZ, i >= datelineEnd,
      let wordStart = text.wordStart(endingAt: i, notBefore: sentenceStart), i - wordStart >= 2
    else { return false }
    for j in wordStart..<i where !(text[j] >= .smallA && text[j] <= .smallZ) { return false }
    return opensSentence(at: i + 1, regionEnd: regionEnd, allowSingleLetter: false)
  }

  /// The heart of the matter: does the period at `i`, followed by a space and something that
  /// could start a sentence at `next`, end the sentence?
  private func endsSentence(periodAt i: Int, next: Int, nextStart: NextStart, quoted: Bool, regionEnd: Int) -> Bool {
    guard let rawWordStart = text.wordStart(endingAt: i, notBefore: sentenceStart) else { return true }
    let wordStart = stripOpeners(from: rawWordStart, to: i)
    guard wordStart < i else { return true }

    if isListMarker(from: wordStart, to: i) { return false }
    if quoted && sentenceOpensWithQuote && speechTagFollows(at: next, regionEnd: regionEnd, strict: true) {
      return false
    }

    let word = WordShape(text, from: wordStart, to: i)
    if word.isAddress { return true }

    if let entry = abbreviation(word) {
      return abbreviationEndsSentence(entry.kind, word: word, next: next, nextStart: nextStart, regionEnd: regionEnd)
    }
    if word.isDottedInitialism {
      if nextStart == .digit { return false }
      if !word.startsUppercase { return opensSentence(at: next, regionEnd: regionEnd) }
      if nextStart == .openerCapital { return !isOpeningBracketScalar(text.scalar(at: next).value) }
      return opensSentence(at: next, regionEnd: regionEnd)
    }
    if word.isSingleCapital {
      if text[wordStart] == .capitalI && previousWordIsLowercase(before: rawWordStart) {
        return true  // The pronoun: `you and I. Did you…`
      }
      if nextStart == .digit { return false }
      return opensSentence(at: next, regionEnd: regionEnd, allowSingleLetter: false)
    }
    return true
  }

  /// The abbreviation the word is, if any; `then-Sen.` and `ex-Gov.` are looked up by their
  /// last part.
  private func abbreviation(_ word: WordShape) -> AbbreviationEntry? {
    if let entry = Lexicon.abbreviations.value(for: word.key), entry.accepts(word) { return entry }
    guard let lastPart = word.afterLastHyphen, lastPart < word.end else { return nil }
    let part = WordShape(text, from: lastPart, to: word.end)
    if let entry = Lexicon.abbreviations.value(for: part.key), entry.accepts(part) { return entry }
    return nil
  }

  private func abbreviationEndsSentence(
    _ kind: AbbreviationClass, word: WordShape, next: Int, nextStart: NextStart, regionEnd: Int
  ) -> Bool {
    if nextStart == .digit {
      return false
    }
    switch kind {
    case .title, .midSentence:
      return false
    case .numberPrefix:
      if word.key == Lexicon.noKey { return true }  // The word `No.`, since no number follows.
      return opensSentence(at: next, regionEnd: regionEnd)
    case .time:
      if nextStart == .openerCapital { return !isOpeningBracketScalar(text.scalar(at: next).value) }
      let nextWord = wordKey(at: next, regionEnd: regionEnd)
      if Lexicon.timeFollowers.contains(nextWord) { return false }
      return !isFrontedTimePhrase(before: word.start)
    case .final, .month:
      return true
    case .postpositive:
      if nextStart == .openerCapital { return !isOpeningBracketScalar(text.scalar(at: next).value) }
      return opensSentence(at: next, regionEnd: regionEnd)
    }
  }

  // MARK: - Looking around

  enum NextStart {
    case lowercase
    case capital
    case digit
    /// An opening quote, bracket or Spanish inverted mark (`¿`, `¡`) before a capital or digit.
    case openerCapital
    case bullet
    case other
  }

  /// What the text at `next` (not a space) starts with.
  private func nextStart(at next: Int, regionEnd: Int) -> NextStart {
    var i = next
    var opened = false
    while i < regionEnd {
      let (value, length) = text.scalar(at: i)
      // One quote or bracket, and any inverted marks: `«¿De verdad?»`.
      if isInvertedMarkScalar(value) || (isOpenerScalar(value) && !opened) {
        opened = true
        i += length
        continue
      }
      switch letterCase(of: value) {
      case .lower: return .lowercase
      case .upper, .uncased: return opened ? .openerCapital : .capital
      case .digit: return opened ? .openerCapital : .digit
      case .other:
        if opened { return .other }
        if value == .dollarSign || value == Scalar.poundSign || value == Scalar.euroSign || value == Scalar.yenSign
          || value == .numberSign
        {
          return .digit
        }
        if isBulletScalar(value) || text.bulletLength(at: i, before: regionEnd) > 0 { return .bullet }
        return .other
      }
    }
    return .other
  }

  /// The key of the word at `start`, after any opening quote, bracket or inverted mark, letters only.
  private func wordKey(at start: Int, regionEnd: Int) -> WordKey? {
    var i = start
    while i < regionEnd {
      let (value, length) = text.scalar(at: i)
      guard isOpenerScalar(value) || isInvertedMarkScalar(value) else { break }
      i += length
    }
    var end = i
    while end < regionEnd && isASCIILetter(text[end]) && end - i <= WordKey.maximumLength { end += 1 }
    return WordKey.make(text, from: i, to: end)
  }

  /// Whether the word at `next` is one that typically opens a sentence.
  private func opensSentence(at next: Int, regionEnd: Int, allowSingleLetter: Bool = true) -> Bool {
    guard let key = wordKey(at: next, regionEnd: regionEnd) else { return false }
    if !allowSingleLetter && key.raw < 32 { return false }
    return Lexicon.sentenceOpeners.contains(key)
  }

  /// Whether the current sentence opens with a quotation mark. A tag after the quotation can
  /// only belong to it then: in `He asked, “Sure?” I said yes.` the quote already has its tag.
  private var sentenceOpensWithQuote: Bool {
    let first = sentenceHead
    guard first < unitEnd else { return false }
    let value = text.scalar(at: first).value
    return isOpenerScalar(value) && !isOpeningBracketScalar(value)
  }

  /// Whether a speech tag follows a quotation: `Smith asked.`, `she said`, `The minister added`.
  ///
  /// The verb must come within three words (two when `strict`, after a quoted period, where it
  /// must also end the tag, because `"We won." He said the vote…` is two sentences).
  private func speechTagFollows(at next: Int, regionEnd: Int, strict: Bool) -> Bool {
    var i = next
    for index in 0..<(strict ? 2 : 3) {
      var end = i
      while end < regionEnd && (isASCIILetter(text[end]) || text[end] == .apostrophe || text[end] == .hyphenMinus) {
        end += 1
      }
      guard end > i else { return false }
      if Lexicon.speechVerbs.contains(WordKey.make(text, from: i, to: end)) {
        if !strict { return true }
        return end == regionEnd || text[end] == .fullStop || text[end] == .comma
      }
      guard end < regionEnd, text[end] == .space, index < 2 else { return false }
      i = end + 1
    }
    return false
  }

  /// `1.`, `a.`, `iv.` at the head of a sentence (after any bullet) is a list marker.
  private func isListMarker(from start: Int, to end: Int) -> Bool {
    var head = min(sentenceHead, end)
    while head < end {
      let bullet = text.bulletLength(at: head, before: end)
      guard bullet > 0 else { break }
      head = text.skipSpaces(from: head + bullet, to: end)
    }
    var markerStart = start
    while markerStart < end {
      let (value, length) = text.scalar(at: markerStart)
      guard isBulletScalar(value) else { break }
      markerStart += length
    }
    guard head == markerStart else { return false }
    let length = end - markerStart
    guard length > 0 && length <= 4 else { return false }
    var allDigits = true
    for j in markerStart..<end where !isASCIIDigit(text[j]) { allDigits = false }
    if allDigits { return length <= 3 }
    if length == 1 && isASCIILetter(text[markerStart]) { return true }
    return Lexicon.romanNumerals.contains(WordKey.make(text, from: markerStart, to: end))
  }

  /// Whether the word before `wordStart` starts with a lower-case letter.
  private func previousWordIsLowercase(before wordStart: Int) -> Bool {
    var end = wordStart
    while end > sentenceStart && text.isSpace(before: end) { end = text.scalar(before: end).start }
    guard end > sentenceStart, let start = text.wordStart(endingAt: end, notBefore: sentenceStart) else {
      return false
    }
    let first = stripOpeners(from: start, to: end)
    guard first < end else { return false }
    return letterCase(of: text.scalar(at: first).value) == .lower
  }

  /// `At 5 a.m.`, `Shortly after 6 p.m.`: a short phrase opening with a preposition, which
  /// cannot be a sentence by itself.
  private func isFrontedTimePhrase(before wordStart: Int) -> Bool {
    let first =
      datelineEnd > sentenceHead ? text.skipSpaces(from: datelineEnd, to: wordStart) : min(sentenceHead, wordStart)
    guard first < wordStart else { return false }
    let firstEnd = text.wordEnd(startingAt: first, before: wordStart, limit: 16)
    guard Lexicon.frontedTimePrepositions.contains(WordKey.make(text, from: first, to: firstEnd)) else {
      return false
    }
    return LineKinds.wordCount(text, from: first, to: wordStart, limit: 5) <= 3
  }

  /// Skips closing quotes and brackets; reports whether any of them was a quotation mark.
  private func skipClosers(from start: Int, to end: Int) -> (end: Int, quoted: Bool) {
    var i = start
    var quoted = false
    while i < end {
      let b = text[i]
      if b < UTF8Byte.firstNonASCII {
        guard
          b == .quotationMark || b == .apostrophe || b == .rightParenthesis || b == .rightSquareBracket
            || b == .rightCurlyBracket
        else { break }
        quoted = quoted || b == .quotationMark || b == .apostrophe
        i += 1
      } else {
        let (value, length) = text.scalar(at: i)
        guard isCloserScalar(value) else { break }
        quoted = quoted || isQuoteCloserScalar(value)
        i += length
      }
    }
    // A closing quote set off by a space, as some typesetting does (`‘Go home.’ ” Then`):
    // it still closes, since nothing follows it but another space.
    let space = i < end ? text.spaceLength(at: i) : 0
    if space > 0 && i + space < end {
      let (value, length) = text.scalar(at: i + space)
      let after = i + space + length
      if isQuoteCloserScalar(value) && (after == end || text.spaceLength(at: after) > 0) {
        return (after, true)
      }
    }
    return (i, quoted)
  }

  /// Moves past opening quotes and brackets at the start of a word.
  private func stripOpeners(from start: Int, to end: Int) -> Int {
    var i = start
    while i < end {
      let (value, length) = text.scalar(at: i)
      guard isOpenerScalar(value) else { break }
      i += length
    }
    return i
  }
}

/// The shape of the word before a period, computed once per candidate.
struct WordShape {
  let start: Int
  let end: Int
  /// Where the part after the last hyphen starts, if there is a hyphen.
  let afterLastHyphen: Int?
  let key: WordKey?
  let startsUppercase: Bool
  /// An e-mail address, URL or path: its period is an ordinary full stop.
  let isAddress: Bool
  /// `U.S`, `Ph.D`, `a.k.a`: letters in runs of one or two, joined by periods.
  let isDottedInitialism: Bool
  /// A single capital letter: an initial, or the pronoun `I`.
  let isSingleCapital: Bool

  init(_ text: UTF8Text, from start: Int, to end: Int) {
    self.start = start
    self.end = end
    key = WordKey.make(text, from: start, to: end)
    let first = text[start]
    startsUppercase = first >= .capitalA && first <= .capitalZ
    isSingleCapital = end - start == 1 && startsUppercase
    var address = false
    var dots = 0
    var run = 0
    var longestRun = 0
    var lettersAndDots = true
    var hyphen: Int?
    var i = start
    while i < end {
      let b = text[i]
      if b == .commercialAt || b == .solidus || b == .reverseSolidus {
        address = true
      } else if b == .hyphenMinus {
        hyphen = i + 1
      }
      if isASCIILetter(b) {
        run += 1
        longestRun = max(longestRun, run)
      } else if b == .fullStop {
        dots += 1
        run = 0
      } else {
        lettersAndDots = false
      }
      i += 1
    }
    isAddress = address
    afterLastHyphen = hyphen
    isDottedInitialism = lettersAndDots && dots >= 1 && longestRun <= 2 && text[end - 1] != .fullStop
  }
}

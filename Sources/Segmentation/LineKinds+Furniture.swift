/// Bylines and page furniture: lines and sentences that say who wrote an article, how to reach
/// them, or who owns it, and state nothing a fact-checker could check.
extension LineKinds {
  /// The most words a byline line has; a longer line is prose.
  static let bylineWordLimit = 20
  /// The most words of the name part of a byline (`Jane Whitaker`, `Ana María de la Cruz`).
  static let bylineNameWordLimit = 7

  /// Lower-case words that may stand inside a name (`Ana de la Cruz`, `Jane and Tom Whitaker`).
  static let nameParticles = WordSet([
    "de", "da", "das", "do", "dos", "du", "del", "della", "di", "la", "le", "van", "von", "der", "den", "ter", "al",
    "el", "bin", "ibn", "y", "e", "and", "st.",
  ])

  /// Capitalised words that follow "By" in prose rather than in a byline (`By Monday, …`).
  static let nonNames = WordSet([
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "then", "now",
    "contrast", "comparison", "law", "far", "all", "most", "some", "this", "that", "these", "those", "noon",
    "midnight", "tomorrow", "today", "tonight", "yesterday", "default", "design", "nightfall", "dawn", "dusk",
    "late", "early", "mid", "next", "last", "year", "it", "its", "his", "her", "their", "our", "my", "your",
    "one", "two", "no",
  ])

  /// Whether the line `start..<end` (already trimmed) is a byline: `By Jane Whitaker, Staff
  /// Reporter`, `BY JANE DOE AND TOM ROE Associated Press`, `By The Associated Press`.
  ///
  /// The line opens with `By` and a name (capitalised words, with particles such as `de`, `van`,
  /// `and`), has at most 20 words, and does not end like a sentence; what follows the name after
  /// a comma, `|`, `-` or a dash (a title, the agency) may be anything short.
  static func isByline(_ text: UTF8Text, from start: Int, to end: Int) -> Bool {
    guard end - start >= 4, end - start <= 200, text[start] | .asciiLowercaseBit == .smallB,
      text[start + 1] | .asciiLowercaseBit == .smallY,
      text.spaceLength(at: start + 2) > 0
    else { return false }
    guard !endsWithTerminal(text, from: start, to: end),
      wordCount(text, from: start, to: end, limit: bylineWordLimit + 1) <= bylineWordLimit
    else { return false }
    var i = text.skipSpaces(from: start + 2, to: end)
    var names = 0
    var capitalised = 0
    while i < end {
      let wordEnd = text.wordEnd(startingAt: i, before: end, limit: 64)
      var last = wordEnd
      // A comma or another separator glued to the word ends the name part after it.
      var endsName = false
      while last > i, text[last - 1] == .comma || text[last - 1] == .semicolon {
        last -= 1
        endsName = true
      }
      guard last > i else { break }
      let first = text.scalar(at: i).value
      if isSeparator(text, from: i, to: last) { break }
      let key = WordKey.make(text, from: i, to: last)
      // `By Monday`, `By the way`: a time or a function word, not a name.
      if capitalised == 0 && nonNames.contains(key) { return false }
      switch letterCase(of: first) {
      case .upper, .uncased:
        capitalised += 1
      case .lower:
        guard capitalised > 0, nameParticles.contains(key) else { return false }
      default:
        // `&` between two names; anything else (a digit, a quote) is not a name.
        guard last - i == 1, text[i] == .ampersand, capitalised > 0 else { return false }
      }
      // A colon inside the name part reads as a headline (`By the Numbers: …`).
      for j in i..<last where text[j] == .colon { return false }
      names += 1
      guard names <= bylineNameWordLimit else { return false }
      i = text.skipSpaces(from: wordEnd, to: end)
      if endsName { break }
    }
    return capitalised > 0
  }

  /// `|`, `-`, `–`, `—` or `/` standing as a word: the end of a byline's name part.
  private static func isSeparator(_ text: UTF8Text, from start: Int, to end: Int) -> Bool {
    if end - start == 1 {
      return text[start] == .verticalLine || text[start] == .hyphenMinus || text[start] == .solidus
    }
    return end - start == 3 && isDashScalar(text.scalar(at: start).value)
  }

  /// The kind of a sentence `start..<end` that is furniture rather than a statement: `.byline`
  /// for a contact line (`Jane Whitaker can be reached at jane@example.org.`), `.boilerplate` for
  /// ownership lines (`Copyright 2025 The Courier.`, `© 2025 …`, `All rights reserved.`); nil for
  /// any other sentence.
  static func furnitureKind(_ text: UTF8Text, from start: Int, to end: Int) -> SegmentKind? {
    let start = text.skipSpaces(from: start, to: end)
    let end = text.trimEnd(from: start, to: end)
    guard end > start else { return nil }
    if isOwnershipLine(text, from: start, to: end) { return .boilerplate }
    if isContactLine(text, from: start, to: end) { return .byline }
    return nil
  }

  /// `Copyright 2025 …`, `Copyright © …`, `© 2025 …`, `(c) 2025 …`, or `All rights reserved.`
  static func isOwnershipLine(_ text: UTF8Text, from start: Int, to end: Int) -> Bool {
    // `C`opyright, `©`, `(`c), `A`ll rights reserved: anything else is answered by one byte.
    switch text[start] | .asciiLowercaseBit {
    case .smallC, UTF8Byte.latin1Lead | .asciiLowercaseBit, .leftParenthesis, .smallA: break
    default: return false
    }
    var i = start
    let named = startsWithASCII(text, at: i, before: end, "copyright")
    if named {
      i = text.skipSpaces(from: i + 9, to: end)
      // `Copyright law …` is prose: the word must be followed by a year or a copyright sign.
      guard i < end, isASCIIDigit(text[i]) || text[i] == .leftParenthesis || text[i] == UTF8Byte.latin1Lead else {
        return false
      }
    }
    if i + 1 < end, text[i] == UTF8Byte.latin1Lead, text[i + 1] == UTF8Byte.copyrightSign { return true }
    if i + 2 < end, text[i] == .leftParenthesis, text[i + 1] | .asciiLowercaseBit == .smallC,
      text[i + 2] == .rightParenthesis
    {
      // `(c)` alone also letters a list item: only `(c) 2025` or `Copyright (c)` is a notice.
      let next = text.skipSpaces(from: i + 3, to: end)
      return named || (next < end && isASCIIDigit(text[next]))
    }
    if named { return isASCIIDigit(text[i]) }
    guard startsWithASCII(text, at: start, before: end, "all rights reserved") else { return false }
    let rest = text.skipSpaces(from: start + 19, to: end)
    return rest == end || (rest == end - 1 && text[rest] == .fullStop)
  }

  /// Whether the sentence says how to reach its writer: `… can be reached at jane@example.org`,
  /// `… may be contacted at 555-0100`, `… can be reached by email at …`. The verb (`reached`,
  /// `contacted`, `emailed`) must be followed by `at`, `by`, `via` or `on` and then by an address:
  /// an `@`, a telephone number (seven digits or more), or the words email, phone, Twitter.
  /// `The summit can be reached by a narrow path` stays prose.
  static func isContactLine(_ text: UTF8Text, from start: Int, to end: Int) -> Bool {
    var i = start + 1
    while i + 3 < end {
      // Eight bytes at a time, straight to the first `b` in them: most of every sentence has none.
      if i + 8 <= end {
        let match = text.word(at: i) ^ (SWAR.ones &* .smallB)
        let zeros = (match &- SWAR.ones) & ~match & SWAR.highs
        if zeros == 0 {
          i += 8
          continue
        }
        // The lowest flagged byte is exact (little-endian: the first in the text).
        i += zeros.trailingZeroBitCount >> 3
        if i + 3 >= end { break }
      }
      // ` be ` then the verb, then the link word.
      guard text[i] == .smallB, text[i + 1] == .smallE, text[i + 2] == .space, text[i - 1] == .space else {
        i += 1
        continue
      }
      let verbStart = i + 3
      let verbEnd = text.wordEnd(startingAt: verbStart, before: end, limit: 16)
      if contactVerbs.contains(WordKey.make(text, from: verbStart, to: verbEnd)) {
        let next = text.skipSpaces(from: verbEnd, to: end)
        let nextEnd = text.wordEnd(startingAt: next, before: end, limit: 8)
        if contactLinks.contains(WordKey.make(text, from: next, to: nextEnd)),
          namesAnAddress(text, from: nextEnd, to: end)
        {
          return true
        }
      }
      i = verbStart
    }
    return false
  }

  /// Whether `start..<end` holds an e-mail address or handle (`@`), a telephone number (seven
  /// digits or more), or the words email, phone, Twitter.
  private static func namesAnAddress(_ text: UTF8Text, from start: Int, to end: Int) -> Bool {
    var digits = 0
    var i = start
    while i < end {
      let b = text[i]
      if b == .commercialAt { return true }
      if isASCIIDigit(b) {
        digits += 1
        if digits >= 7 { return true }
      }
      if isASCIILetter(b), i == start || text.isSpace(before: i) {
        var wordEnd = text.wordEnd(startingAt: i, before: end, limit: 16)
        while wordEnd > i, !isASCIILetter(text[wordEnd - 1]) { wordEnd -= 1 }
        if contactMedia.contains(WordKey.make(text, from: i, to: wordEnd)) { return true }
      }
      i += 1
    }
    return false
  }

  static let contactVerbs = WordSet(["reached", "contacted", "emailed", "e-mailed"])
  static let contactLinks = WordSet(["at", "by", "via", "on"])
  static let contactMedia = WordSet(["email", "e-mail", "phone", "telephone", "twitter"])

  /// Whether the bytes at `i` spell `word` (lower-case ASCII), in any case, and end there or
  /// before a character that is not a letter.
  private static func startsWithASCII(_ text: UTF8Text, at i: Int, before end: Int, _ word: StaticString) -> Bool {
    let count = word.utf8CodeUnitCount
    guard i + count <= end else { return false }
    let matches = word.withUTF8Buffer { letters in
      letters.indices.allSatisfy {
        letters[$0] == .space ? text[i + $0] == .space : text[i + $0] | .asciiLowercaseBit == letters[$0]
      }
    }
    return matches && (i + count == end || !isASCIILetter(text[i + count]))
  }
}

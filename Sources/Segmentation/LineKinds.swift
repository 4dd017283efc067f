/// Telling lines that are not prose apart: scraping debris, photo captions and headlines.
enum LineKinds {
  /// Whole lines that web scraping leaves behind, compared case-insensitively after trailing
  /// dots, ellipses and colons are dropped. Kept short on purpose: a line is only boilerplate
  /// when it can be nothing else.
  static let boilerplateLines: Set<String> = [
    // Language pickers.
    "english", "español", "espanol", "français", "francais", "deutsch", "italiano", "português", "portugues",
    "русский", "中文", "简体中文", "繁體中文", "日本語", "한국어", "العربية", "türkçe", "polski", "nederlands",
    "svenska", "bahasa indonesia", "tiếng việt",
    // Page furniture.
    "loading", "share", "share this", "share this article", "share this story", "share on facebook",
    "share on twitter", "share on x", "share via email", "advertisement", "advertisements", "sponsored",
    "sponsored content", "read more", "continue reading", "subscribe", "subscribe now", "sign up", "sign in",
    "log in", "skip to content", "skip to main content", "skip to navigation", "menu", "print", "tweet",
    "related", "related articles", "related stories", "most read", "back to top", "listen to this article",
    "hide caption", "toggle caption", "click to share", "email this", "print this", "show comments",
  ]

  /// The longest line worth comparing, in bytes; the longest entry is well under it.
  static let boilerplateByteLimit = 48

  /// The entries, normalised as `normalizeBoilerplate` normalises a line, keyed by their hash.
  /// Non-ASCII letters are not case-folded at run time, so each entry is also stored with its
  /// first letter and with all letters in capitals (`Español`, `ESPAÑOL`).
  private static let boilerplateTable: KeyTable<[UInt8]> = {
    var pairs: [(WordKey, [UInt8])] = []
    for line in boilerplateLines {
      let variants = [line, line.uppercased(), line.prefix(1).uppercased() + line.dropFirst()]
      for variant in variants {
        var variant = variant
        let bytes = variant.withUTF8 { buffer in
          withUnsafeTemporaryAllocation(of: UInt8.self, capacity: boilerplateByteLimit) { scratch in
            let length = normalizeBoilerplate(UTF8Text(bytes: buffer), from: 0, to: buffer.count, into: scratch)
            return Array(scratch[0..<length])
          }
        }
        pairs.append((WordKey(raw: hash(bytes[...])), bytes))
      }
    }
    return KeyTable(pairs)
  }()

  /// Whether the line `start..<end` (already trimmed) is scraping debris.
  static func isBoilerplate(_ text: UTF8Text, from start: Int, to end: Int) -> Bool {
    guard end > start, end - start <= boilerplateByteLimit, letterCase(of: text.scalar(at: start).value) != .other
    else { return false }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: boilerplateByteLimit) { scratch in
      let length = normalizeBoilerplate(text, from: start, to: end, into: scratch)
      guard length > 0, let entry = boilerplateTable.value(for: WordKey(raw: hash(scratch[0..<length]))) else {
        return false
      }
      return entry.elementsEqual(scratch[0..<length])
    }
  }

  /// Writes the line with ASCII letters in lower case, each run of spaces as one space, and
  /// trailing dots, ellipses and colons dropped; returns the length (0 if it does not fit).
  private static func normalizeBoilerplate(
    _ text: UTF8Text, from start: Int, to end: Int, into scratch: UnsafeMutableBufferPointer<UInt8>
  ) -> Int {
    var length = 0
    var pendingSpace = false
    var i = start
    while i < end {
      let space = text.spaceLength(at: i)
      if space > 0 {
        pendingSpace = length > 0
        i += space
        continue
      }
      if pendingSpace {
        guard length < scratch.count else { return 0 }
        scratch[length] = .space
        length += 1
        pendingSpace = false
      }
      guard length < scratch.count else { return 0 }
      let b = text[i]
      scratch[length] = b >= .capitalA && b <= .capitalZ ? b | .asciiLowercaseBit : b
      length += 1
      i += 1
    }
    while length > 0 {
      let last = scratch[length - 1]
      if last == .fullStop || last == .colon || last == .space {
        length -= 1
      } else if length >= 3 && last == UTF8Byte.horizontalEllipsis
        && scratch[length - 2] == UTF8Byte.generalPunctuation && scratch[length - 3] == UTF8Byte.punctuationLead
      {
        length -= 3
      } else {
        break
      }
    }
    return length
  }

  /// FNV-1a's 64-bit offset basis and prime.
  private static let fnvOffsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
  private static let fnvPrime: UInt64 = 0x0000_0100_0000_01B3

  /// FNV-1a, never zero (zero marks an empty slot in a `KeyTable`).
  private static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
    var value = fnvOffsetBasis
    for byte in bytes { value = (value ^ UInt64(byte)) &* fnvPrime }
    return value | 1
  }

  /// Whether `start..<end` ends in a photo credit such as `[Photo: Andina]` or `(AP Photo/Jane Doe)`.
  static func endsWithPhotoCredit(_ text: UTF8Text, from start: Int, to end: Int) -> Bool {
    guard end > start else { return false }
    let close = text[end - 1]
    guard close == .rightSquareBracket || close == .rightParenthesis else { return false }
    let open: UInt8 = close == .rightSquareBracket ? .leftSquareBracket : .leftParenthesis
    var i = end - 2
    let floor = max(start, end - 160)
    while i >= floor {
      let b = text[i]
      if b == open { break }
      if b == close { return false }
      i -= 1
    }
    guard i >= floor, text[i] == open else { return false }
    let content = String(decoding: text.bytes[(i + 1)..<(end - 1)], as: UTF8.self).lowercased()
    let trimmed = content.drop { $0 == " " }
    let prefixes = [
      "photo", "image", "picture", "pic:", "credit", "illustration", "graphic", "video", "screenshot", "caption",
      "file photo", "courtesy",
    ]
    return prefixes.contains { trimmed.hasPrefix($0) } || content.contains("photo/") || content.contains(" photo")
  }

  /// Labels that open a credit line standing on its own: `Photo: Jane Doe/AP`.
  static let creditLabels = WordSet([
    "photo", "photos", "photograph", "image", "images", "picture", "credit", "illustration", "graphic", "video",
  ])

  /// Whether `start..<end` opens with a credit label and a colon.
  static func startsWithCreditLabel(_ text: UTF8Text, from start: Int, to end: Int) -> Bool {
    var i = start
    while i < end && isASCIILetter(text[i]) && i - start <= WordKey.maximumLength { i += 1 }
    guard i < end, text[i] == .colon else { return false }
    return creditLabels.contains(WordKey.make(text, from: start, to: i))
  }

  /// Whether the last visible character of `start..<end`, behind any closing quotes or brackets,
  /// ends a sentence.
  static func endsWithTerminal(_ text: UTF8Text, from start: Int, to end: Int) -> Bool {
    var i = end
    while i > start {
      let (value, scalarStart) = text.scalar(before: i)
      if isCloserScalar(value) {
        i = scalarStart
        continue
      }
      return isTerminalScalar(value)
    }
    return false
  }

  /// Whether `start..<end` reads as a title: every word capitalised but for short function words,
  /// or all in capitals. Needs at least two capitalised words, so one proper noun is not a title.
  static func isTitleCase(_ text: UTF8Text, from start: Int, to end: Int) -> Bool {
    var capitalised = 0
    var lowercase = 0
    var i = start
    while i < end {
      i = text.skipSpaces(from: i, to: end)
      guard i < end else { break }
      let wordEnd = text.wordEnd(startingAt: i, before: end, limit: 64)
      var letter = i
      while letter < wordEnd {
        let (value, length) = text.scalar(at: letter)
        if isOpenerScalar(value) {
          letter += length
          continue
        }
        switch letterCase(of: value) {
        case .upper:
          capitalised += 1
        case .lower:
          let key = WordKey.make(text, from: letter, to: wordEnd)
          if !Lexicon.titleCaseSmallWords.contains(key) { lowercase += 1 }
        default:
          break
        }
        break
      }
      i = max(wordEnd, i + 1)
    }
    return capitalised >= 2 && lowercase == 0
  }

  /// The number of words in `start..<end`, counting up to `limit`.
  static func wordCount(_ text: UTF8Text, from start: Int, to end: Int, limit: Int) -> Int {
    var count = 0
    var i = start
    while i < end && count < limit {
      i = text.skipSpaces(from: i, to: end)
      guard i < end else { break }
      count += 1
      i = max(text.wordEnd(startingAt: i, before: end, limit: 256), i + 1)
    }
    return count
  }
}

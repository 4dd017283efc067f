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

  /// The longest boilerplate line in bytes, after normalisation, plus room for decoration.
  static let boilerplateByteLimit = 48

  /// Whether the line `start..<end` (already trimmed) is scraping debris.
  static func isBoilerplate(_ text: UTF8Text, from start: Int, to end: Int) -> Bool {
    guard end - start <= boilerplateByteLimit, end > start else { return false }
    var words: [String] = []
    var current = String.UnicodeScalarView()
    var i = start
    while i < end {
      let (value, length) = text.scalar(at: i)
      i += length
      if isSpaceScalar(value) {
        if !current.isEmpty { words.append(String(current)) }
        current = String.UnicodeScalarView()
      } else if let scalar = Unicode.Scalar(value) {
        current.append(scalar)
      }
    }
    if !current.isEmpty { words.append(String(current)) }
    var line = words.joined(separator: " ").lowercased()
    while let last = line.unicodeScalars.last, last == "." || last == "…" || last == ":" || last == " " {
      line.unicodeScalars.removeLast()
    }
    return boilerplateLines.contains(line)
  }

  /// Whether `start..<end` ends in a photo credit such as `[Photo: Andina]` or `(AP Photo/Jane Doe)`.
  static func endsWithPhotoCredit(_ text: UTF8Text, from start: Int, to end: Int) -> Bool {
    guard end > start else { return false }
    let close = text[end - 1]
    guard close == 0x5D || close == 0x29 else { return false }
    let open: UInt8 = close == 0x5D ? 0x5B : 0x28
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

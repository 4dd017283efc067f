/// Social-media text made fit for matching: what the post says, apart from the furniture around it.
///
/// - HTML character references are decoded; curly quotes become straight ones, and the doubled
///   quotes of CSV exports (`""`) single ones.
/// - The signature an embedded tweet ends with (`— Ilhan Omar (@IlhanMN) January 6, 2020`) is cut
///   off; the author's name is kept apart (``author``), since the claim is often about them.
/// - Links (`https://t.co/…`, `pic.twitter.com/…`, `www.…`), also when glued to the word before,
///   are removed.
/// - `#hashtags` and `@handles` lose their sign and are split into words: at case changes
///   (`#AustralianFires` → `Australian Fires`), at `_` and digits, and, for a run of lower-case
///   letters (`#stonemanshooting`), by the `splitCompound` function the caller passes (the index
///   splits on its own vocabulary).
/// - Emoji, flags and their joiners become spaces; runs of white space one space.
public struct SocialText: Sendable, Equatable {
  /// The text of the post.
  public var body: String
  /// The name in an embedded tweet's signature, when there was one.
  public var author: String?
  /// The year and month (1–12) of an embedded tweet's signature date, when it had one: fact-checks
  /// often name when the claim went round ("in August 2019").
  public var date: (year: Int, month: Int)?

  /// Normalises `text`; `splitCompound` splits a lower-case hashtag or handle into words (return
  /// it alone when it is one).
  public init(_ text: String, splitCompound: (String) -> [String] = { [$0] }) {
    var text = HTMLEntities.decode(text)
    text = Self.straightenQuotes(text)
    let (body, author, date) = Self.cutSignature(text)
    self.date = date
    var scalars = Array(body.unicodeScalars)
    scalars = Self.removingLinks(scalars)
    scalars = Self.expandingTags(scalars, splitCompound: splitCompound)
    self.body = Self.cleaned(scalars)
    self.author = author.map {
      Self.cleaned(Self.expandingTags(Self.removingLinks(Array($0.unicodeScalars)), splitCompound: splitCompound))
    }.flatMap { $0.isEmpty ? nil : $0 }
  }

  /// Body and author as one text, the way the index matches them.
  public var combined: String {
    guard let author else { return body }
    return body.isEmpty ? author : "\(body) \(author)"
  }

  static func straightenQuotes(_ text: String) -> String {
    // Most texts have nothing to straighten: no curly quote (all start with byte E2 or C2), no
    // backtick and no doubled quote. Building the string again cost a tenth of indexing.
    var previous: UInt8 = 0
    var needsWork = false
    for byte in text.utf8 {
      if byte == 0xE2 || byte == 0xC2 || byte == UInt8(ascii: "`") || (byte == 0x22 && previous == 0x22) {
        needsWork = true
        break
      }
      previous = byte
    }
    guard needsWork else { return text }
    var output = String.UnicodeScalarView()
    var previousWasDoubledQuote = false
    for scalar in text.unicodeScalars {
      let mapped: Unicode.Scalar
      switch scalar {
      case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{2033}", "\u{AB}", "\u{BB}": mapped = "\""
      case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{2032}", "`", "\u{B4}": mapped = "'"
      default: mapped = scalar
      }
      // `""` (a CSV export's escaped quote) reads as one quote.
      if mapped == "\"", let last = output.last, last == "\"", !previousWasDoubledQuote {
        previousWasDoubledQuote = true
        continue
      }
      previousWasDoubledQuote = false
      output.append(mapped)
    }
    return String(output)
  }

  // MARK: - Signature

  /// Month numbers by the first three letters of their names.
  static let monthNumbers: [String: Int] = [
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11,
    "dec": 12,
  ]

  /// Full month names by number (index 0 unused).
  static let monthNames = [
    "", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
  ]

  private static let months: Set<String> = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  ]

  public static func == (lhs: SocialText, rhs: SocialText) -> Bool {
    lhs.body == rhs.body && lhs.author == rhs.author && lhs.date?.year == rhs.date?.year
      && lhs.date?.month == rhs.date?.month
  }

  /// Splits `— Name (@handle) Month D, YYYY` (the date optional) off the end of `text`.
  static func cutSignature(_ text: String) -> (body: String, author: String?, date: (year: Int, month: Int)?) {
    let scalars = Array(text.unicodeScalars)
    var end = scalars.count
    while end > 0, scalars[end - 1].isSpace { end -= 1 }
    // Optional date: letters, space, one or two digits, comma, space, four digits.
    var cursor = end
    func skipSpaces() { while cursor > 0, scalars[cursor - 1].isSpace { cursor -= 1 } }
    func digits() -> Int {
      var count = 0
      while cursor > 0, ("0"..."9").contains(scalars[cursor - 1]) {
        cursor -= 1
        count += 1
      }
      return count
    }
    let beforeDate = cursor
    var date: (year: Int, month: Int)?
    if digits() == 4 {
      let year = Int(String(String.UnicodeScalarView(scalars[cursor..<(cursor + 4)]))) ?? 0
      skipSpaces()
      if cursor > 0, scalars[cursor - 1] == "," {
        cursor -= 1
        skipSpaces()
        let dayDigits = digits()
        skipSpaces()
        let monthEnd = cursor
        while cursor > 0, scalars[cursor - 1].properties.isAlphabetic { cursor -= 1 }
        let month = String(String.UnicodeScalarView(scalars[cursor..<monthEnd])).lowercased()
        if !(1...2).contains(dayDigits) || !months.contains(month) {
          cursor = beforeDate
        } else {
          date = (year, monthNumbers[String(month.prefix(3))] ?? 0)
        }
      } else {
        cursor = beforeDate
      }
    } else {
      cursor = beforeDate
    }
    skipSpaces()
    // The handle: `(@name)`.
    guard cursor > 0, scalars[cursor - 1] == ")" else { return (text, nil, nil) }
    let closing = cursor - 1
    var opening = closing - 1
    while opening >= 0, isHandleScalar(scalars[opening]) { opening -= 1 }
    guard opening >= 1, scalars[opening] == "@", scalars[opening - 1] == "(", opening + 1 < closing else {
      return (text, nil, nil)
    }
    // The dash before the name, within a name's length.
    var dash = opening - 2
    while dash >= 0, opening - dash <= 80, scalars[dash] != "\u{2014}", scalars[dash] != "\u{2013}" { dash -= 1 }
    guard dash >= 0, scalars[dash] == "\u{2014}" || scalars[dash] == "\u{2013}" else { return (text, nil, nil) }
    let name = String(String.UnicodeScalarView(scalars[(dash + 1)..<(opening - 1)]))
    let body = String(String.UnicodeScalarView(scalars[..<dash]))
    return (body, name, date)
  }

  private static func isHandleScalar(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isHandleCharacter
  }

  // MARK: - Links

  private static let linkStarts: [[Unicode.Scalar]] = ["https://", "http://", "pic.twitter.com/", "www."].map {
    Array($0.unicodeScalars)
  }

  /// Removes every link, up to the next white space, wherever it starts (tweets glue
  /// `pic.twitter.com/…` to the hashtag before it).
  static func removingLinks(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
    var output: [Unicode.Scalar] = []
    output.reserveCapacity(scalars.count)
    var index = 0
    while index < scalars.count {
      if let length = linkStart(in: scalars, at: index) {
        var end = index + length
        while end < scalars.count, !scalars[end].isSpace { end += 1 }
        output.append(" ")
        index = end
      } else {
        output.append(scalars[index])
        index += 1
      }
    }
    return output
  }

  private static func linkStart(in scalars: [Unicode.Scalar], at index: Int) -> Int? {
    let first = scalars[index]
    guard first == "h" || first == "H" || first == "p" || first == "w" || first == "W" else { return nil }
    // Only at a word's start or glued after a hashtag's letters; not inside words like "unwww.".
    for start in linkStarts where index + start.count <= scalars.count {
      var matches = true
      for offset in 0..<start.count where lowercased(scalars[index + offset]) != start[offset] {
        matches = false
        break
      }
      if matches { return start.count }
    }
    return nil
  }

  private static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar
  }

  // MARK: - Hashtags and handles

  static func expandingTags(_ scalars: [Unicode.Scalar], splitCompound: (String) -> [String]) -> [Unicode.Scalar] {
    var output: [Unicode.Scalar] = []
    output.reserveCapacity(scalars.count + 16)
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      let atWordStart = index == 0 || !isHandleScalar(scalars[index - 1])
      guard scalar == "#" || scalar == "@", atWordStart, index + 1 < scalars.count, isHandleScalar(scalars[index + 1])
      else {
        output.append(scalar)
        index += 1
        continue
      }
      var end = index + 1
      while end < scalars.count, isHandleScalar(scalars[end]) { end += 1 }
      output.append(" ")
      for word in tagWords(Array(scalars[(index + 1)..<end]), splitCompound: splitCompound) {
        output.append(contentsOf: word.unicodeScalars)
        output.append(" ")
      }
      index = end
    }
    return output
  }

  /// The words of a tag: split at `_`, letter–digit changes and case changes
  /// (`realDonaldTrump`, `DefundTheCBC`, `WW3`), then lower-case runs through `splitCompound`.
  static func tagWords(_ tag: [Unicode.Scalar], splitCompound: (String) -> [String]) -> [String] {
    var pieces: [[Unicode.Scalar]] = []
    var current: [Unicode.Scalar] = []
    func flush() {
      if !current.isEmpty { pieces.append(current) }
      current = []
    }
    for (offset, scalar) in tag.enumerated() {
      if scalar == "_" {
        flush()
        continue
      }
      if let previous = current.last {
        let isUpper = scalar.properties.isUppercase
        let previousIsUpper = previous.properties.isUppercase
        let isDigit = ("0"..."9").contains(scalar)
        let previousIsDigit = ("0"..."9").contains(previous)
        let nextIsLower = offset + 1 < tag.count && tag[offset + 1].properties.isLowercase
        if isDigit != previousIsDigit || (isUpper && !previousIsUpper && !previousIsDigit)
          || (isUpper && previousIsUpper && nextIsLower)
        {
          flush()
        }
      }
      current.append(scalar)
    }
    flush()
    var words: [String] = []
    for piece in pieces {
      let word = String(String.UnicodeScalarView(piece))
      if piece.allSatisfy({ $0.properties.isLowercase }) {
        words.append(contentsOf: splitCompound(word))
      } else {
        words.append(word)
      }
    }
    return words
  }

  // MARK: - Emoji and white space

  /// Without emoji and their modifiers, with white space runs collapsed and trimmed.
  static func cleaned(_ scalars: [Unicode.Scalar]) -> String {
    // UTF-8 bytes, made a string once: appending scalar by scalar to a string cost more than all
    // the rest of the normalisation.
    var output: [UInt8] = []
    output.reserveCapacity(scalars.count + 8)
    var pendingSpace = false
    for scalar in scalars {
      if scalar.isSpace || (!scalar.isASCII && (isEmojiLike(scalar) || scalar.properties.generalCategory == .control))
        || (scalar.isASCII && scalar.value < 0x20)
      {
        pendingSpace = !output.isEmpty
        continue
      }
      if pendingSpace {
        output.append(UInt8(ascii: " "))
        pendingSpace = false
      }
      if scalar.isASCII {
        output.append(UInt8(scalar.value))
      } else {
        output.append(contentsOf: UTF8.encode(scalar) ?? UTF8.EncodedScalar())
      }
    }
    return String(decoding: output, as: UTF8.self)
  }

  static func isEmojiLike(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return false }
    switch scalar.value {
    case 0x200D, 0xFE0E, 0xFE0F, 0x20E3, 0x1F1E6...0x1F1FF, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F: return true
    default: break
    }
    let properties = scalar.properties
    return properties.isEmojiPresentation || (properties.isEmoji && properties.generalCategory == .otherSymbol)
  }
}

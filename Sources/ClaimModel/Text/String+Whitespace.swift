extension String {
  /// The string with every run of white space collapsed to one space and the ends trimmed.
  ///
  /// White space is judged by character (grapheme cluster): a cluster is white space when its first
  /// scalar is (`Character.isWhitespace`, so `\r\n` is one), so a combining mark on a space goes
  /// with the space.
  ///
  /// The one whitespace normaliser of the ledger: claim ids are hashed over it
  /// (``ClaimID/derive(source:normalizedText:occurrence:salt:)`` via ``Claim/normalizedText``), and
  /// commit subjects, trailers and one-line terminal text use it too. Changing what it returns would
  /// change the ids of claims imported again, so `ClaimIDStabilityTests` pins its results.
  public func collapsingWhitespace() -> String {
    // Most sentences have nothing to collapse: single ASCII spaces between words.
    var previousWasSpace = true
    var isAlreadyCollapsed = true
    for byte in utf8 {
      if byte == 0x20 {
        if previousWasSpace { isAlreadyCollapsed = false }
        previousWasSpace = true
      } else if byte < 0x20 || byte >= 0x80 {
        isAlreadyCollapsed = false
      } else {
        previousWasSpace = false
      }
      if !isAlreadyCollapsed { break }
    }
    if isAlreadyCollapsed && !previousWasSpace { return self }
    return collapsingWhitespaceByScalars() ?? collapsingWhitespaceByCharacters()
  }

  /// The same, scalar by scalar on the UTF-8 bytes: the same answer as by characters wherever
  /// each white-space scalar is a character of its own, which it is unless a mark or joiner
  /// follows it or a prepended concatenation mark precedes it (nil then). Checking the
  /// properties of every character cost most of `claims split`.
  private func collapsingWhitespaceByScalars() -> String? {
    var result: [UInt8] = []
    result.reserveCapacity(utf8.count)
    var pendingSpace = false
    var previousWasWhitespace = false
    var previousMayPrepend = false
    for scalar in unicodeScalars {
      let value = scalar.value
      let isWhitespace = Self.isWhiteSpace(value)
      if isWhitespace {
        if previousMayPrepend { return nil }
        pendingSpace = !result.isEmpty
      } else {
        if previousWasWhitespace && value >= 0x80 && Self.mayJoinPrevious(scalar) { return nil }
        if pendingSpace { result.append(0x20) }
        pendingSpace = false
        if value < 0x80 {
          result.append(UInt8(truncatingIfNeeded: value))
        } else {
          result.append(contentsOf: UTF8.encode(scalar).map(Array.init) ?? [])
        }
      }
      previousWasWhitespace = isWhitespace
      previousMayPrepend = value >= 0x600 && Self.mayPrepend(scalar)
    }
    return String(decoding: result, as: UTF8.self)
  }

  /// The reference: character by character.
  func collapsingWhitespaceByCharacters() -> String {
    var result = ""
    result.reserveCapacity(utf8.count)
    var pendingSpace = false
    for character in self {
      if character.isWhitespace {
        pendingSpace = !result.isEmpty
      } else {
        if pendingSpace { result.append(" ") }
        pendingSpace = false
        result.append(character)
      }
    }
    return result
  }

  /// Unicode's White_Space property (`Unicode.Scalar.Properties.isWhitespace`), without a look-up.
  private static func isWhiteSpace(_ value: UInt32) -> Bool {
    switch value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
    default: false
    }
  }

  /// Whether `scalar` may continue the grapheme cluster before it (an extending or spacing mark,
  /// a joiner, an emoji modifier): erring towards yes.
  private static func mayJoinPrevious(_ scalar: Unicode.Scalar) -> Bool {
    let properties = scalar.properties
    switch properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark, .format: return true
    default: break
    }
    switch scalar.value {
    case 0x0E33, 0x0EB3, 0x200C, 0x200D, 0xFF9E, 0xFF9F: return true
    default: return properties.isGraphemeExtend || properties.isEmojiModifier
    }
  }

  /// Whether `scalar` may be a prepended concatenation mark, which joins what follows it, white
  /// space included: erring towards yes.
  private static func mayPrepend(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0600...0x0605, 0x06DD, 0x070F, 0x0890...0x0891, 0x08E2, 0x0D4E, 0x110BD, 0x110CD, 0x111C2...0x111C3,
      0x1193F, 0x11941, 0x11A3A, 0x11A84...0x11A89, 0x11D46, 0x11F02:
      return true
    default:
      return scalar.properties.generalCategory == .format
    }
  }
}

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
    // Read through a buffer: iterating the UTF-8 view cost several times more per byte.
    var text = self
    let isAlreadyCollapsed = text.withUTF8 { bytes in
      var previousWasSpace = true
      for byte in bytes {
        if byte == 0x20 {
          if previousWasSpace { return false }
          previousWasSpace = true
        } else if byte < 0x20 || byte >= 0x80 {
          return false
        } else {
          previousWasSpace = false
        }
      }
      return !previousWasSpace
    }
    if isAlreadyCollapsed { return self }
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
        if previousWasWhitespace && value >= 0x80 && GraphemeHints.mayJoinPrevious(scalar) { return nil }
        if pendingSpace { result.append(0x20) }
        pendingSpace = false
        if value < 0x80 {
          result.append(UInt8(truncatingIfNeeded: value))
        } else {
          result.append(contentsOf: UTF8.encode(scalar).map(Array.init) ?? [])
        }
      }
      previousWasWhitespace = isWhitespace
      previousMayPrepend = value >= 0x600 && GraphemeHints.mayPrepend(scalar)
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
}

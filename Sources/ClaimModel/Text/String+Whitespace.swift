extension String {
  /// The string with every run of white space (`Character.isWhitespace`, so `\r\n` is one)
  /// collapsed to one space and the ends trimmed.
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
}

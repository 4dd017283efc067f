extension MatchingIndex {
  /// Adds every document of `other`, replacing any of the same key, without analysing its text
  /// again: its terms are looked up by their strings. Costs time in proportion to `other`, so a
  /// cache can keep a large base index and a small index of what changed since, and put the two
  /// together when it loads them (see ``MatchingIndex/add(_:)`` for the ranking, which does not
  /// depend on the order documents were added in).
  public mutating func merge(_ other: MatchingIndex) {
    var termMap = [UInt32](repeating: UInt32.max, count: other.terms.count)
    var languageMap = [UInt8](repeating: 0, count: other.languageNames.count)
    for (position, name) in other.languageNames.enumerated() { languageMap[position] = languageIndex(name) }
    for slot in other.kinds.indices where other.kinds[slot] != Self.deadKind {
      let key = other.keys[slot]
      if contains(key: key) { _ = remove(key: key) }
      let start = Int(other.termStart[slot])
      let end = Int(other.termStart[slot + 1])
      let claimEnd = start + Int(other.claimTermCount[slot])
      var mapped: [UInt32] = []
      mapped.reserveCapacity(end - start)
      for term in other.documentTerms[start..<end] {
        if termMap[Int(term)] == UInt32.max { termMap[Int(term)] = termID(other.terms[Int(term)]) }
        mapped.append(termMap[Int(term)])
      }
      let language = Int(other.languages[slot])
      append(
        key: key, kind: other.kinds[slot], language: language < languageMap.count ? languageMap[language] : 0,
        precedence: other.precedences[slot], claimTerms: Array(mapped[..<(claimEnd - start)]),
        headlineTerms: Array(mapped[(claimEnd - start)...]), text: Array(other.text(ofSlot: slot)))
    }
    compactIfMostlyDead()
  }
}

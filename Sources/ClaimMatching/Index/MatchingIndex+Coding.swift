extension MatchingIndex {
  /// The version of the byte layout. A cache holding another version is rebuilt, not read.
  public static let formatVersion: UInt32 = 3
  /// The version of the text analysis (normalisation, tokens, stop words, stemming). Terms made
  /// by another version would not meet this version's query terms, so it is part of the check.
  public static let analysisVersion: UInt32 = 1

  private static let magic: [UInt8] = Array("CMIX".utf8)

  /// The index as bytes, in a canonical form: live documents in precedence order (then by key),
  /// terms sorted, so the same documents give the same bytes whatever order they were added in and
  /// however many were removed or replaced meanwhile.
  public func encoded() -> [UInt8] {
    Array(encodedChunks().joined())
  }

  /// ``encoded()`` as consecutive chunks, to be written one after another: the large arrays are
  /// not copied into one image first.
  public func encodedChunks() -> [[UInt8]] {
    // Terms still in use, sorted by their UTF-8 bytes, and the old id to new id map.
    var used: [(String, UInt32)] = []
    for (id, term) in terms.enumerated() where documentFrequency[id] > 0 { used.append((term, UInt32(id))) }
    used.sort { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
    var newID = [UInt32](repeating: UInt32.max, count: terms.count)
    for (index, entry) in used.enumerated() { newID[Int(entry.1)] = UInt32(index) }

    var liveKeys: [String] = []
    var liveKinds: [UInt8] = []
    var liveLanguages: [UInt8] = []
    var livePrecedences: [UInt64] = []
    var starts: [UInt32] = [0]
    var claimCounts: [UInt32] = []
    var flatTerms: [UInt32] = []
    var textStarts: [UInt32] = [0]
    var text: [UInt8] = []
    liveKeys.reserveCapacity(liveCount)
    flatTerms.reserveCapacity(documentTerms.count)
    text.reserveCapacity(documentText.count)
    var postingCounts = [UInt32](repeating: 0, count: used.count)
    // Languages still in use, numbered in order of first use.
    var usedLanguages: [String] = []
    var newLanguage = [UInt8](repeating: 0, count: languageNames.count)
    var languageSeen = [Bool](repeating: false, count: languageNames.count)
    var liveSlots = kinds.indices.filter { kinds[$0] != Self.deadKind }
    liveSlots.sort { precedes(slot: $0, $1) }
    for slot in liveSlots {
      let language = Int(languages[slot])
      if language < languageNames.count, !languageSeen[language] {
        languageSeen[language] = true
        newLanguage[language] = UInt8(usedLanguages.count)
        usedLanguages.append(languageNames[language])
      }
      liveKeys.append(keys[slot])
      liveKinds.append(kinds[slot])
      livePrecedences.append(precedences[slot])
      liveLanguages.append(language < languageNames.count ? newLanguage[language] : 0)
      for term in documentTerms[Int(termStart[slot])..<Int(termStart[slot + 1])] {
        flatTerms.append(newID[Int(term)])
      }
      starts.append(UInt32(flatTerms.count))
      claimCounts.append(claimTermCount[slot])
      text.append(contentsOf: self.text(ofSlot: slot))
      textStarts.append(UInt32(text.count))
    }
    // Posting lists from the documents, in the new numbering: counted in one pass over the
    // documents, filled in a second (each document's distinct terms found by sorting a copy of its
    // few dozen), so no per-document lists wait in memory.
    var postingEnds = [UInt32](repeating: 0, count: used.count + 1)
    var sorted: [UInt32] = []
    func forEachDistinctTerm(ofDocument slot: Int, _ body: (UInt32, UInt32) -> Void) {
      sorted.removeAll(keepingCapacity: true)
      sorted.append(contentsOf: flatTerms[Int(starts[slot])..<Int(starts[slot + 1])])
      sorted.sort()
      var position = 0
      while position < sorted.count {
        var end = position + 1
        while end < sorted.count, sorted[end] == sorted[position] { end += 1 }
        body(sorted[position], UInt32(end - position))
        position = end
      }
    }
    for slot in liveKeys.indices { forEachDistinctTerm(ofDocument: slot) { term, _ in postingCounts[Int(term)] += 1 } }
    for term in 0..<used.count { postingEnds[term + 1] = postingEnds[term] + postingCounts[term] }
    postingCounts = []
    var flatPostings = [UInt32](repeating: 0, count: Int(postingEnds[used.count]))
    var fill = Array(postingEnds.dropLast())
    for slot in liveKeys.indices {
      forEachDistinctTerm(ofDocument: slot) { term, frequency in
        flatPostings[Int(fill[Int(term)])] = UInt32(slot) << 6 | min(frequency, Self.maximumTermFrequency)
        fill[Int(term)] += 1
      }
    }
    fill = []
    let grams = gramFrequency.sortedEntries

    // Each large array is handed over as its own chunk and freed at once, so the bytes never wait
    // in memory beside a second copy of the whole index.
    var writer = IndexByteWriter(capacity: 4096)
    writer.write(raw: Self.magic)
    writer.write(Self.formatVersion)
    writer.write(Self.analysisVersion)
    writer.write(strings: usedLanguages)
    writer.write(strings: used.map(\.0))
    used = []
    writer.write(strings: liveKeys)
    // The slots sorted by key, so a stored index finds a key by binary search.
    var keyOrder = Array(0..<UInt32(liveKeys.count))
    keyOrder.sort { liveKeys[Int($0)].utf8.lexicographicallyPrecedes(liveKeys[Int($1)].utf8) }
    liveKeys = []
    writer.write(keyOrder)
    keyOrder = []
    writer.write(liveKinds)
    writer.write(liveLanguages)
    writer.write(livePrecedences)
    livePrecedences = []
    writer.write(starts)
    starts = []
    writer.write(claimCounts)
    claimCounts = []
    writer.write(flatTerms)
    flatTerms = []
    writer.write(textStarts)
    textStarts = []
    writer.write(text)
    text = []
    writer.write(postingEnds)
    postingEnds = []
    writer.write(flatPostings)
    flatPostings = []
    writer.write(grams.map(\.gram))
    writer.write(grams.map(\.frequency))
    return writer.chunks
  }

  /// Reads an index from ``encoded()`` bytes (a copy of them).
  /// - Throws: ``MatchingError`` of kind `unsupportedIndexVersion` for another version (rebuild),
  ///   `corruptIndex` for damaged bytes.
  public init(decoding bytes: [UInt8]) throws(MatchingError) {
    try self.init(decoding: OwnedIndexStorage(copying: bytes), from: 0)
  }

  /// Reads an index in place from the ``encoded()`` bytes that run from `offset` to the end of
  /// `storage`: the large arrays (postings, document terms and text, keys, grams) are read from the
  /// storage when a search needs them, not copied, so opening a large index costs the checks of
  /// its offsets and ids, not a copy of it. Every offset, id and count is checked first.
  /// - Throws: ``MatchingError`` of kind `unsupportedIndexVersion` for another version (rebuild),
  ///   `corruptIndex` for damaged bytes.
  public init(decoding storage: some IndexStorage, from offset: Int) throws(MatchingError) {
    var reader = IndexByteReader(storage, from: offset)
    guard try reader.readRaw(count: 4) == Self.magic else {
      throw MatchingError(.corruptIndex, "not a matching index; rebuild it")
    }
    let format = try reader.readUInt32()
    let analysis = try reader.readUInt32()
    guard format == Self.formatVersion, analysis == Self.analysisVersion else {
      throw MatchingError(
        .unsupportedIndexVersion,
        "the matching index was written by another version (format \(format), analysis \(analysis)); rebuild it")
    }
    self.init()
    languageNames = try reader.readStrings()
    terms = try reader.readStringColumn()
    keys = try reader.readStringColumn()
    storedKeyOrder = try reader.readColumn()
    kinds = try reader.readColumn()
    languages = try reader.readColumn()
    precedences = try reader.readColumn()
    termStart = try reader.readColumn()
    claimTermCount = try reader.readColumn()
    documentTerms = try reader.readColumn()
    textStart = try reader.readColumn()
    documentText = try reader.readColumn()
    let postingEnds: IndexColumn<UInt32> = try reader.readColumn()
    let flatPostings: IndexColumn<UInt32> = try reader.readColumn()
    let gramKeys: IndexColumn<UInt32> = try reader.readColumn()
    let gramValues: IndexColumn<UInt32> = try reader.readColumn()
    guard reader.isAtEnd else { throw IndexByteReader.damaged }

    let documentCount = keys.count
    let termCount = terms.count
    guard kinds.count == documentCount, languages.count == documentCount, precedences.count == documentCount,
      claimTermCount.count == documentCount, storedKeyOrder.count == documentCount,
      termStart.count == documentCount + 1, textStart.count == documentCount + 1,
      Self.isMonotonic(termStart, from: 0, endingAt: documentTerms.count),
      Self.isMonotonic(textStart, from: 0, endingAt: documentText.count),
      postingEnds.count == termCount + 1, Self.isMonotonic(postingEnds, from: 0, endingAt: flatPostings.count),
      gramKeys.count == gramValues.count, languageNames.count <= 255
    else { throw IndexByteReader.damaged }
    for slot in 0..<documentCount {
      guard kinds[slot] <= 1, Int(languages[slot]) < max(languageNames.count, 1),
        claimTermCount[slot] <= termStart[slot + 1] - termStart[slot]
      else { throw IndexByteReader.damaged }
    }
    for term in documentTerms where Int(term) >= termCount { throw IndexByteReader.damaged }
    for posting in flatPostings where Int(posting >> 6) >= documentCount { throw IndexByteReader.damaged }
    // Binary searches need terms, keys and grams strictly ascending (which also makes them unique).
    for term in 1..<max(termCount, 1) {
      guard terms.precedes(term - 1, term) else { throw IndexByteReader.damaged }
    }
    var previousKey: Int?
    for position in 0..<documentCount {
      let slot = Int(storedKeyOrder[position])
      guard slot < documentCount else { throw IndexByteReader.damaged }
      if let previousKey, !keys.precedes(previousKey, slot) { throw IndexByteReader.damaged }
      previousKey = slot
    }
    for position in 1..<max(gramKeys.count, 1) where gramKeys[position - 1] >= gramKeys[position] {
      throw IndexByteReader.damaged
    }

    postings = PostingLists(stored: flatPostings, ends: postingEnds)
    documentFrequency.reserveCapacity(termCount)
    for term in 0..<termCount { documentFrequency.append(postingEnds[term + 1] - postingEnds[term]) }
    gramFrequency = GramCounts(grams: gramKeys, frequencies: gramValues)
    liveCount = documentCount
    var claimLength = 0
    for slot in 0..<documentCount { claimLength += Int(claimTermCount[slot]) }
    totalClaimLength = claimLength
    totalHeadlineLength = documentTerms.count - claimLength
  }

  /// The same index without dead slots (decoding its own canonical bytes).
  func compacted() -> MatchingIndex {
    (try? MatchingIndex(decoding: encoded())) ?? self
  }

  /// Whether `offsets` start at `first` (when given), never decrease, and end at `end`.
  static func isMonotonic(_ offsets: IndexColumn<UInt32>, from first: UInt32?, endingAt end: Int) -> Bool {
    if let first, offsets.first != first { return false }
    guard Int(offsets.last ?? 0) == end else { return false }
    var previous: UInt32 = 0
    for offset in offsets {
      guard offset >= previous else { return false }
      previous = offset
    }
    return true
  }
}

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
    var bytes: [UInt8] = []
    encode { bytes.append(contentsOf: $0) }
    return bytes
  }

  /// Hands the bytes of ``encoded()`` to `sink` a part at a time (about a megabyte, or one large
  /// array straight from its memory), in order, as they are made: a cache writes them to its file,
  /// so storing a large index holds no image of it and at most one array made for the purpose (the
  /// postings in the new numbering) beside the index itself.
  public func encode(to sink: (_ bytes: UnsafeRawBufferPointer) -> Void) {
    withoutActuallyEscaping(sink) { sink in
      var writer = IndexByteWriter(sink: sink)
      encode(into: &writer)
      writer.flush()
    }
  }

  private func encode(into writer: inout IndexByteWriter) {
    // Terms still in use, sorted by their UTF-8 bytes, and the old id to new id map.
    var used: [UInt32] = []
    for id in terms.indices where documentFrequency[id] > 0 { used.append(UInt32(id)) }
    used.sort { first, second in terms.precedes(Int(first), Int(second)) }
    var newID = [UInt32](repeating: UInt32.max, count: terms.count)
    for (index, id) in used.enumerated() { newID[Int(id)] = UInt32(index) }

    var liveSlots = kinds.indices.filter { kinds[$0] != Self.deadKind }
    liveSlots.sort { precedes(slot: $0, $1) }
    // Languages still in use, numbered in order of first use.
    var usedLanguages: [String] = []
    var newLanguage = [UInt8](repeating: 0, count: languageNames.count)
    var languageSeen = [Bool](repeating: false, count: languageNames.count)
    var termTotal = 0
    var textTotal = 0
    for slot in liveSlots {
      let language = Int(languages[slot])
      if language < languageNames.count, !languageSeen[language] {
        languageSeen[language] = true
        newLanguage[language] = UInt8(usedLanguages.count)
        usedLanguages.append(languageNames[language])
      }
      termTotal += Int(termStart[slot + 1] - termStart[slot])
      textTotal += Int(textStart[slot + 1] - textStart[slot])
    }

    writer.write(raw: Self.magic)
    writer.write(Self.formatVersion)
    writer.write(Self.analysisVersion)
    writer.write(strings: usedLanguages)
    writeStrings(terms, at: used.lazy.map { Int($0) }, count: used.count, into: &writer)
    used = []
    writeStrings(keys, at: liveSlots, count: liveSlots.count, into: &writer)
    // The slots sorted by key, so a stored index finds a key by binary search.
    var keyOrder = Array(0..<UInt32(liveSlots.count))
    keyOrder.sort { keys.precedes(liveSlots[Int($0)], liveSlots[Int($1)]) }
    writer.write(keyOrder)
    keyOrder = []
    writer.write(UInt32(liveSlots.count))
    for slot in liveSlots { writer.write(byte: kinds[slot]) }
    writer.write(UInt32(liveSlots.count))
    for slot in liveSlots {
      let language = Int(languages[slot])
      writer.write(byte: language < languageNames.count ? newLanguage[language] : 0)
    }
    writer.write(UInt32(liveSlots.count))
    for slot in liveSlots { writer.write(element: precedences[slot]) }
    writer.write(UInt32(liveSlots.count + 1))
    writer.write(element: UInt32(0))
    var end: UInt32 = 0
    for slot in liveSlots {
      end += termStart[slot + 1] - termStart[slot]
      writer.write(element: end)
    }
    writer.write(UInt32(liveSlots.count))
    for slot in liveSlots { writer.write(element: claimTermCount[slot]) }
    writer.write(UInt32(termTotal))
    for slot in liveSlots {
      for term in documentTerms[Int(termStart[slot])..<Int(termStart[slot + 1])] {
        writer.write(element: newID[Int(term)])
      }
    }
    writer.write(UInt32(liveSlots.count + 1))
    writer.write(element: UInt32(0))
    end = 0
    for slot in liveSlots {
      end += textStart[slot + 1] - textStart[slot]
      writer.write(element: end)
    }
    writer.write(UInt32(textTotal))
    for slot in liveSlots {
      let range = Int(textStart[slot])..<Int(textStart[slot + 1])
      let whole = documentText.withBytes(range) { writer.write(raw: $0) }
      if !whole { for byte in documentText[range] { writer.write(byte: byte) } }
    }

    // Posting lists in the new numbering: counted in one pass over the documents, filled in a
    // second (each document's distinct terms found by sorting a copy of its few dozen), so no
    // per-document lists wait in memory.
    let termCount = newID.count - newID.lazy.filter { $0 == UInt32.max }.count
    var sorted: [UInt32] = []
    func forEachDistinctTerm(ofDocument slot: Int, _ body: (UInt32, UInt32) -> Void) {
      sorted.removeAll(keepingCapacity: true)
      for term in documentTerms[Int(termStart[slot])..<Int(termStart[slot + 1])] { sorted.append(newID[Int(term)]) }
      sorted.sort()
      var position = 0
      while position < sorted.count {
        var end = position + 1
        while end < sorted.count, sorted[end] == sorted[position] { end += 1 }
        body(sorted[position], UInt32(end - position))
        position = end
      }
    }
    var postingEnds = [UInt32](repeating: 0, count: termCount + 1)
    for slot in liveSlots { forEachDistinctTerm(ofDocument: slot) { term, _ in postingEnds[Int(term) + 1] += 1 } }
    for term in 0..<termCount { postingEnds[term + 1] += postingEnds[term] }
    var flatPostings = [UInt32](repeating: 0, count: Int(postingEnds[termCount]))
    var fill = Array(postingEnds.dropLast())
    for (position, slot) in liveSlots.enumerated() {
      forEachDistinctTerm(ofDocument: slot) { term, frequency in
        flatPostings[Int(fill[Int(term)])] = UInt32(position) << 6 | min(frequency, Self.maximumTermFrequency)
        fill[Int(term)] += 1
      }
    }
    fill = []
    writer.write(postingEnds)
    postingEnds = []
    writer.write(flatPostings)
    flatPostings = []
    let grams = gramFrequency.sortedEntries
    writer.write(grams.map(\.gram))
    writer.write(grams.map(\.frequency))
  }

  /// The strings of `column` at `positions` (`count` of them), as ``IndexByteWriter/write(strings:)``
  /// writes strings, without making them.
  private func writeStrings(
    _ column: StringColumn, at positions: some Sequence<Int>, count: Int, into writer: inout IndexByteWriter
  ) {
    writer.write(UInt32(count))
    var total = 0
    for position in positions {
      total += column.withUTF8(position) { $0.count }
      writer.write(element: UInt32(total))
    }
    writer.write(UInt32(total))
    for position in positions { column.withUTF8(position) { writer.write(raw: $0) } }
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

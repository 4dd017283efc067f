extension MatchingIndex {
  /// The version of the byte layout. A cache holding another version is rebuilt, not read.
  public static let formatVersion: UInt32 = 2
  /// The version of the text analysis (normalisation, tokens, stop words, stemming). Terms made
  /// by another version would not meet this version's query terms, so it is part of the check.
  public static let analysisVersion: UInt32 = 1

  private static let magic: [UInt8] = Array("CMIX".utf8)

  /// The index as bytes, in a canonical form: live documents in precedence order (then by key),
  /// terms sorted, so the same documents give the same bytes whatever order they were added in and
  /// however many were removed or replaced meanwhile.
  public func encoded() -> [UInt8] {
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
    // Posting lists from the documents, in the new numbering.
    var postingEnds = [UInt32](repeating: 0, count: used.count + 1)
    var perDocument: [UInt32: UInt32] = [:]
    var documentPostings: [[(UInt32, UInt32)]] = []
    documentPostings.reserveCapacity(liveKeys.count)
    for slot in liveKeys.indices {
      perDocument.removeAll(keepingCapacity: true)
      for term in flatTerms[Int(starts[slot])..<Int(starts[slot + 1])] { perDocument[term, default: 0] += 1 }
      let sorted = perDocument.sorted { $0.key < $1.key }
      for (term, _) in sorted { postingCounts[Int(term)] += 1 }
      documentPostings.append(sorted.map { ($0.key, $0.value) })
    }
    for term in 0..<used.count { postingEnds[term + 1] = postingEnds[term] + postingCounts[term] }
    var flatPostings = [UInt32](repeating: 0, count: Int(postingEnds[used.count]))
    var fill = Array(postingEnds.dropLast())
    for (slot, entries) in documentPostings.enumerated() {
      for (term, frequency) in entries {
        flatPostings[Int(fill[Int(term)])] = UInt32(slot) << 6 | min(frequency, Self.maximumTermFrequency)
        fill[Int(term)] += 1
      }
    }
    let grams = gramFrequency.sortedEntries

    var writer = IndexByteWriter(capacity: flatTerms.count * 8 + text.count + grams.count * 8 + 4096)
    writer.write(raw: Self.magic)
    writer.write(Self.formatVersion)
    writer.write(Self.analysisVersion)
    writer.write(strings: usedLanguages)
    writer.write(strings: used.map(\.0))
    writer.write(strings: liveKeys)
    writer.write(liveKinds)
    writer.write(liveLanguages)
    // Precedences as their low and high halves.
    writer.write(livePrecedences.map { UInt32(truncatingIfNeeded: $0) })
    writer.write(livePrecedences.map { UInt32(truncatingIfNeeded: $0 >> 32) })
    writer.write(starts)
    writer.write(claimCounts)
    writer.write(flatTerms)
    writer.write(textStarts)
    writer.write(text)
    writer.write(postingEnds)
    writer.write(flatPostings)
    writer.write(grams.map(\.gram))
    writer.write(grams.map(\.frequency))
    return writer.bytes
  }

  /// Reads an index from ``encoded()`` bytes, checking every offset and id.
  /// - Throws: ``MatchingError`` of kind `unsupportedIndexVersion` for another version (rebuild),
  ///   `corruptIndex` for damaged bytes.
  public init(decoding bytes: [UInt8]) throws(MatchingError) {
    var reader = IndexByteReader(bytes)
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
    terms = try reader.readStrings()
    keys = try reader.readStrings()
    kinds = try reader.readBytes()
    languages = try reader.readBytes()
    let precedenceLows = try reader.readUInt32s()
    let precedenceHighs = try reader.readUInt32s()
    guard precedenceLows.count == precedenceHighs.count else { throw IndexByteReader.damaged }
    precedences = zip(precedenceLows, precedenceHighs).map { UInt64($1) << 32 | UInt64($0) }
    termStart = try reader.readUInt32s()
    claimTermCount = try reader.readUInt32s()
    documentTerms = try reader.readUInt32s()
    textStart = try reader.readUInt32s()
    documentText = try reader.readBytes()
    let postingEnds = try reader.readUInt32s()
    let flatPostings = try reader.readUInt32s()
    let gramKeys = try reader.readUInt32s()
    let gramValues = try reader.readUInt32s()
    guard reader.isAtEnd else { throw IndexByteReader.damaged }

    let documentCount = keys.count
    let termCount = terms.count
    guard kinds.count == documentCount, languages.count == documentCount, precedences.count == documentCount,
      claimTermCount.count == documentCount,
      termStart.count == documentCount + 1, textStart.count == documentCount + 1,
      Self.isMonotonic(termStart, endingAt: documentTerms.count),
      Self.isMonotonic(textStart, endingAt: documentText.count),
      postingEnds.count == termCount + 1, Self.isMonotonic(postingEnds, endingAt: flatPostings.count),
      gramKeys.count == gramValues.count, languageNames.count <= 255
    else { throw IndexByteReader.damaged }
    for slot in 0..<documentCount {
      guard kinds[slot] <= 1, Int(languages[slot]) < max(languageNames.count, 1),
        claimTermCount[slot] <= termStart[slot + 1] - termStart[slot]
      else { throw IndexByteReader.damaged }
    }
    for term in documentTerms where Int(term) >= termCount { throw IndexByteReader.damaged }
    for posting in flatPostings where Int(posting >> 6) >= documentCount { throw IndexByteReader.damaged }

    termIDs.reserveCapacity(termCount)
    for (id, term) in terms.enumerated() {
      guard termIDs.updateValue(UInt32(id), forKey: term) == nil else { throw IndexByteReader.damaged }
    }
    slotsByKey.reserveCapacity(documentCount)
    for (slot, key) in keys.enumerated() {
      guard slotsByKey.updateValue(Int32(slot), forKey: key) == nil else { throw IndexByteReader.damaged }
    }
    postings.reserveCapacity(termCount)
    documentFrequency.reserveCapacity(termCount)
    for term in 0..<termCount {
      let list = Array(flatPostings[Int(postingEnds[term])..<Int(postingEnds[term + 1])])
      postings.append(list)
      documentFrequency.append(UInt32(list.count))
    }
    gramFrequency = GramTable(entries: zip(gramKeys, gramValues).map { ($0, $1) })
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

  private static func isMonotonic(_ offsets: [UInt32], endingAt end: Int) -> Bool {
    guard offsets.first == 0, Int(offsets.last ?? 1) == end else { return false }
    for index in 1..<offsets.count where offsets[index] < offsets[index - 1] { return false }
    return true
  }
}

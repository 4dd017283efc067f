#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension MatchingIndex {
  /// The documents most like `query`, best first: BM25 over claim and headline picks
  /// 30 candidates (``RankingParameters``), a linear re-ranker over lexical features orders them.
  ///
  /// The query is normalised as social-media text (``SocialText``): links, handles, hashtags,
  /// emoji and an embedded tweet's signature are dealt with first.
  /// - Parameters:
  ///   - limit: at most this many matches.
  ///   - language: the query's language (Snowball name or ISO code); nil means English.
  /// - Throws: ``MatchingError`` of kind `emptyQuery` or `nothingToMatch` (only a link, only
  ///   emoji, only stop words).
  public func matches(for query: String, limit: Int, language: String? = nil) throws(MatchingError) -> [Match] {
    var searcher = Searcher(index: self)
    return try searcher.matches(for: query, limit: limit, language: language, weights: Reranker.weights)
  }

  /// ``matches(for:limit:language:)`` for many queries, sharing the work buffers: one result per query.
  public func matches(for queries: [String], limit: Int, language: String? = nil) -> [Result<[Match], MatchingError>] {
    var searcher = Searcher(index: self)
    return queries.map { query in
      Result { () throws(MatchingError) in
        try searcher.matches(for: query, limit: limit, language: language, weights: Reranker.weights)
      }
    }
  }

  /// The re-ranker's features of the BM25 candidates of `query`, for training the re-ranker.
  package func candidateFeatures(for query: String, language: String? = nil) throws(MatchingError) -> [(
    key: String, features: [Double]
  )] {
    var searcher = Searcher(index: self)
    return try searcher.candidates(for: query, language: language).map { (keys[$0.slot], $0.features) }
  }

  /// ``matches(for:limit:language:)`` with other re-ranker weights, for tuning.
  package func matches(for query: String, limit: Int, weights: [Double]) throws(MatchingError) -> [Match] {
    var searcher = Searcher(index: self)
    return try searcher.matches(for: query, limit: limit, language: nil, weights: weights)
  }
}

/// One search's working state: the analyzer and a score per slot, reused across queries.
struct Searcher {
  let index: MatchingIndex
  let analyzer = TextAnalyzer()
  private var scores: [Float]
  private var touched: [Int32] = []

  init(index: MatchingIndex) {
    self.index = index
    scores = [Float](repeating: 0, count: index.kinds.count)
  }

  struct Candidate {
    var slot: Int
    var features: [Double]
  }

  mutating func matches(for query: String, limit: Int, language: String?, weights: [Double]) throws(MatchingError)
    -> [Match]
  {
    guard limit > 0 else { return [] }
    let candidates = try candidates(for: query, language: language)
    var ranked: [(slot: Int, rank: Int, score: Double)] = []
    for (rank, candidate) in candidates.enumerated() {
      var score = 0.0
      for (weight, feature) in zip(weights, candidate.features) { score += weight * feature }
      ranked.append((candidate.slot, rank, score))
    }
    ranked.sort { $0.score != $1.score ? $0.score > $1.score : $0.rank < $1.rank }
    return ranked.prefix(limit).map { entry in
      Match(
        key: index.keys[entry.slot], kind: MatchingDocument.Kind(rawValue: index.kinds[entry.slot]) ?? .claim,
        score: (entry.score * 10_000).rounded() / 10_000)
    }
  }

  mutating func candidates(for query: String, language: String?) throws(MatchingError) -> [Candidate] {
    guard query.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
      throw MatchingError(.emptyQuery, "the query is empty: give the text of a claim")
    }
    let languageName = analyzer.languageName(language)
    let text = SocialText(query) { splitCompound($0, language: languageName) }
    let bodyTerms = analyzer.terms(of: text.body, language: languageName)
    let authorTerms = analyzer.terms(of: text.author ?? "", language: languageName)
    guard !bodyTerms.isEmpty || !authorTerms.isEmpty else {
      throw MatchingError(
        .nothingToMatch, "the query has no words to match (only links, handles or emoji): give the text of a claim")
    }
    var queryTerms: [UInt32] = []
    var bodySet: Set<UInt32> = []
    var authorSet: Set<UInt32> = []
    // The body's term pairs in order (a term the index lacks breaks the chain).
    var bodyPairs: Set<UInt64> = []
    var previous: UInt32?
    for term in bodyTerms {
      let id = index.termID(of: term)
      if let previous, let id { bodyPairs.insert(UInt64(previous) << 32 | UInt64(id)) }
      previous = id
    }
    for term in bodyTerms {
      guard let id = index.termID(of: term), index.documentFrequency[Int(id)] > 0 else { continue }
      if bodySet.insert(id).inserted { queryTerms.append(id) }
    }
    for term in authorTerms {
      guard let id = index.termID(of: term), index.documentFrequency[Int(id)] > 0 else { continue }
      authorSet.insert(id)
      if !queryTerms.contains(id) { queryTerms.append(id) }
    }
    let documentCount = Double(index.liveCount)
    guard !queryTerms.isEmpty, documentCount > 0 else { return [] }
    let statistics = Statistics(index: index)
    let k1 = Float(index.parameters.k1)
    let b = Float(index.parameters.b)

    // First stage: BM25 over claim and headline together.
    for term in queryTerms {
      let idf = Float(statistics.idf(term))
      let averageLength = Float(statistics.averageLength)
      index.postings.forEach(of: Int(term)) { posting in
        let slot = Int(posting >> 6)
        guard index.kinds[slot] != MatchingIndex.deadKind else { return }
        let frequency = Float(posting & 0x3F)
        let length = Float(index.termStart[slot + 1] - index.termStart[slot])
        let norm = k1 * (1 - b + b * length / averageLength)
        if scores[slot] == 0 { touched.append(Int32(slot)) }
        scores[slot] += idf * frequency * (k1 + 1) / (frequency + norm)
      }
    }
    let top = bestTouched(count: index.parameters.candidateCount)

    // Second stage: the features of each candidate.
    var words = Tokenizer.words(of: text.body)
    if let author = text.author { words.append(contentsOf: Tokenizer.words(of: author)) }
    let queryGrams = statistics.gramVector(of: Array(words.joined(separator: " ").utf8))
    let best = Double(top.first?.score ?? 1)
    let query = QueryTerms(
      all: queryTerms, body: bodySet, author: authorSet, bodyPairs: bodyPairs, idf: queryTerms.map(statistics.idf),
      year: text.date?.year,
      monthName: Array(SocialText.monthNames[min(max(text.date?.month ?? 0, 0), 12)].utf8))
    return top.enumerated().map { rank, entry in
      Candidate(
        slot: entry.slot,
        features: statistics.features(slot: entry.slot, rank: rank, best: best, query: query, queryGrams: queryGrams))
    }
  }

  /// The `count` touched slots with the highest scores (ties by precedence), best first, and the
  /// scores reset for the next query. A bounded insertion instead of sorting every touched slot:
  /// a common query word touches half the index, and sorting it all was a third of a search.
  private mutating func bestTouched(count: Int) -> [(slot: Int, score: Float)] {
    var best: [(slot: Int, score: Float)] = []
    best.reserveCapacity(count + 1)
    func ranksBefore(_ first: (slot: Int, score: Float), _ second: (slot: Int, score: Float)) -> Bool {
      first.score != second.score ? first.score > second.score : index.precedes(slot: first.slot, second.slot)
    }
    for touchedSlot in touched {
      let slot = Int(touchedSlot)
      let entry = (slot: slot, score: scores[slot])
      scores[slot] = 0
      guard count > 0 else { continue }
      if best.count == count {
        // Most slots lose to the worst of the best on the score alone.
        guard let worst = best.last, entry.score >= worst.score, ranksBefore(entry, worst) else { continue }
        best.removeLast()
      }
      var position = best.count
      while position > 0, ranksBefore(entry, best[position - 1]) { position -= 1 }
      best.insert(entry, at: position)
    }
    touched.removeAll(keepingCapacity: true)
    return best
  }

  /// Splits a lower-case hashtag or handle (`stonemanshooting`, `georgesoros`) into the words of
  /// the index's vocabulary that explain it best: dynamic programming over the split points, each
  /// word costing its rarity plus a fixed price, so that fewer, commoner words win. A run the index
  /// knows as a word, or cannot explain, stays whole.
  func splitCompound(_ word: String, language: String) -> [String] {
    let scalars = Array(word.unicodeScalars)
    guard scalars.count >= 6, scalars.count <= 40 else { return [word] }
    let documentCount = Double(max(index.liveCount, 1))
    func frequency(_ piece: String) -> Double? {
      if StopWords.contains(piece, language: language) { return documentCount / 10 }
      guard let id = index.termID(of: analyzer.stem(piece, language: language)) else { return nil }
      let frequency = index.documentFrequency[Int(id)]
      return frequency > 0 ? Double(frequency) : nil
    }
    if let whole = frequency(word), whole >= 2 { return [word] }
    let piecePrice = 3.0
    var best: [(cost: Double, start: Int)?] = Array(repeating: nil, count: scalars.count + 1)
    best[0] = (0, 0)
    for end in 1...scalars.count {
      for start in max(0, end - 20)..<end where end - start >= 2 {
        guard let previous = best[start] else { continue }
        let piece = String(String.UnicodeScalarView(scalars[start..<end]))
        guard let count = frequency(piece) else { continue }
        let cost = previous.cost - log(count / documentCount) + piecePrice
        if best[end] == nil || cost < best[end]?.cost ?? .infinity { best[end] = (cost, start) }
      }
    }
    guard best[scalars.count] != nil else { return [word] }
    var pieces: [String] = []
    var end = scalars.count
    while end > 0, let step = best[end] {
      pieces.append(String(String.UnicodeScalarView(scalars[step.start..<end])))
      end = step.start
    }
    return pieces.reversed()
  }
}

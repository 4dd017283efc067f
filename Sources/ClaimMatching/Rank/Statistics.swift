#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The collection statistics a search needs (document count, average lengths, idf), and the
/// re-ranker's features of one candidate.
struct Statistics {
  let index: MatchingIndex
  let documentCount: Double
  let averageLength: Double
  let averageClaimLength: Double
  let averageHeadlineLength: Double

  init(index: MatchingIndex) {
    self.index = index
    documentCount = Double(max(index.liveCount, 1))
    averageLength = max(Double(index.totalClaimLength + index.totalHeadlineLength) / documentCount, 1)
    averageClaimLength = max(Double(index.totalClaimLength) / documentCount, 1)
    averageHeadlineLength = max(Double(index.totalHeadlineLength) / documentCount, 1)
  }

  /// BM25's idf (the Lucene form, never negative).
  func idf(_ term: UInt32) -> Double {
    let frequency = Double(index.documentFrequency[Int(term)])
    return log(1 + (documentCount - frequency + 0.5) / (frequency + 0.5))
  }

  func bm25(frequency: Int, length: Int, averageLength: Double, idf: Double) -> Double {
    guard frequency > 0 else { return 0 }
    let k1 = index.parameters.k1
    let b = index.parameters.b
    let frequency = Double(frequency)
    return idf * frequency * (k1 + 1) / (frequency + k1 * (1 - b + b * Double(length) / averageLength))
  }

  /// A unit-length tf-idf vector of a text's character 4-grams, sorted by gram (so two vectors'
  /// cosine is one merge, with no hashing).
  func gramVector(of text: some Collection<UInt8>) -> [(gram: UInt32, weight: Double)] {
    var grams: [UInt32] = []
    grams.reserveCapacity(text.count + 2)
    CharacterGrams.forEach(in: text) { grams.append($0) }
    grams.sort()
    var vector: [(gram: UInt32, weight: Double)] = []
    vector.reserveCapacity(grams.count)
    var norm = 0.0
    var position = 0
    while position < grams.count {
      let gram = grams[position]
      var end = position + 1
      while end < grams.count, grams[end] == gram { end += 1 }
      let frequency = Double(index.gramFrequency[gram])
      let idf = log(documentCount / max(frequency, 1))
      let weight = (1 + log(Double(end - position))) * idf
      vector.append((gram, weight))
      norm += weight * weight
      position = end
    }
    guard norm > 0 else { return [] }
    let scale = 1 / norm.squareRoot()
    for position in vector.indices { vector[position].weight *= scale }
    return vector
  }

  /// The cosine of two unit vectors from ``gramVector(of:)``.
  static func cosine(_ first: [(gram: UInt32, weight: Double)], _ second: [(gram: UInt32, weight: Double)]) -> Double {
    var total = 0.0
    var (left, right) = (0, 0)
    while left < first.count, right < second.count {
      let (a, b) = (first[left].gram, second[right].gram)
      if a == b {
        total += first[left].weight * second[right].weight
        left += 1
        right += 1
      } else if a < b {
        left += 1
      } else {
        right += 1
      }
    }
    return total
  }

  /// The re-ranker's features of the document in `slot` (see ``Reranker/featureNames``).
  func features(
    slot: Int, rank: Int, best: Double, query: QueryTerms, queryGrams: [(gram: UInt32, weight: Double)]
  ) -> [Double] {
    let queryTerms = query.all
    let start = Int(index.termStart[slot])
    let end = Int(index.termStart[slot + 1])
    let claimEnd = start + Int(index.claimTermCount[slot])
    let claimLength = claimEnd - start
    let headlineLength = end - claimEnd
    // Per query term (by its position in `queryTerms`): how often in the claim and the headline.
    // Documents and queries are a few dozen terms, so arrays and linear scans beat hashing.
    var claimFrequency = [Int](repeating: 0, count: queryTerms.count)
    var headlineFrequency = [Int](repeating: 0, count: queryTerms.count)
    var documentSet: [UInt32] = []
    documentSet.reserveCapacity(end - start)
    var pairIDF = 0.0
    for position in start..<end {
      let term = index.documentTerms[position]
      if !documentSet.contains(term) { documentSet.append(term) }
      // A query pair found in the same order (within the claim or within the headline).
      if position > start, position != claimEnd,
        query.bodyPairs.contains(UInt64(index.documentTerms[position - 1]) << 32 | UInt64(term))
      {
        pairIDF += idf(index.documentTerms[position - 1]) + idf(term)
      }
      guard let found = queryTerms.firstIndex(of: term) else { continue }
      if position < claimEnd {
        claimFrequency[found] += 1
      } else {
        headlineFrequency[found] += 1
      }
    }
    var all = 0.0
    var body = 0.0
    var claim = 0.0
    var headline = 0.0
    var matchedIDF = 0.0
    var queryIDF = 0.0
    var maximumIDF = 0.0
    var authorIDF = 0.0
    for (position, term) in queryTerms.enumerated() {
      let idf = query.idf[position]
      queryIDF += idf
      let inClaim = claimFrequency[position]
      let inHeadline = headlineFrequency[position]
      guard inClaim + inHeadline > 0 else { continue }
      let combined = bm25(
        frequency: inClaim + inHeadline, length: end - start, averageLength: averageLength, idf: idf)
      all += combined
      if query.body.contains(term) { body += combined }
      claim += bm25(frequency: inClaim, length: claimLength, averageLength: averageClaimLength, idf: idf)
      headline += bm25(frequency: inHeadline, length: headlineLength, averageLength: averageHeadlineLength, idf: idf)
      matchedIDF += idf
      maximumIDF = max(maximumIDF, idf)
      if query.author.contains(term) { authorIDF += idf }
    }
    var documentIDF = 0.0
    for term in documentSet { documentIDF += idf(term) }
    // Query terms the document lacks but holds a relative of: a term sharing the first five
    // letters (Syria / Syrian, Mexico / Mexican, photo / photograph).
    var relatedIDF = 0.0
    for (position, term) in queryTerms.enumerated() where !documentSet.contains(term) {
      let prefix = index.terms[Int(term)].utf8.prefix(5)
      guard prefix.count == 5 else { continue }
      for other in documentSet where index.terms[Int(other)].utf8.starts(with: prefix) {
        relatedIDF += query.idf[position]
        break
      }
    }
    let text = index.text(ofSlot: slot)
    let cosine = Self.cosine(queryGrams, gramVector(of: text))
    let dates = Self.dateFeatures(of: text, query: query)
    return [
      all, best > 0 ? all / best : 0, body, claim, headline, cosine, queryIDF > 0 ? matchedIDF / queryIDF : 0,
      documentIDF > 0 ? matchedIDF / documentIDF : 0, maximumIDF, log(1 + Double(rank)), pairIDF, authorIDF,
      relatedIDF, dates.year, dates.monthAndYear, dates.otherYear,
    ]
  }

  /// Whether a document names the year of the query's signature date, that year and its month,
  /// or only other years (1900–2099): a fact-check often says when the claim went round ("in
  /// August 2019"), and a tweet is usually answered by one of its own months. All 0 without a date.
  static func dateFeatures(of text: Slice<IndexColumn<UInt8>>, query: QueryTerms) -> (
    year: Double, monthAndYear: Double, otherYear: Double
  ) {
    guard let year = query.year else { return (0, 0, 0) }
    var hasYear = false
    var hasMonth = false
    var hasOtherYear = false
    var start = text.startIndex
    while start < text.endIndex {
      var end = start
      while end < text.endIndex, text[end] != UInt8(ascii: " ") { end += 1 }
      let word = text[start..<end]
      if word.count == 4, word.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
        let value = word.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        if value == year {
          hasYear = true
        } else if (1900...2099).contains(value) {
          hasOtherYear = true
        }
      } else if !query.monthName.isEmpty, word.elementsEqual(query.monthName) {
        hasMonth = true
      }
      start = end + 1
    }
    return (hasYear ? 1 : 0, hasYear && hasMonth ? 1 : 0, hasOtherYear && !hasYear ? 1 : 0)
  }
}

/// A query's terms as the features need them.
struct QueryTerms {
  /// Distinct terms the index knows, body first, then the signature's author.
  var all: [UInt32]
  var body: Set<UInt32>
  var author: Set<UInt32>
  /// Consecutive body terms, `first << 32 | second`.
  var bodyPairs: Set<UInt64>
  /// The idf of each of ``all``.
  var idf: [Double]
  /// The year of the query's signature date, and its month's name as UTF-8 (empty without one).
  var year: Int? = nil
  var monthName: [UInt8] = []
}

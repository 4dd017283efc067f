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

  /// A unit-length tf-idf vector of a text's character 4-grams.
  func gramVector(of text: [UInt8]) -> [UInt32: Double] {
    var vector: [UInt32: Double] = [:]
    var norm = 0.0
    for (gram, count) in CharacterGrams.counts(in: text) {
      let frequency = Double(index.gramFrequency[gram])
      let idf = log(documentCount / max(frequency, 1))
      let weight = (1 + log(Double(count))) * idf
      vector[gram] = weight
      norm += weight * weight
    }
    guard norm > 0 else { return [:] }
    let scale = 1 / norm.squareRoot()
    for (gram, weight) in vector { vector[gram] = weight * scale }
    return vector
  }

  /// The re-ranker's features of the document in `slot` (see ``Reranker/featureNames``).
  func features(slot: Int, rank: Int, best: Double, query: QueryTerms, queryGrams: [UInt32: Double]) -> [Double] {
    let queryTerms = query.all
    let bodyTerms = query.body
    let start = Int(index.termStart[slot])
    let end = Int(index.termStart[slot + 1])
    let claimEnd = start + Int(index.claimTermCount[slot])
    let claimLength = claimEnd - start
    let headlineLength = end - claimEnd
    let querySet = Set(queryTerms)
    var claimFrequency: [UInt32: Int] = [:]
    var headlineFrequency: [UInt32: Int] = [:]
    var documentSet: Set<UInt32> = []
    var pairIDF = 0.0
    for position in start..<end {
      let term = index.documentTerms[position]
      documentSet.insert(term)
      // A query pair found in the same order (within the claim or within the headline).
      if position > start, position != claimEnd,
        query.bodyPairs.contains(UInt64(index.documentTerms[position - 1]) << 32 | UInt64(term))
      {
        pairIDF += idf(index.documentTerms[position - 1]) + idf(term)
      }
      guard querySet.contains(term) else { continue }
      if position < claimEnd {
        claimFrequency[term, default: 0] += 1
      } else {
        headlineFrequency[term, default: 0] += 1
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
    for term in queryTerms {
      let idf = idf(term)
      queryIDF += idf
      let inClaim = claimFrequency[term] ?? 0
      let inHeadline = headlineFrequency[term] ?? 0
      guard inClaim + inHeadline > 0 else { continue }
      let combined = bm25(
        frequency: inClaim + inHeadline, length: end - start, averageLength: averageLength, idf: idf)
      all += combined
      if bodyTerms.contains(term) { body += combined }
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
    for term in queryTerms where !documentSet.contains(term) {
      let prefix = index.terms[Int(term)].utf8.prefix(5)
      guard prefix.count == 5 else { continue }
      for other in documentSet where index.terms[Int(other)].utf8.starts(with: prefix) {
        relatedIDF += idf(term)
        break
      }
    }
    let documentGrams = gramVector(of: Array(index.text(ofSlot: slot)))
    var cosine = 0.0
    for (gram, weight) in queryGrams { cosine += weight * (documentGrams[gram] ?? 0) }
    return [
      all, best > 0 ? all / best : 0, body, claim, headline, cosine, queryIDF > 0 ? matchedIDF / queryIDF : 0,
      documentIDF > 0 ? matchedIDF / documentIDF : 0, maximumIDF, log(1 + Double(rank)), pairIDF, authorIDF,
      relatedIDF,
    ]
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
}

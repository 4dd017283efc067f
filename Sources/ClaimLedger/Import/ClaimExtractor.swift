public import ClaimModel
import Segmentation

/// Turns a source text into claim records: segments it, and gives each segment its id, kind,
/// offsets and quote selector. Pure: the same text and source id always give the same claims.
public struct ClaimExtractor: Sendable {
  private let segmenter = Segmenter()

  public init() {}

  /// The claims of `text`, numbered from 1.
  /// - Parameter takenIDs: ids already used in the ledger by other claims; a derived id that
  ///   collides with one is derived again with a salt.
  public func claims(of text: String, source: SourceID, avoiding takenIDs: Set<ClaimID> = []) -> [Claim] {
    let segments = segmenter.segments(of: text)
    let utf8 = Array(text.utf8)
    // The quote, normalised text and first-choice id of each segment do not depend on the others:
    // computed on every core. Counting repeats and avoiding taken ids is done in order.
    let quotes = segments.concurrentMap { segment in
      let selector = QuoteSelector(utf8: utf8, range: segment.utf8Range)
      return (selector: selector, normalized: selector.exact.collapsingWhitespace())
    }
    // Sized up front, and each text hashed once (the counter is read and raised in place): an
    // import's ten thousand sentences otherwise rehashed the table as it grew.
    var occurrences: [String: Int] = [:]
    occurrences.reserveCapacity(quotes.count)
    func raise(_ count: inout Int) -> Int {
      defer { count += 1 }
      return count
    }
    let numbered = quotes.map { quote in
      (normalized: quote.normalized, occurrence: raise(&occurrences[quote.normalized, default: 0]))
    }
    let firstChoices = numbered.concurrentMap { item in
      ClaimID.derive(source: source, normalizedText: item.normalized, occurrence: item.occurrence)
    }
    var used = takenIDs
    used.reserveCapacity(takenIDs.count + segments.count)
    var claims: [Claim] = []
    claims.reserveCapacity(segments.count)
    for (index, segment) in segments.enumerated() {
      let (normalized, occurrence) = numbered[index]
      var salt = 0
      var id = firstChoices[index]
      while used.contains(id) {
        salt += 1
        id = ClaimID.derive(source: source, normalizedText: normalized, occurrence: occurrence, salt: salt)
      }
      used.insert(id)
      let selector = quotes[index].selector
      claims.append(
        Claim(
          id: id, source: source, ordinal: index + 1, kind: ClaimKind(segment.kind), text: selector.exact,
          start: segment.scalarRange.lowerBound, end: segment.scalarRange.upperBound, selector: selector))
    }
    return claims
  }
}

extension ClaimKind {
  init(_ kind: SegmentKind) {
    switch kind {
    case .headline: self = .headline
    case .sentence: self = .sentence
    case .caption: self = .caption
    case .byline: self = .byline
    case .boilerplate: self = .boilerplate
    }
  }
}

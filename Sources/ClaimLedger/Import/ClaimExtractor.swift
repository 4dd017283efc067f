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
    var occurrences: [String: Int] = [:]
    var used = takenIDs
    var claims: [Claim] = []
    claims.reserveCapacity(segments.count)
    for (index, segment) in segments.enumerated() {
      let selector = QuoteSelector(utf8: utf8, range: segment.utf8Range)
      let exact = selector.exact
      let normalized = exact.collapsingWhitespace()
      let occurrence = occurrences[normalized, default: 0]
      occurrences[normalized] = occurrence + 1
      var salt = 0
      var id = ClaimID.derive(source: source, normalizedText: normalized, occurrence: occurrence)
      while used.contains(id) {
        salt += 1
        id = ClaimID.derive(source: source, normalizedText: normalized, occurrence: occurrence, salt: salt)
      }
      used.insert(id)
      claims.append(
        Claim(
          id: id, source: source, ordinal: index + 1, kind: ClaimKind(segment.kind), text: exact,
          start: segment.scalarRange.lowerBound, end: segment.scalarRange.upperBound,
          selector: selector))
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

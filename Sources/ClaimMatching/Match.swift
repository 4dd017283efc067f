/// One earlier fact-check or claim that resembles a query, with how strongly.
public struct Match: Sendable, Equatable {
  /// The document's key: a fact-check's url or a claim's id.
  public var key: String
  public var kind: MatchingDocument.Kind
  /// The re-ranker's score: higher is more alike. Comparable across queries, so that
  /// ``Resemblance`` can set a threshold on it.
  public var score: Double

  public init(key: String, kind: MatchingDocument.Kind, score: Double) {
    self.key = key
    self.kind = kind
    self.score = score
  }
}

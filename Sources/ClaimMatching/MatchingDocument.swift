/// A text the index can match against: an earlier fact-check (key: its url) or a claim the ledger
/// has reviewed (key: its claim id).
public struct MatchingDocument: Sendable, Equatable {
  /// What the document is.
  public enum Kind: UInt8, Sendable, Equatable {
    case factCheck = 0
    case claim = 1
  }

  /// The document's key, unique in the index: a fact-check's url or a claim's id.
  public var key: String
  public var kind: Kind
  /// The claim: a fact-check's `claimReviewed`, a ledger claim's text.
  public var claim: String
  /// A fact-check's headline; empty for claims.
  public var headline: String
  /// The language of the text: a Snowball name (`english`) or ISO 639 code (`en`); nil means English.
  public var language: String?
  /// Where the document stands among equals: of two documents that score the same, the one with
  /// the smaller precedence (then the smaller key) ranks first. The ledger gives earlier work the
  /// smaller number (a fact-check imported first, at its place in its feed), so that a duplicate
  /// published twice is answered by its first copy, and the index's order never depends on the
  /// order documents were added in.
  public var precedence: UInt64

  public init(
    key: String, kind: Kind, claim: String, headline: String = "", language: String? = nil, precedence: UInt64 = 0
  ) {
    self.key = key
    self.kind = kind
    self.claim = claim
    self.headline = headline
    self.language = language
    self.precedence = precedence
  }
}

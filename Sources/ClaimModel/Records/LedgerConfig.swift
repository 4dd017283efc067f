/// The ledger's settings, stored in `ledger.json` at its top: the format version, the verdict scale
/// and how many reviews make a claim verified.
public struct LedgerConfig: LedgerRecord {
  /// The verdicts reviewers may give.
  public var scale: VerdictScale
  /// How many agreeing, cited verdicts a claim needs to count as verified.
  public var requiredReviews: Int

  public init(scale: VerdictScale = .standard, requiredReviews: Int = 1) {
    self.scale = scale
    self.requiredReviews = requiredReviews
  }

  public var json: JSONValue {
    .object([
      "format_version": .integer(currentFormatVersion),
      "required_reviews": .integer(requiredReviews),
      "verdicts": scale.json,
    ])
  }

  public init(json: JSONValue) throws(RecordError) {
    let fields = try FieldReader(json, what: "the ledger config")
    try fields.checkFormatVersion(supported: currentFormatVersion)
    requiredReviews = try fields.optionalInteger("required_reviews") ?? 1
    guard requiredReviews >= 1 else { throw RecordError(.invalidField, "field 'required_reviews' must be 1 or more") }
    scale =
      try fields.optionalObject("verdicts").map { value throws(RecordError) in try VerdictScale(json: value) }
      ?? .standard
  }
}

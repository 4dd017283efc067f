/// The ledger's settings, stored in `ledger.json` at its top: the format version, the verdict scale
/// and how many reviews make a claim verified.
public struct LedgerConfig: LedgerRecord {
  /// The verdicts reviewers may give.
  public var scale: VerdictScale
  /// How many agreeing, cited verdicts a claim needs to count as verified.
  public var requiredReviews: Int
  /// The most the ledger's archived pages (`Evidence/`) may hold together, in megabytes
  /// (1,000,000 bytes): a git repository that everyone clones should stay small enough to clone.
  public var archiveLimitMB: Int

  /// The archive limit of a ledger that does not set one.
  public static let defaultArchiveLimitMB = 1_000

  public init(scale: VerdictScale = .standard, requiredReviews: Int = 1, archiveLimitMB: Int = defaultArchiveLimitMB) {
    self.scale = scale
    self.requiredReviews = requiredReviews
    self.archiveLimitMB = archiveLimitMB
  }

  /// The archive limit in bytes.
  public var archiveLimitBytes: Int { archiveLimitMB * 1_000_000 }

  public var json: JSONValue {
    var members: [String: JSONValue] = [
      "format_version": .integer(currentFormatVersion),
      "required_reviews": .integer(requiredReviews),
      "verdicts": scale.json,
    ]
    // Written only when set, so ledgers that never change it keep the file they had.
    if archiveLimitMB != Self.defaultArchiveLimitMB { members["archive_limit_mb"] = .integer(archiveLimitMB) }
    return .object(members)
  }

  public init(json: JSONValue) throws(RecordError) {
    let fields = try FieldReader(json, what: "the ledger config")
    try fields.checkFormatVersion(supported: currentFormatVersion)
    requiredReviews = try fields.optionalInteger("required_reviews") ?? 1
    guard requiredReviews >= 1 else { throw RecordError(.invalidField, "field 'required_reviews' must be 1 or more") }
    archiveLimitMB = try fields.optionalInteger("archive_limit_mb") ?? Self.defaultArchiveLimitMB
    guard archiveLimitMB >= 0, archiveLimitMB <= 1_000_000_000 else {
      throw RecordError(.invalidField, "field 'archive_limit_mb' must be a number of megabytes, 0 or more")
    }
    scale =
      try fields.optionalObject("verdicts").map { value throws(RecordError) in try VerdictScale(json: value) }
      ?? .standard
  }
}

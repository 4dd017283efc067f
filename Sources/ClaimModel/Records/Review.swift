/// One reviewer's current judgement of one claim, stored in
/// `Reviews/<source-id>/<claim-id>/<reviewer-slug>.json`. Only that reviewer ever writes it.
public struct Review: LedgerRecord {
  /// The claim reviewed.
  public var claim: ClaimID
  /// The claim's source.
  public var source: SourceID
  /// Who reviewed it, as `Name <email>`.
  public var reviewer: Identity
  /// The verdict's id on the ledger's scale, if one was given.
  public var verdict: String?
  /// A free remark.
  public var note: String?
  /// The sources the review rests on, in the order they were added.
  public var citations: [Citation]
  /// When the reviewer last changed this review.
  public var updated: Timestamp
  /// Set when the claim's text changed after this review: the reviewer must look again.
  public var stale: Staleness?

  /// Why a review no longer fits its claim.
  public struct Staleness: Sendable, Equatable {
    /// The claim the review was first given to.
    public var previousClaim: ClaimID
    /// That claim's text, which the review judged.
    public var previousText: String
    /// When the change was imported.
    public var since: Timestamp

    public init(previousClaim: ClaimID, previousText: String, since: Timestamp) {
      self.previousClaim = previousClaim
      self.previousText = previousText
      self.since = since
    }
  }

  public init(
    claim: ClaimID, source: SourceID, reviewer: Identity, verdict: String? = nil, note: String? = nil,
    citations: [Citation] = [], updated: Timestamp, stale: Staleness? = nil
  ) {
    self.claim = claim
    self.source = source
    self.reviewer = reviewer
    self.verdict = verdict
    self.note = note
    self.citations = citations
    self.updated = updated
    self.stale = stale
  }

  /// Whether the review says nothing at all any more (every part removed).
  public var isEmpty: Bool { verdict == nil && note == nil && citations.isEmpty }

  public var json: JSONValue {
    var fields = FieldWriter()
    fields.set("format_version", .integer(currentFormatVersion))
    fields.set("claim", .string(claim.rawValue))
    fields.set("source", .string(source.rawValue))
    fields.set("reviewer", .string(reviewer.description))
    fields.set("verdict", verdict)
    fields.set("note", note)
    fields.set("citations", .array(citations.map(\.json)))
    fields.set("updated", .string(updated.text))
    if let stale {
      fields.set(
        "stale",
        .object([
          "previous_claim": .string(stale.previousClaim.rawValue),
          "previous_text": .string(stale.previousText),
          "since": .string(stale.since.text),
        ]))
    }
    return fields.value
  }

  public init(json: JSONValue) throws(RecordError) {
    let fields = try FieldReader(json, what: "a review")
    try fields.checkFormatVersion(supported: currentFormatVersion)
    let claimText = try fields.string("claim")
    guard let claim = ClaimID(claimText) else {
      throw RecordError(.invalidField, "field 'claim' is not a claim id: '\(claimText.escapedForMessage)'")
    }
    let sourceText = try fields.string("source")
    guard let source = SourceID(sourceText) else {
      throw RecordError(.invalidField, "field 'source' is not a source id: '\(sourceText.escapedForMessage)'")
    }
    let reviewerText = try fields.string("reviewer")
    guard let reviewer = Identity(parsing: reviewerText) else {
      throw RecordError(.invalidField, "field 'reviewer' is not a usable identity: '\(reviewerText.escapedForMessage)'")
    }
    let updatedText = try fields.string("updated")
    guard let updated = Timestamp(updatedText) else {
      throw RecordError(.invalidField, "field 'updated' is not a UTC timestamp: '\(updatedText.escapedForMessage)'")
    }
    var citations: [Citation] = []
    for element in try fields.array("citations") { citations.append(try Citation(json: element)) }
    var stale: Staleness?
    if let staleValue = fields.optionalObject("stale") {
      let staleFields = try FieldReader(staleValue, what: "field 'stale'")
      let previousText = try staleFields.string("previous_claim")
      let sinceText = try staleFields.string("since")
      guard let previous = ClaimID(previousText), let since = Timestamp(sinceText) else {
        throw RecordError(
          .invalidField, "field 'stale' needs a claim id in 'previous_claim' and a timestamp in 'since'")
      }
      stale = Staleness(previousClaim: previous, previousText: try staleFields.string("previous_text"), since: since)
    }
    self.init(
      claim: claim, source: source, reviewer: reviewer, verdict: try fields.optionalString("verdict"),
      note: try fields.optionalString("note"), citations: citations, updated: updated, stale: stale)
  }
}

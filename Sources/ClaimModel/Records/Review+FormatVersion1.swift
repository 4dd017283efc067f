/// Reading reviews written in format version 1, which stored a review's outcome (verdict, note,
/// citations, `updated`, `stale`) instead of its events.
extension Review {
  /// The events a version-1 review stands for, made up the same way on every clone so that two
  /// copies of one old file give the same events: the verdict (with the note) or the note alone,
  /// then each citation, all at `updated` and given to the claim the review was first made on;
  /// then, for a stale review, the re-import that carried it here.
  public static func legacyEvents(
    claim: ClaimID, reviewer: Identity, verdict: String?, note: String?, citations: [Citation], updated: Timestamp,
    stale: Staleness?
  ) -> [ReviewEvent] {
    let givenOn = stale?.previousClaim ?? claim
    var events: [ReviewEvent] = []
    func add(_ change: ReviewEvent.Change, at time: Timestamp, on target: ClaimID) {
      events.append(
        ReviewEvent(at: time, sequence: events.count + 1, claim: target, change: change, reviewerKey: reviewer.key))
    }
    if let verdict {
      add(.verdict(verdict, note: note), at: updated, on: givenOn)
    } else if let note {
      add(.note(note), at: updated, on: givenOn)
    }
    for citation in citations { add(.cite(citation), at: updated, on: givenOn) }
    if let stale {
      add(.carry(from: stale.previousClaim, text: stale.previousText), at: stale.since, on: claim)
    }
    return events
  }

  /// The version-1 record in `fields`.
  static func legacy(_ fields: FieldReader, claim: ClaimID, source: SourceID, reviewer: Identity) throws(RecordError)
    -> Review
  {
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
    return Review(
      claim: claim, source: source, reviewer: reviewer, verdict: try fields.optionalString("verdict"),
      note: try fields.optionalString("note"), citations: citations, updated: updated, stale: stale)
  }
}

public import ClaimModel

/// One source's records, as read from the ledger: the unit the report is computed, and cached, by.
public struct SourceInput: Sendable {
  /// The source.
  public var id: SourceID
  /// Its claims, retired ones included, in any order.
  public var claims: [Claim]
  /// Its reviews, in any order; within one claim, the order they were read in.
  public var reviews: [Review]
  /// Its assignments; the latest of each claim stands.
  public var assignments: [Assignment]
  /// Its source record, when it has one.
  public var record: SourceRecord?
  /// What the last evidence checks found for its archived citations.
  public var health: CitationHealthIndex
  /// The desk's decisions (not a claim, claimant), by claim.
  public var decisions: [ClaimID: ClaimDecision]

  /// Collects one source's records.
  public init(
    id: SourceID, claims: [Claim], reviews: [Review], assignments: [Assignment] = [], record: SourceRecord? = nil,
    health: CitationHealthIndex = CitationHealthIndex(), decisions: [ClaimID: ClaimDecision] = [:]
  ) {
    self.id = id
    self.claims = claims
    self.reviews = reviews
    self.assignments = assignments
    self.record = record
    self.health = health
    self.decisions = decisions
  }
}

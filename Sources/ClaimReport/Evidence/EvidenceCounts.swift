public import ClaimModel

/// The report's figures on citations and their evidence: how many are archived, and what the last
/// evidence check found.
public struct EvidenceCounts: Sendable, Equatable {
  /// Citations on claims that are not retired.
  public var citations = 0
  /// Those with an archived page.
  public var archived = 0
  /// Archived citations whose last check is known, by what it found.
  public var byState: [CitationHealth.State: Int] = [:]

  public init() {}

  /// Citations without an archive.
  public var unarchived: Int { citations - archived }
  /// Archived citations that a check has seen.
  public var checked: Int { byState.values.reduce(0, +) }
  /// How many checks found `state`.
  public func count(_ state: CitationHealth.State) -> Int { byState[state] ?? 0 }

  /// Counts a citation and, when it has one, its health.
  mutating func add(_ citation: Citation, health: CitationHealth?) {
    citations += 1
    if citation.archive != nil { archived += 1 }
    if let health { byState[health.state, default: 0] += 1 }
  }

  mutating func merge(_ other: EvidenceCounts) {
    citations += other.citations
    archived += other.archived
    for (state, count) in other.byState { byState[state, default: 0] += count }
  }
}

/// An archived citation whose last check says it no longer supports its verdict: the quote is gone
/// from the page, the page is gone, or the archive is damaged.
public struct EvidenceAlert: Sendable, Equatable {
  /// The cited claim.
  public var claim: Claim
  /// Whose citation.
  public var reviewer: Identity
  /// Its number among that reviewer's citations of the claim.
  public var number: Int
  public var citation: Citation
  public var health: CitationHealth

  public init(claim: Claim, reviewer: Identity, number: Int, citation: Citation, health: CitationHealth) {
    self.claim = claim
    self.reviewer = reviewer
    self.number = number
    self.citation = citation
    self.health = health
  }
}

public import ClaimModel

/// What one source adds to a report's figures: its coverage, verdict counts, reviewer totals and
/// agreement units, and the length of each of its lists. It is small (no claim text), so a report
/// can be assembled from cached tallies without reading the claims of sources nobody touched.
public struct SourceTally: Sendable, Equatable {
  /// How many entries the source has in each list of the report.
  struct ListCounts: Sendable, Equatable {
    var claims = 0
    var disputed = 0
    var flagged = 0
    var staleReviews = 0
    var backlog = 0
    var retired = 0
    /// Retired claims that still hold reviews.
    var retiredWithReviews = 0
    /// Retired claims with no replacement that still hold reviews.
    var retiredUnreplaced = 0
    /// Claims whose reviews say something.
    var reviewed = 0
    var evidenceAlerts = 0
  }

  /// The source.
  public let source: SourceID
  /// Whether the source has claims that are not retired: only then does it have coverage of its own.
  var hasClaims: Bool
  /// Its counts, reviewers and agreement units.
  var tally: Tally
  var counts: ListCounts
  /// Claims by state, in `ClaimState.allCases` order.
  var stateCounts: [Int]
  /// Reviews of claims the source does not have.
  var unmatchedReviews: Int
  /// The source's record, when it has one.
  public var record: SourceRecord?
  /// Its citations, archives and their health.
  var evidence: EvidenceCounts

  init(
    source: SourceID, hasClaims: Bool, tally: Tally, counts: ListCounts, stateCounts: [Int], unmatchedReviews: Int,
    record: SourceRecord?, evidence: EvidenceCounts = EvidenceCounts()
  ) {
    self.source = source
    self.hasClaims = hasClaims
    self.tally = tally
    self.counts = counts
    self.stateCounts = stateCounts
    self.unmatchedReviews = unmatchedReviews
    self.record = record
    self.evidence = evidence
  }

  /// The source's coverage.
  public var coverage: Coverage { tally.overall }
}

/// One source's entries in the report's lists: what a ``SourceTally`` only counts.
public struct SourceDetails: Sendable {
  /// The source.
  public let source: SourceID
  /// Its claims that are not retired, by position, with status, reviews and assignee.
  var entries: [ClaimEntry]
  /// Its retired claims, by position.
  var retired: [RetiredClaim]
  /// Its stale reviews, in claim order.
  var staleReviews: [StaleReview]
  /// Its citations whose evidence no longer holds, in claim order.
  var evidenceAlerts: [EvidenceAlert] = []
}

/// What ``ReportBuilder/section(of:config:)`` computes for one source.
public struct SourceSection: Sendable {
  /// The figures, for combining and caching.
  public var tally: SourceTally
  /// The entries, for the lists.
  public var details: SourceDetails
}

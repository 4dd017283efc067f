public import ClaimModel

/// A verification report: every figure and list, computed once by ``ReportBuilder`` and then
/// rendered by ``ReportRenderer`` in any ``ReportFormat``.
public struct VerificationReport: Sendable {
  /// The version of the JSON report layout documented in `docs/REPORT.md`.
  public static let schemaVersion = 1

  /// The commit the ledger was read at.
  public var revision: String?
  /// When the report was made.
  public var generatedAt: Timestamp
  /// The sources asked for; empty means all.
  public var sourceFilter: [SourceID]
  /// The ledger's verdict scale.
  public var scale: VerdictScale
  /// The ledger's `required_reviews`.
  public var requiredReviews: Int
  /// Coverage over all reported sources.
  public var overall: Coverage
  /// Each reported source with its coverage, by id.
  public var sources: [SourceSummary]
  /// Every claim that is not retired, by source and then position.
  public var claims: ReportList<ClaimEntry>
  /// Claims whose reviewers gave different verdicts.
  public var disputed: ReportList<ClaimEntry>
  /// Claims someone gave a flagging verdict (`refuted`, `misleading` on the standard scale).
  public var flagged: ReportList<ClaimEntry>
  /// Reviews that judged an earlier text of their claim.
  public var staleReviews: ReportList<StaleReview>
  /// Checkable claims without a verdict, oldest first.
  public var backlog: ReportList<BacklogItem>
  /// How often each verdict was given.
  public var distribution: VerdictDistribution
  /// What each reviewer did, most claims reviewed first.
  public var activity: [ReviewerActivity]
  /// How far reviewers agree.
  public var agreement: AgreementSummary
  /// Retired claims, for the record; they count nowhere else.
  public var retired: ReportList<RetiredClaim>
  /// Reviews of claims the input does not contain (within the reported sources).
  public var unmatchedReviews: Int
  /// How many claims are in each state.
  public var stateCounts: [ClaimState: Int]
  /// How many retired claims still hold reviews.
  public var retiredWithReviews: Int
  /// Claims answered by earlier checks (linked or resembling); filled in by the caller, which has
  /// the matching index.
  public var earlierChecks = EarlierChecksSection()
  /// Claims whose reviews say something (a verdict, a note or a citation), with all of it.
  public var reviewed: ReportList<ClaimEntry> = ReportList()
  /// Retired claims with no replacement that still hold reviews: reviews that count nowhere else,
  /// shown so that nobody's finding disappears with its sentence.
  public var retiredReviewed: ReportList<RetiredClaim> = ReportList()
  /// Citations whose evidence no longer holds, by the last evidence check.
  public var evidenceAlerts: ReportList<EvidenceAlert> = ReportList()
  /// Citations, archives and what the last evidence check found.
  public var evidence = EvidenceCounts()

  /// Creates a report from its parts; ``ReportBuilder/build(_:)`` is the usual way to get one.
  public init(
    revision: String?, generatedAt: Timestamp, sourceFilter: [SourceID], scale: VerdictScale, requiredReviews: Int,
    overall: Coverage, sources: [SourceSummary], claims: ReportList<ClaimEntry>, disputed: ReportList<ClaimEntry>,
    flagged: ReportList<ClaimEntry>, staleReviews: ReportList<StaleReview>, backlog: ReportList<BacklogItem>,
    distribution: VerdictDistribution, activity: [ReviewerActivity], agreement: AgreementSummary,
    retired: ReportList<RetiredClaim>, unmatchedReviews: Int, stateCounts: [ClaimState: Int], retiredWithReviews: Int
  ) {
    self.revision = revision
    self.generatedAt = generatedAt
    self.sourceFilter = sourceFilter
    self.scale = scale
    self.requiredReviews = requiredReviews
    self.overall = overall
    self.sources = sources
    self.claims = claims
    self.disputed = disputed
    self.flagged = flagged
    self.staleReviews = staleReviews
    self.backlog = backlog
    self.distribution = distribution
    self.activity = activity
    self.agreement = agreement
    self.retired = retired
    self.unmatchedReviews = unmatchedReviews
    self.stateCounts = stateCounts
    self.retiredWithReviews = retiredWithReviews
  }

  /// The scale entry of verdict `id`, if the scale has it.
  public func verdict(_ id: String) -> Verdict? { scale.verdict(id) }

  /// How verdict `id` reads: its label, or the id itself when the scale lacks it.
  public func label(ofVerdict id: String) -> String { scale.verdict(id)?.label ?? id }

  /// The summary of source `id`, if the report has one.
  public func source(_ id: SourceID) -> SourceSummary? {
    // Summaries are sorted by id.
    var low = 0
    var high = sources.count
    while low < high {
      let middle = (low + high) / 2
      if sources[middle].id < id { low = middle + 1 } else { high = middle }
    }
    return low < sources.count && sources[low].id == id ? sources[low] : nil
  }

  /// Loads one source's entries into every list; the report must come from the same tallies.
  package mutating func insert(_ details: SourceDetails) {
    let source = details.source
    let entries = details.entries
    claims.load(entries, of: source)
    disputed.load(entries.filter { $0.status.has(.disputed) }, of: source)
    flagged.load(entries.filter { $0.status.has(.flagged) }, of: source)
    staleReviews.load(details.staleReviews, of: source)
    let since = self.source(source)?.importedAt
    backlog.load(
      entries.filter { $0.status.has(.unreviewed) }.map {
        BacklogItem(claim: $0.claim, assignee: $0.assignee, waitingSince: since)
      }, of: source)
    retired.load(details.retired, of: source)
    retiredReviewed.load(details.retired.filter(\.isUnreplacedWithReviews), of: source)
    reviewed.load(entries.filter(\.hasEvidence), of: source)
    evidenceAlerts.load(details.evidenceAlerts, of: source)
  }
}

/// One source and its coverage.
public struct SourceSummary: Sendable, Equatable {
  /// The source's id.
  public var id: SourceID
  /// The source's record, when the ledger has one.
  public var record: SourceRecord?
  /// When the source was first imported, when the history says.
  public var importedAt: Timestamp?
  /// Its coverage.
  public var coverage: Coverage

  /// Collects a source's figures.
  public init(id: SourceID, record: SourceRecord?, importedAt: Timestamp?, coverage: Coverage) {
    self.id = id
    self.record = record
    self.importedAt = importedAt
    self.coverage = coverage
  }

  /// The article's title, if recorded.
  public var title: String? { record?.title }
  /// Where the article was published, if recorded.
  public var url: String? { record?.url }
}

/// A claim with its status, its reviews and who it is assigned to.
public struct ClaimEntry: Sendable, Equatable {
  /// The claim.
  public var claim: Claim
  /// Its status.
  public var status: ClaimStatus
  /// Its reviews, one per reviewer, by reviewer key.
  public var reviews: [Review]
  /// The reviewer it is assigned to, if any.
  public var assignee: Identity?
  /// What the last evidence check found for its archived citations, by the id of the event that
  /// added each (``Review/citationEventIDs``).
  public var health: [String: CitationHealth]
  /// Who made the claim, when the desk recorded it (`claims claimant`).
  public var claimant: Claimant?

  /// Collects a claim's entry.
  public init(
    claim: Claim, status: ClaimStatus, reviews: [Review], assignee: Identity?, health: [String: CitationHealth] = [:]
  ) {
    self.claim = claim
    self.status = status
    self.reviews = reviews
    self.assignee = assignee
    self.health = health
  }

  /// The last check's health of citation `index` (from 0) of `review`, if it was checked.
  public func health(of review: Review, citation index: Int) -> CitationHealth? {
    guard index < review.citationEventIDs.count else { return nil }
    return health[review.citationEventIDs[index]]
  }

  /// Whether any review says something: a verdict, a note or a citation.
  public var hasEvidence: Bool {
    reviews.contains { $0.verdict != nil || $0.note != nil || !$0.citations.isEmpty }
  }

  /// The reviews that give a verdict.
  public var verdictReviews: [Review] { reviews.filter { $0.verdict != nil } }
}

/// A review that judged an earlier text of its claim.
public struct StaleReview: Sendable, Equatable {
  /// The claim as it reads now.
  public var claim: Claim
  /// The review.
  public var review: Review
  /// What changed, and when.
  public var staleness: Review.Staleness

  /// Collects a stale review.
  public init(claim: Claim, review: Review, staleness: Review.Staleness) {
    self.claim = claim
    self.review = review
    self.staleness = staleness
  }
}

/// A checkable claim still waiting for a verdict.
public struct BacklogItem: Sendable, Equatable {
  /// The claim.
  public var claim: Claim
  /// Who it is assigned to, if anyone.
  public var assignee: Identity?
  /// When its source was imported, when the history says.
  public var waitingSince: Timestamp?

  /// Collects a backlog entry.
  public init(claim: Claim, assignee: Identity?, waitingSince: Timestamp?) {
    self.claim = claim
    self.assignee = assignee
    self.waitingSince = waitingSince
  }
}

/// A claim retired by a later import, with the reviews it still holds.
public struct RetiredClaim: Sendable, Equatable {
  /// The claim.
  public var claim: Claim
  /// Its reviews, one per reviewer, by reviewer key.
  public var reviews: [Review]
  /// What its reviews add up to, as if it were live.
  public var status: ClaimStatus
  /// The claims that replace it (whose `supersedes` name it), by id; empty when the sentence left
  /// the article.
  public var replacedBy: [ClaimID]

  /// Collects a retired claim.
  public init(claim: Claim, reviews: [Review], status: ClaimStatus, replacedBy: [ClaimID]) {
    self.claim = claim
    self.reviews = reviews
    self.status = status
    self.replacedBy = replacedBy
  }

  /// How many reviews it has.
  public var reviewCount: Int { reviews.count }

  /// Whether it holds reviews and nothing replaced it: those reviews were carried nowhere.
  public var isUnreplacedWithReviews: Bool { !reviews.isEmpty && replacedBy.isEmpty }
}

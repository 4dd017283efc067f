public import ClaimModel

/// Everything a report is computed from, as read from the ledger at one commit.
///
/// The builder never reads anything else, so the same input always gives the same report.
public struct ReportInput: Sendable {
  /// The ledger's settings: the verdict scale and how many reviews verify a claim.
  public var config: LedgerConfig
  /// What is known of each source; a source that has claims may lack a record.
  public var sources: [SourceRecord]
  /// Every claim, retired ones included.
  public var claims: [Claim]
  /// Every review.
  public var reviews: [Review]
  /// The standing assignment of each claim (the latest one).
  public var assignments: [Assignment]
  /// The history of review actions, oldest or newest first; may be empty.
  public var actions: [ReportAction]
  /// The commit the ledger was read at.
  public var revision: String?
  /// When the report was made.
  public var generatedAt: Timestamp
  /// The sources to report on; empty means all.
  public var sourceFilter: [SourceID]
  /// What the last evidence checks found.
  public var health: CitationHealthIndex
  /// The desk's decisions (not a claim, claimant), by claim.
  public var decisions: [ClaimID: ClaimDecision]

  /// Collects the inputs of a report.
  public init(
    config: LedgerConfig, sources: [SourceRecord], claims: [Claim], reviews: [Review],
    assignments: [Assignment] = [], actions: [ReportAction] = [], revision: String? = nil,
    generatedAt: Timestamp, sourceFilter: [SourceID] = [], health: CitationHealthIndex = CitationHealthIndex(),
    decisions: [ClaimID: ClaimDecision] = [:]
  ) {
    self.config = config
    self.sources = sources
    self.claims = claims
    self.reviews = reviews
    self.assignments = assignments
    self.actions = actions
    self.revision = revision
    self.generatedAt = generatedAt
    self.sourceFilter = sourceFilter
    self.health = health
    self.decisions = decisions
  }
}

/// One step of the ledger's history, as recorded in a commit's trailers.
public struct ReportAction: Sendable, Equatable {
  /// The kinds of action the ledger records, in the order reports list them.
  public static let knownKinds: [CommitAction] = [.verdict, .cite, .uncite, .note, .assign, .unassign, .import]

  /// What was done: `verdict`, `cite`, `uncite`, `note`, `assign`, `unassign`, `import`, or a
  /// kind a newer ledger records (counted all the same).
  public var kind: CommitAction
  /// Who did it.
  public var reviewer: Identity
  /// The claim acted on, when the action concerns one claim.
  public var claim: ClaimID?
  /// The source acted on, when known.
  public var source: SourceID?
  /// When.
  public var time: Timestamp

  /// Describes one action.
  public init(kind: CommitAction, reviewer: Identity, claim: ClaimID? = nil, source: SourceID? = nil, time: Timestamp) {
    self.kind = kind
    self.reviewer = reviewer
    self.claim = claim
    self.source = source
    self.time = time
  }
}

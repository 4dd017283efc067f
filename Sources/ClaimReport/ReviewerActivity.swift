public import ClaimModel

/// What one reviewer has done.
public struct ReviewerActivity: Sendable, Equatable {
  /// How many actions of one kind the history records.
  public struct ActionCount: Sendable, Equatable {
    /// The action kind (`verdict`, `cite`, …).
    public var kind: CommitAction
    /// How many.
    public var count: Int

    /// Collects one count.
    public init(kind: CommitAction, count: Int) {
      self.kind = kind
      self.count = count
    }
  }

  /// The reviewer.
  public var reviewer: Identity
  /// Actions by kind: the known kinds in ``ReportAction/knownKinds`` order, then others
  /// alphabetically; kinds never done are left out.
  public var actions: [ActionCount]
  /// Claims the reviewer currently gives a verdict.
  public var claimsReviewed: Int
  /// Citations on those reviews.
  public var citations: Int
  /// The reviewer's reviews that judged an earlier text of their claim.
  public var staleReviews: Int
  /// Checkable claims assigned to the reviewer that they have not given a verdict.
  public var openAssignments: Int
  /// The reviewer's latest action or review change.
  public var lastActive: Timestamp?

  /// Collects one reviewer's figures.
  public init(
    reviewer: Identity, actions: [ActionCount], claimsReviewed: Int, citations: Int, staleReviews: Int,
    openAssignments: Int, lastActive: Timestamp?
  ) {
    self.reviewer = reviewer
    self.actions = actions
    self.claimsReviewed = claimsReviewed
    self.citations = citations
    self.staleReviews = staleReviews
    self.openAssignments = openAssignments
    self.lastActive = lastActive
  }

  /// Citations per verdict given, or nil when the reviewer gives none.
  public var citationsPerVerdict: Double? {
    claimsReviewed > 0 ? Double(citations) / Double(claimsReviewed) : nil
  }

  /// The number of actions of `kind`.
  public func count(of kind: CommitAction) -> Int {
    actions.first { $0.kind == kind }?.count ?? 0
  }
}

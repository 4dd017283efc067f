/// Where a claim stands in review: the definitions `claims list --status` and the report share.
public struct ClaimStatus: Sendable, Equatable {
  /// A headline or sentence that not every reviewer with a verdict called `opinion`.
  public var isCheckable: Bool
  /// The distinct verdicts reviewers gave, in scale order (unknown ones last).
  public var verdicts: [String]
  /// At least one reviewer gave a verdict.
  public var isReviewed: Bool
  /// At least one reviewer cited a source.
  public var isCited: Bool
  /// Reviewers' verdicts differ.
  public var isDisputed: Bool
  /// Some reviewer gave a verdict that flags the claim (`refuted`, `misleading`).
  public var isFlagged: Bool
  /// At least `required_reviews` current (not stale) verdicts, each with a citation, all the same.
  public var isVerified: Bool
  /// Some review was given to an earlier text of the claim.
  public var hasStaleReviews: Bool

  public init(claim: Claim, reviews: [Review], config: LedgerConfig) {
    let given = reviews.compactMap(\.verdict)
    var distinct: [String] = []
    for verdict in config.scale.ids where given.contains(verdict) { distinct.append(verdict) }
    for verdict in given where !distinct.contains(verdict) { distinct.append(verdict) }
    verdicts = distinct
    isReviewed = !given.isEmpty
    isCited = reviews.contains { !$0.citations.isEmpty }
    isDisputed = distinct.count > 1
    isFlagged = distinct.contains { config.scale.verdict($0)?.flags == true }
    hasStaleReviews = reviews.contains { $0.stale != nil }
    isCheckable = claim.kind.isCheckable && !(isReviewed && given.allSatisfy { $0 == VerdictScale.opinionID })
    let supporting = reviews.filter { $0.verdict != nil && $0.stale == nil && !$0.citations.isEmpty }
    isVerified = isCheckable && !isDisputed && supporting.count >= config.requiredReviews
  }
}

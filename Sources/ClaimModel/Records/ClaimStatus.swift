/// Where a claim stands, reduced to one word: what the claims table filters on.
public enum ClaimState: String, Sendable, CaseIterable {
  /// Checkable, and nobody has given a verdict yet.
  case unreviewed
  /// At least one verdict, no disagreement, but not (yet) verified.
  case reviewed
  /// Enough cited, agreeing verdicts (see ``ClaimStatus/isVerified``).
  case verified
  /// Reviewers gave two or more different verdicts.
  case disputed
  /// Not a kind reviewers check (caption, byline, boilerplate), every verdict given was `opinion`,
  /// or the desk decided it is not a claim.
  case notCheckable = "not-checkable"

  /// How the state reads in reports.
  public var label: String {
    switch self {
    case .notCheckable: "not checkable"
    case .unreviewed: "unreviewed"
    case .disputed: "disputed"
    case .verified: "verified"
    case .reviewed: "reviewed"
    }
  }
}

/// What the reviews of one claim add up to: the definitions `claims list --status` and the report
/// share (docs/REPORT.md). Its flags are facts of the reviews; which statuses a claim is listed
/// under (none but `dismissed` for a claim the desk dismissed) is ``names(isRetired:)``.
public struct ClaimStatus: Sendable, Equatable {
  /// Headline or sentence, not a claim whose every verdict is `opinion`, and not one the desk
  /// decided is not a claim.
  public var isCheckable: Bool
  /// The desk decided it is not a claim to check (`claims dismiss`), whatever its verdicts.
  public var isNotAClaim: Bool = false
  /// How many reviews give a verdict.
  public var verdictCount: Int
  /// How many current (not stale) reviews give a verdict and cite at least one source.
  public var citedVerdictCount: Int
  /// How many citations the reviews hold in all, with or without a verdict.
  public var citationCount: Int
  /// The different verdict ids given: scale order first, ids the scale lacks after, alphabetically.
  public var verdicts: [String]
  /// Checkable, at least `required_reviews` current cited verdicts, and no disagreement.
  public var isVerified: Bool
  /// A verdict whose scale entry `flags` was given by someone.
  public var isFlagged: Bool
  /// Some review judged an earlier text of the claim.
  public var hasStaleReviews: Bool

  /// Creates a status from its parts; ``ClaimAssessment/status(of:reviews:scale:requiredReviews:)``
  /// is the usual way to get one.
  public init(
    isCheckable: Bool, verdictCount: Int, citedVerdictCount: Int, citationCount: Int, verdicts: [String],
    isVerified: Bool, isFlagged: Bool, hasStaleReviews: Bool
  ) {
    self.isCheckable = isCheckable
    self.verdictCount = verdictCount
    self.citedVerdictCount = citedVerdictCount
    self.citationCount = citationCount
    self.verdicts = verdicts
    self.isVerified = isVerified
    self.isFlagged = isFlagged
    self.hasStaleReviews = hasStaleReviews
  }

  /// At least one verdict.
  public var isReviewed: Bool { verdictCount > 0 }
  /// At least one citation.
  public var isCited: Bool { citationCount > 0 }
  /// Two or more different verdicts.
  public var isDisputed: Bool { verdicts.count >= 2 }
  /// The verdict every reviewer gave, when there is at least one and no disagreement.
  public var consensus: String? { verdicts.count == 1 ? verdicts.first : nil }

  /// The one-word summary; a state earlier in this list wins: not checkable, disputed, verified,
  /// reviewed, unreviewed.
  public var state: ClaimState {
    if !isCheckable { return .notCheckable }
    if isDisputed { return .disputed }
    if isVerified { return .verified }
    return isReviewed ? .reviewed : .unreviewed
  }
}

/// Computes a ``ClaimStatus``; shared by the report and `claims list --status`.
public enum ClaimAssessment {
  /// The status of `claim` given its reviews.
  ///
  /// Linear in the number of reviews and allocation-free for a claim with one verdict, so it can run
  /// over every claim of a large ledger.
  /// - Parameters:
  ///   - reviews: the claim's reviews; reviews of other claims are ignored, reviews without a verdict
  ///     count only for citations and staleness.
  ///   - scale: the ledger's verdict scale, for `flags` and the order of verdicts.
  ///   - requiredReviews: the ledger's `required_reviews` (values below 1 count as 1).
  ///   - isNotAClaim: whether the desk decided the claim is not one to check (``ClaimDecision``).
  public static func status(
    of claim: Claim, reviews: [Review], scale: VerdictScale, requiredReviews: Int, isNotAClaim: Bool = false
  ) -> ClaimStatus {
    var verdicts: [String] = []
    var verdictCount = 0
    var citedVerdictCount = 0
    var citationCount = 0
    var opinionCount = 0
    var isFlagged = false
    var hasStaleReviews = false
    for review in reviews where review.claim == claim.id {
      citationCount += review.citations.count
      if review.stale != nil { hasStaleReviews = true }
      guard let verdict = review.verdict else { continue }
      verdictCount += 1
      // A stale review judged other wording: it cannot vouch for this text.
      if !review.citations.isEmpty, review.stale == nil { citedVerdictCount += 1 }
      if verdict == VerdictScale.opinionID { opinionCount += 1 }
      if !verdicts.contains(verdict) {
        verdicts.append(verdict)
        if !isFlagged, scale.verdicts.contains(where: { $0.id == verdict && $0.flags }) { isFlagged = true }
      }
    }
    if verdicts.count > 1 { verdicts = ordered(verdicts, on: scale) }
    let isOpinionOnly = verdictCount > 0 && opinionCount == verdictCount
    let isCheckable = claim.kind.isCheckable && !isOpinionOnly && !isNotAClaim
    let isVerified = isCheckable && verdicts.count == 1 && citedVerdictCount >= max(1, requiredReviews)
    var status = ClaimStatus(
      isCheckable: isCheckable, verdictCount: verdictCount, citedVerdictCount: citedVerdictCount,
      citationCount: citationCount, verdicts: verdicts, isVerified: isVerified, isFlagged: isFlagged,
      hasStaleReviews: hasStaleReviews)
    status.isNotAClaim = isNotAClaim
    return status
  }

  /// Verdict ids in scale order, ids the scale lacks after them in alphabetical order.
  static func ordered(_ ids: [String], on scale: VerdictScale) -> [String] {
    func position(_ id: String) -> Int { scale.verdicts.firstIndex { $0.id == id } ?? Int.max }
    return ids.sorted { lhs, rhs in
      let (left, right) = (position(lhs), position(rhs))
      return left != right ? left < right : lhs < rhs
    }
  }
}

extension ClaimStatus {
  /// The status of `claim` given its reviews, the desk's decision and the ledger's settings.
  public init(claim: Claim, reviews: [Review], config: LedgerConfig, decision: ClaimDecision? = nil) {
    self = ClaimAssessment.status(
      of: claim, reviews: reviews, scale: config.scale, requiredReviews: config.requiredReviews,
      isNotAClaim: decision?.isNotAClaim ?? false)
  }
}

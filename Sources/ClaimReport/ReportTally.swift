import ClaimModel

/// The running totals ``ReportBuilder`` keeps while it walks the claims once.
struct Tally {
  /// One reviewer's running totals.
  struct Reviewer {
    var identity: Identity
    /// When `identity` was seen; the spelling of the newest review wins.
    var identitySeen: Timestamp?
    var identityFromReview = false
    var claimsReviewed = 0
    var citations = 0
    var staleReviews = 0
    var openAssignments = 0
    var lastActive: Timestamp?
    var actions: [String: Int] = [:]
  }

  let scale: VerdictScale
  var entries: [ClaimEntry] = []
  var overall = Coverage()
  var coverageBySource: [SourceID: Coverage] = [:]
  var staleReviews: [StaleReview] = []
  var reviewsByVerdict: [String: Int] = [:]
  var claimsByVerdict: [String: Int] = [:]
  var disputedClaims = 0
  var totalVerdicts = 0
  var agreementUnits: [[Rating]] = []
  var reviewers: [String: Reviewer] = [:]

  init(scale: VerdictScale) {
    self.scale = scale
  }

  /// The display identity of every reviewer, by key.
  var identities: [String: Identity] { reviewers.mapValues(\.identity) }

  /// Counts one claim and its reviews.
  mutating func add(_ entry: ClaimEntry) {
    entries.append(entry)
    let (claim, status) = (entry.claim, entry.status)
    overall.add(claim, status)
    coverageBySource[claim.source, default: Coverage()].add(claim, status)
    if status.isDisputed { disputedClaims += 1 }
    if let consensus = status.consensus { claimsByVerdict[consensus, default: 0] += 1 }
    var ratings: [Rating] = []
    for review in entry.reviews {
      let key = review.reviewer.key
      see(review.reviewer, at: review.updated, fromReview: true)
      if let staleness = review.stale {
        staleReviews.append(StaleReview(claim: claim, review: review, staleness: staleness))
        reviewers[key]?.staleReviews += 1
      }
      guard let verdict = review.verdict else { continue }
      totalVerdicts += 1
      reviewsByVerdict[verdict, default: 0] += 1
      reviewers[key]?.claimsReviewed += 1
      reviewers[key]?.citations += review.citations.count
      ratings.append(Rating(reviewer: review.reviewer, verdict: verdict))
    }
    if ratings.count >= 2 { agreementUnits.append(ratings) }
    if let assignee = entry.assignee, status.isCheckable,
      !entry.reviews.contains(where: { $0.reviewer.key == assignee.key && $0.verdict != nil })
    {
      see(assignee, at: nil, fromReview: false)
      reviewers[assignee.key]?.openAssignments += 1
    }
  }

  /// Counts the actions on the reported sources by reviewer and kind.
  mutating func countActions(_ actions: [ReportAction], scope: SourceScope, claims: [Claim]) {
    var sourceOfClaim: [ClaimID: SourceID] = [:]
    if !scope.isEverything {
      for claim in claims { sourceOfClaim[claim.id] = claim.source }
    }
    for action in actions {
      if !scope.isEverything {
        guard let source = action.source ?? action.claim.flatMap({ sourceOfClaim[$0] }), scope.includes(source)
        else { continue }
      }
      let key = action.reviewer.key
      see(action.reviewer, at: action.time, fromReview: false)
      reviewers[key]?.actions[action.kind, default: 0] += 1
    }
  }

  /// Records that `identity` was active at `time` (nil for being assigned, which is not activity).
  /// Reviews name reviewers better than actions, and the newest spelling is kept.
  private mutating func see(_ identity: Identity, at time: Timestamp?, fromReview: Bool) {
    let key = identity.key
    var reviewer =
      reviewers[key] ?? Reviewer(identity: identity, identitySeen: time, identityFromReview: fromReview)
    let isBetter =
      (fromReview && !reviewer.identityFromReview)
      || (fromReview == reviewer.identityFromReview && time.map { $0 > (reviewer.identitySeen ?? $0) } == true)
    if isBetter {
      reviewer.identity = identity
      reviewer.identitySeen = time
      reviewer.identityFromReview = fromReview
    }
    if let time, reviewer.lastActive.map({ $0 < time }) ?? true { reviewer.lastActive = time }
    reviewers[key] = reviewer
  }

  func distribution() -> VerdictDistribution {
    var entries = scale.verdicts.map { verdict in
      VerdictDistribution.Entry(
        verdict: verdict.id, reviews: reviewsByVerdict[verdict.id] ?? 0, claims: claimsByVerdict[verdict.id] ?? 0)
    }
    let known = Set(scale.ids)
    for id in reviewsByVerdict.keys.filter({ !known.contains($0) }).sorted() {
      entries.append(.init(verdict: id, reviews: reviewsByVerdict[id] ?? 0, claims: claimsByVerdict[id] ?? 0))
    }
    return VerdictDistribution(entries: entries, disputedClaims: disputedClaims, totalReviews: totalVerdicts)
  }

  func activity() -> [ReviewerActivity] {
    let known = ReportAction.knownKinds
    return reviewers.values.map { reviewer in
      var counts = known.compactMap { kind in
        reviewer.actions[kind].map { ReviewerActivity.ActionCount(kind: kind, count: $0) }
      }
      for kind in reviewer.actions.keys.filter({ !known.contains($0) }).sorted() {
        counts.append(.init(kind: kind, count: reviewer.actions[kind] ?? 0))
      }
      return ReviewerActivity(
        reviewer: reviewer.identity, actions: counts, claimsReviewed: reviewer.claimsReviewed,
        citations: reviewer.citations, staleReviews: reviewer.staleReviews,
        openAssignments: reviewer.openAssignments, lastActive: reviewer.lastActive)
    }.sorted { lhs, rhs in
      if lhs.claimsReviewed != rhs.claimsReviewed { return lhs.claimsReviewed > rhs.claimsReviewed }
      return lhs.reviewer.key < rhs.reviewer.key
    }
  }
}

import ClaimModel

/// The running totals of a report: first of one source, while ``ReportBuilder`` walks its claims
/// once, then of all of them, merged source by source in id order.
///
/// Reviewers and verdicts are numbered as they are first seen, so the per-review work is array
/// indexing rather than dictionary updates keyed by strings. ``merge(_:)`` numbers another tally's
/// reviewers and verdicts exactly as walking its claims after this tally's would have, so merged
/// per-source tallies give the same figures, to the last bit, as one walk over every claim.
struct Tally: Sendable, Equatable {
  /// Equal counts, reviewers and units; the lookups built from them do not count.
  static func == (lhs: Tally, rhs: Tally) -> Bool {
    lhs.overall == rhs.overall && lhs.disputedClaims == rhs.disputedClaims && lhs.totalVerdicts == rhs.totalVerdicts
      && lhs.verdictIDs == rhs.verdictIDs && lhs.reviewsByVerdict == rhs.reviewsByVerdict
      && lhs.claimsByVerdict == rhs.claimsByVerdict && lhs.agreementUnits == rhs.agreementUnits
      && lhs.reviewers == rhs.reviewers
  }

  /// One reviewer's running totals.
  struct Reviewer: Sendable, Equatable {
    var key: String
    var identity: Identity
    /// When `identity` was seen; the spelling of the newest review wins.
    var identitySeen: Timestamp?
    var identityFromReview = false
    var claimsReviewed = 0
    var citations = 0
    var staleReviews = 0
    var openAssignments = 0
    var lastActive: Timestamp?
    var actions: [CommitAction: Int] = [:]
  }

  /// The claims counted, over every source merged.
  var overall = Coverage()
  var disputedClaims = 0
  var totalVerdicts = 0
  /// Verdict ids by code: the scale's first, in order, then others as they turn up.
  private(set) var verdictIDs: [String]
  private var verdictCodes: [String: Int] = [:]
  private(set) var reviewsByVerdict: [Int]
  private(set) var claimsByVerdict: [Int]
  private(set) var agreementUnits: [[Rating]] = []
  private(set) var reviewers: [Reviewer] = []
  private var reviewerIndex: [String: Int] = [:]

  init(scale: VerdictScale) {
    verdictIDs = []
    for verdict in scale.verdicts where verdictCodes[verdict.id] == nil {
      verdictCodes[verdict.id] = verdictIDs.count
      verdictIDs.append(verdict.id)
    }
    reviewsByVerdict = Array(repeating: 0, count: verdictIDs.count)
    claimsByVerdict = reviewsByVerdict
  }

  /// A tally from its parts, as a cache kept them; nil when they do not fit together.
  init?(
    overall: Coverage, disputedClaims: Int, totalVerdicts: Int, verdictIDs: [String], reviewsByVerdict: [Int],
    claimsByVerdict: [Int], agreementUnits: [[Rating]], reviewers: [Reviewer]
  ) {
    guard reviewsByVerdict.count == verdictIDs.count, claimsByVerdict.count == verdictIDs.count,
      agreementUnits.allSatisfy({ unit in
        unit.allSatisfy {
          $0.rater >= 0 && $0.rater < reviewers.count && $0.verdict >= 0 && $0.verdict < verdictIDs.count
        }
      })
    else { return nil }
    self.overall = overall
    self.disputedClaims = disputedClaims
    self.totalVerdicts = totalVerdicts
    self.verdictIDs = verdictIDs
    self.reviewsByVerdict = reviewsByVerdict
    self.claimsByVerdict = claimsByVerdict
    self.agreementUnits = agreementUnits
    self.reviewers = reviewers
    // The lookups are built when first needed: a cached source's tally is only merged from,
    // and building two dictionaries for each of thousands of sources showed in profiles.
  }

  /// Builds the lookups of a tally made from its parts, before its first change.
  private mutating func indexIfNeeded() {
    if verdictCodes.count != verdictIDs.count {
      verdictCodes = [:]
      for (code, id) in verdictIDs.enumerated() where verdictCodes[id] == nil { verdictCodes[id] = code }
    }
    if reviewerIndex.count != reviewers.count {
      reviewerIndex = [:]
      for (index, reviewer) in reviewers.enumerated() where reviewerIndex[reviewer.key] == nil {
        reviewerIndex[reviewer.key] = index
      }
    }
  }

  /// Every reviewer's display identity, by reviewer number.
  var identities: [Identity] { reviewers.map(\.identity) }

  /// Counts one claim and its reviews; `reviewerKeys` holds the key of each review's reviewer.
  mutating func add(_ entry: ClaimEntry, reviewerKeys: [String]) {
    let (claim, status) = (entry.claim, entry.status)
    overall.add(claim, status)
    if status.isDisputed { disputedClaims += 1 }
    if let consensus = status.consensus { claimsByVerdict[code(of: consensus)] += 1 }
    var ratings: [Rating] = []
    for (review, key) in zip(entry.reviews, reviewerKeys) {
      let reviewer = see(review.reviewer, key: key, at: review.updated, fromReview: true)
      if review.stale != nil { reviewers[reviewer].staleReviews += 1 }
      guard let verdict = review.verdict else { continue }
      let verdictCode = code(of: verdict)
      totalVerdicts += 1
      reviewsByVerdict[verdictCode] += 1
      reviewers[reviewer].claimsReviewed += 1
      reviewers[reviewer].citations += review.citations.count
      ratings.append(Rating(rater: reviewer, verdict: verdictCode))
    }
    if ratings.count >= 2 { agreementUnits.append(ratings) }
    if let assignee = entry.assignee, status.isCheckable {
      let key = assignee.key
      if !zip(entry.reviews, reviewerKeys).contains(where: { $0.1 == key && $0.0.verdict != nil }) {
        let reviewer = see(assignee, key: key, at: nil, fromReview: false)
        reviewers[reviewer].openAssignments += 1
      }
    }
  }

  /// Counts the actions on the reported sources by reviewer and kind.
  mutating func countActions(_ actions: [ReportAction], scope: SourceScope, sourceOfClaim: [ClaimID: SourceID]) {
    for action in actions {
      if !scope.isEverything {
        guard let source = action.source ?? action.claim.flatMap({ sourceOfClaim[$0] }), scope.includes(source)
        else { continue }
      }
      let reviewer = see(action.reviewer, key: action.reviewer.key, at: action.time, fromReview: false)
      reviewers[reviewer].actions[action.kind, default: 0] += 1
    }
  }

  /// The code of verdict `id`, numbering it if new.
  private mutating func code(of id: String) -> Int {
    indexIfNeeded()
    if let code = verdictCodes[id] { return code }
    verdictCodes[id] = verdictIDs.count
    verdictIDs.append(id)
    reviewsByVerdict.append(0)
    claimsByVerdict.append(0)
    return verdictIDs.count - 1
  }

  /// Records that `identity` was active at `time` (nil for being assigned, which is not activity)
  /// and returns the reviewer's number. Reviews name reviewers better than actions, and the
  /// newest spelling is kept.
  private mutating func see(_ identity: Identity, key: String, at time: Timestamp?, fromReview: Bool) -> Int {
    indexIfNeeded()
    guard let index = reviewerIndex[key] else {
      reviewerIndex[key] = reviewers.count
      reviewers.append(
        Reviewer(
          key: key, identity: identity, identitySeen: time, identityFromReview: fromReview, lastActive: time))
      return reviewers.count - 1
    }
    let current = reviewers[index]
    let isBetter =
      (fromReview && !current.identityFromReview)
      || (fromReview == current.identityFromReview && time.map { $0 > (current.identitySeen ?? $0) } == true)
    if isBetter {
      reviewers[index].identity = identity
      reviewers[index].identitySeen = time
      reviewers[index].identityFromReview = fromReview
    }
    if let time, current.lastActive.map({ $0 < time }) ?? true { reviewers[index].lastActive = time }
    return index
  }

  /// Adds another tally's counts, numbering its new reviewers and verdicts after this one's in
  /// the order it first saw them: as if its claims had been walked after these.
  mutating func merge(_ other: Tally) {
    overall.add(other.overall)
    disputedClaims += other.disputedClaims
    totalVerdicts += other.totalVerdicts
    var verdictMap: [Int] = []
    verdictMap.reserveCapacity(other.verdictIDs.count)
    for (code, id) in other.verdictIDs.enumerated() {
      let global = self.code(of: id)
      verdictMap.append(global)
      reviewsByVerdict[global] += other.reviewsByVerdict[code]
      claimsByVerdict[global] += other.claimsByVerdict[code]
    }
    var raterMap: [Int] = []
    raterMap.reserveCapacity(other.reviewers.count)
    for reviewer in other.reviewers {
      // The other tally's choice of spelling stands for every sighting it made: the newest review
      // if any, else the first assignment, so one sighting here decides as all of them would.
      let index = see(
        reviewer.identity, key: reviewer.key, at: reviewer.identitySeen, fromReview: reviewer.identityFromReview)
      raterMap.append(index)
      if let time = reviewer.lastActive, reviewers[index].lastActive.map({ $0 < time }) ?? true {
        reviewers[index].lastActive = time
      }
      reviewers[index].claimsReviewed += reviewer.claimsReviewed
      reviewers[index].citations += reviewer.citations
      reviewers[index].staleReviews += reviewer.staleReviews
      reviewers[index].openAssignments += reviewer.openAssignments
      reviewers[index].actions.merge(reviewer.actions, uniquingKeysWith: +)
    }
    agreementUnits.reserveCapacity(agreementUnits.count + other.agreementUnits.count)
    for unit in other.agreementUnits {
      agreementUnits.append(unit.map { Rating(rater: raterMap[$0.rater], verdict: verdictMap[$0.verdict]) })
    }
  }

  func distribution(scale: VerdictScale) -> VerdictDistribution {
    let onScale = scale.verdicts.count
    var entries = (0..<min(onScale, verdictIDs.count)).map {
      VerdictDistribution.Entry(verdict: verdictIDs[$0], reviews: reviewsByVerdict[$0], claims: claimsByVerdict[$0])
    }
    let others = (onScale..<max(onScale, verdictIDs.count)).sorted { verdictIDs[$0] < verdictIDs[$1] }
    for code in others {
      entries.append(.init(verdict: verdictIDs[code], reviews: reviewsByVerdict[code], claims: claimsByVerdict[code]))
    }
    return VerdictDistribution(entries: entries, disputedClaims: disputedClaims, totalReviews: totalVerdicts)
  }

  func activity() -> [ReviewerActivity] {
    let known = ReportAction.knownKinds
    return reviewers.map { reviewer in
      var counts = known.compactMap { kind in
        reviewer.actions[kind].map { ReviewerActivity.ActionCount(kind: kind, count: $0) }
      }
      for kind in reviewer.actions.keys.filter({ !known.contains($0) }).sorted(by: { $0.rawValue < $1.rawValue }) {
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

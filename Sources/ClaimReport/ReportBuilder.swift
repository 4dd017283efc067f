import ClaimModel

/// Computes a ``VerificationReport`` from a ``ReportInput``.
///
/// One pass over the claims after grouping reviews and assignments by claim in dictionaries, so
/// the work grows with the size of the ledger, not its square.
public enum ReportBuilder {
  /// The report of `input`.
  public static func build(_ input: ReportInput) -> VerificationReport {
    let scope = SourceScope(input.sourceFilter)
    let scale = input.config.scale
    let requiredReviews = max(1, input.config.requiredReviews)

    var reviewsByClaim: [ClaimKey: [Review]] = [:]
    reviewsByClaim.reserveCapacity(input.reviews.count)
    for review in input.reviews where scope.includes(review.source) {
      reviewsByClaim[ClaimKey(review.source, review.claim), default: []].append(review)
    }
    let assignees = standingAssignees(input.assignments, scope: scope)
    let importTimes = importTimes(input.actions)

    var retired: [RetiredClaim] = []
    var claimsBySource: [SourceID: [Claim]] = [:]
    for claim in input.claims where scope.includes(claim.source) {
      if claim.isRetired {
        let reviews = reviewsByClaim.removeValue(forKey: ClaimKey(claim.source, claim.id)) ?? []
        retired.append(RetiredClaim(claim: claim, reviewCount: reviews.count))
      } else {
        claimsBySource[claim.source, default: []].append(claim)
      }
    }
    retired.sort { inSourceOrder($0.claim, $1.claim) }

    // Source by source, so claims sort by position alone and coverage needs no lookup per claim.
    var tally = Tally(scale: scale)
    tally.entries.reserveCapacity(input.claims.count)
    var ranges: [(source: SourceID, entries: Range<Int>)] = []
    for source in claimsBySource.keys.sorted() {
      var claims = claimsBySource.removeValue(forKey: source) ?? []
      claims.sort { $0.ordinal != $1.ordinal ? $0.ordinal < $1.ordinal : $0.id < $1.id }
      let first = tally.entries.count
      var coverage = Coverage()
      for claim in claims {
        let key = ClaimKey(claim.source, claim.id)
        let (reviews, reviewerKeys) = onePerReviewer(reviewsByClaim.removeValue(forKey: key) ?? [])
        let status = ClaimAssessment.status(
          of: claim, reviews: reviews, scale: scale, requiredReviews: requiredReviews)
        coverage.add(claim, status)
        tally.add(
          ClaimEntry(claim: claim, status: status, reviews: reviews, assignee: assignees[key]),
          reviewerKeys: reviewerKeys)
      }
      tally.coverageBySource[source] = coverage
      ranges.append((source, first..<tally.entries.count))
    }
    tally.countActions(input.actions, scope: scope, claims: input.claims)

    // Oldest import first: sources with a known import time by that time, then the others by id.
    var backlog: [BacklogItem] = []
    for (source, entries) in ranges.sorted(by: { olderFirst($0.source, $1.source, importTimes) }) {
      let since = importTimes[source]
      for entry in tally.entries[entries] where entry.status.isCheckable && !entry.status.isReviewed {
        backlog.append(BacklogItem(claim: entry.claim, assignee: entry.assignee, waitingSince: since))
      }
    }

    return VerificationReport(
      revision: input.revision, generatedAt: input.generatedAt, sourceFilter: input.sourceFilter, scale: scale,
      requiredReviews: requiredReviews, overall: tally.overall,
      sources: sourceSummaries(input.sources, scope: scope, tally: tally, importTimes: importTimes),
      claims: tally.entries, disputed: tally.entries.filter(\.status.isDisputed),
      flagged: tally.entries.filter(\.status.isFlagged), staleReviews: tally.staleReviews, backlog: backlog,
      distribution: tally.distribution(), activity: tally.activity(),
      agreement: AgreementAnalysis.summarize(
        units: tally.agreementUnits, raters: tally.identities, verdicts: tally.verdictIDs, scale: scale),
      retired: retired, unmatchedReviews: reviewsByClaim.values.reduce(0) { $0 + $1.count })
  }

  /// Claims by source, then position, then id.
  static func inSourceOrder(_ lhs: Claim, _ rhs: Claim) -> Bool {
    if lhs.source != rhs.source { return lhs.source < rhs.source }
    if lhs.ordinal != rhs.ordinal { return lhs.ordinal < rhs.ordinal }
    return lhs.id < rhs.id
  }

  /// Backlog order of sources: those with a known import time first, oldest first; then by id.
  private static func olderFirst(_ lhs: SourceID, _ rhs: SourceID, _ times: [SourceID: Timestamp]) -> Bool {
    switch (times[lhs], times[rhs]) {
    case (let left?, let right?) where left != right: return left < right
    case (.some, nil): return true
    case (nil, .some): return false
    default: return lhs < rhs
    }
  }

  /// The reviews sorted by reviewer key, keeping only the latest when a reviewer appears twice
  /// (two spellings of one address, say), so no reviewer counts double; with each one's key,
  /// computed once because it lowercases.
  private static func onePerReviewer(_ reviews: [Review]) -> (reviews: [Review], keys: [String]) {
    let keys = reviews.map(\.reviewer.key)
    guard reviews.count > 1 else { return (reviews, keys) }
    let order = keys.indices.sorted { lhs, rhs in
      keys[lhs] != keys[rhs] ? keys[lhs] < keys[rhs] : reviews[lhs].updated > reviews[rhs].updated
    }
    var kept: [Review] = []
    var keptKeys: [String] = []
    kept.reserveCapacity(reviews.count)
    for index in order where keptKeys.last != keys[index] {
      kept.append(reviews[index])
      keptKeys.append(keys[index])
    }
    return (kept, keptKeys)
  }

  private static func standingAssignees(_ assignments: [Assignment], scope: SourceScope) -> [ClaimKey: Identity] {
    var latest: [ClaimKey: Assignment] = [:]
    for assignment in assignments where scope.includes(assignment.source) {
      let key = ClaimKey(assignment.source, assignment.claim)
      if let current = latest[key], current.updated > assignment.updated { continue }
      latest[key] = assignment
    }
    return latest.compactMapValues(\.assignee)
  }

  /// The earliest `import` action of each source.
  private static func importTimes(_ actions: [ReportAction]) -> [SourceID: Timestamp] {
    var times: [SourceID: Timestamp] = [:]
    for action in actions where action.kind == "import" {
      guard let source = action.source else { continue }
      if let known = times[source], known <= action.time { continue }
      times[source] = action.time
    }
    return times
  }

  private static func sourceSummaries(
    _ records: [SourceRecord], scope: SourceScope, tally: Tally, importTimes: [SourceID: Timestamp]
  ) -> [SourceSummary] {
    var recordByID: [SourceID: SourceRecord] = [:]
    for record in records where scope.includes(record.id) { recordByID[record.id] = record }
    let ids = Set(recordByID.keys).union(tally.coverageBySource.keys).sorted()
    return ids.map { id in
      SourceSummary(
        id: id, record: recordByID[id], importedAt: importTimes[id], coverage: tally.coverageBySource[id] ?? Coverage())
    }
  }
}

/// A claim's identity within the ledger: ids are unique within a source.
struct ClaimKey: Hashable {
  var source: SourceID
  var claim: ClaimID

  init(_ source: SourceID, _ claim: ClaimID) {
    self.source = source
    self.claim = claim
  }
}

/// The sources a report covers.
struct SourceScope {
  private let sources: Set<SourceID>

  init(_ filter: [SourceID]) {
    sources = Set(filter)
  }

  func includes(_ source: SourceID) -> Bool {
    sources.isEmpty || sources.contains(source)
  }

  var isEverything: Bool { sources.isEmpty }
}

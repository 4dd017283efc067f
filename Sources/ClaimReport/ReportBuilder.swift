public import ClaimModel

/// Computes a ``VerificationReport`` from a ``ReportInput``.
///
/// Source by source: ``section(of:config:)`` computes what one source adds (its ``SourceTally``
/// and its list entries) from that source's records alone, and ``combine(_:)`` puts the sources
/// together. A caller can therefore keep each source's tally, keyed by what the source's records
/// were, and recompute only the sources that changed. Within a source, reviews and assignments are
/// grouped by claim in dictionaries, so the work grows with the size of the ledger, not its square.
public enum ReportBuilder {
  /// The report of `input`.
  public static func build(_ input: ReportInput) -> VerificationReport {
    let scope = SourceScope(input.sourceFilter)
    var inputs: [SourceID: SourceInput] = [:]
    for claim in input.claims where scope.includes(claim.source) {
      inputs[claim.source, default: SourceInput(id: claim.source, claims: [], reviews: [])].claims.append(claim)
    }
    for review in input.reviews where scope.includes(review.source) {
      inputs[review.source, default: SourceInput(id: review.source, claims: [], reviews: [])].reviews.append(review)
    }
    for assignment in input.assignments where inputs[assignment.source] != nil {
      inputs[assignment.source]?.assignments.append(assignment)
    }
    for record in input.sources where inputs[record.id] != nil { inputs[record.id]?.record = record }
    if !input.decisions.isEmpty {
      for claim in input.claims where inputs[claim.source] != nil {
        if let decision = input.decisions[claim.id] { inputs[claim.source]?.decisions[claim.id] = decision }
      }
    }
    for id in inputs.keys { inputs[id]?.health = input.health }
    let sections = inputs.values.map { section(of: $0, config: input.config) }
    var claimSources: [ClaimID: SourceID] = [:]
    if !scope.isEverything {
      for claim in input.claims { claimSources[claim.id] = claim.source }
    }
    return combine(
      ReportParts(
        config: input.config, tallies: sections.map(\.tally), details: sections.map(\.details),
        records: input.sources, actions: input.actions, revision: input.revision, generatedAt: input.generatedAt,
        sourceFilter: input.sourceFilter, claimSources: claimSources))
  }

  /// What one source adds to a report, computed from its records alone.
  public static func section(of input: SourceInput, config: LedgerConfig) -> SourceSection {
    let scale = config.scale
    let requiredReviews = max(1, config.requiredReviews)
    var reviewsByClaim: [ClaimID: [Review]] = [:]
    reviewsByClaim.reserveCapacity(input.claims.count)
    for review in input.reviews { reviewsByClaim[review.claim, default: []].append(review) }
    let assignees = standingAssignees(input.assignments)

    var retired: [RetiredClaim] = []
    var claims: [Claim] = []
    claims.reserveCapacity(input.claims.count)
    // Which claims replace each retired one, whether live or retired since.
    var replacements: [ClaimID: [ClaimID]] = [:]
    for claim in input.claims {
      for old in claim.supersedes { replacements[old, default: []].append(claim.id) }
    }
    for claim in input.claims {
      if claim.isRetired {
        let (reviews, _) = onePerReviewer(reviewsByClaim.removeValue(forKey: claim.id) ?? [])
        let status = ClaimAssessment.status(of: claim, reviews: reviews, scale: scale, requiredReviews: requiredReviews)
        retired.append(
          RetiredClaim(
            claim: claim, reviews: reviews, status: status, replacedBy: (replacements[claim.id] ?? []).sorted()))
      } else {
        claims.append(claim)
      }
    }
    retired.sort { inSourceOrder($0.claim, $1.claim) }
    claims.sort { $0.ordinal != $1.ordinal ? $0.ordinal < $1.ordinal : $0.id < $1.id }

    var tally = Tally(scale: scale)
    var counts = SourceTally.ListCounts()
    var stateCounts = [Int](repeating: 0, count: ClaimState.allCases.count)
    var entries: [ClaimEntry] = []
    entries.reserveCapacity(claims.count)
    var staleReviews: [StaleReview] = []
    var evidence = EvidenceCounts()
    var alerts: [EvidenceAlert] = []
    for claim in claims {
      let (reviews, reviewerKeys) = onePerReviewer(reviewsByClaim.removeValue(forKey: claim.id) ?? [])
      let decision = input.decisions[claim.id]
      let status = ClaimAssessment.status(
        of: claim, reviews: reviews, scale: scale, requiredReviews: requiredReviews,
        isNotAClaim: decision?.isNotAClaim ?? false)
      var health: [String: CitationHealth] = [:]
      for review in reviews {
        for (index, citation) in review.citations.enumerated() {
          let id = review.citationEventIDs[index]
          let found = input.health.health(of: id, archive: citation.archive)
          evidence.add(citation, health: found)
          guard let found else { continue }
          health[id] = found
          if found.state.isFailure {
            alerts.append(
              EvidenceAlert(
                claim: claim, reviewer: review.reviewer, number: index + 1, citation: citation, health: found))
          }
        }
      }
      var entry = ClaimEntry(
        claim: claim, status: status, reviews: reviews, assignee: assignees[claim.id], health: health)
      entry.claimant = decision?.claimant
      if entry.hasEvidence { counts.reviewed += 1 }
      tally.add(entry, reviewerKeys: reviewerKeys)
      entries.append(entry)
      // A dismissed claim's reviews count nowhere: none of them needs another look.
      for review in reviews where status.has(.stale) {
        if let staleness = review.stale {
          staleReviews.append(StaleReview(claim: claim, review: review, staleness: staleness))
        }
      }
      // The lists hold the claims `claims list --status` gives (``ClaimStatusName``).
      if status.has(.disputed) { counts.disputed += 1 }
      if status.has(.flagged) { counts.flagged += 1 }
      if status.has(.unreviewed) { counts.backlog += 1 }
      stateCounts[stateIndex(status.state)] += 1
    }
    counts.claims = entries.count
    counts.staleReviews = staleReviews.count
    counts.retired = retired.count
    counts.retiredWithReviews = retired.filter { $0.reviewCount > 0 }.count
    counts.retiredUnreplaced = retired.filter(\.isUnreplacedWithReviews).count
    counts.evidenceAlerts = alerts.count
    let sourceTally = SourceTally(
      source: input.id, hasClaims: !claims.isEmpty, tally: tally, counts: counts, stateCounts: stateCounts,
      unmatchedReviews: reviewsByClaim.values.reduce(0) { $0 + $1.count }, record: input.record, evidence: evidence)
    return SourceSection(
      tally: sourceTally,
      details: SourceDetails(
        source: input.id, entries: entries, retired: retired, staleReviews: staleReviews, evidenceAlerts: alerts))
  }

  /// The report of many sources, from their tallies and whichever of their entries are at hand; the
  /// lists of sources without entries are loaded later with ``VerificationReport/insert(_:)``.
  package static func combine(_ parts: ReportParts) -> VerificationReport {
    let scope = SourceScope(parts.sourceFilter)
    let scale = parts.config.scale
    let tallies = parts.tallies.filter { scope.includes($0.source) }.sorted { $0.source < $1.source }
    var details: [SourceID: SourceDetails] = [:]
    for item in parts.details { details[item.source] = item }

    var tally = Tally(scale: scale)
    var coverageBySource: [SourceID: Coverage] = [:]
    var stateCounts = [Int](repeating: 0, count: ClaimState.allCases.count)
    var unmatchedReviews = 0
    var retiredWithReviews = 0
    var evidence = EvidenceCounts()
    for source in tallies {
      evidence.merge(source.evidence)
      tally.merge(source.tally)
      if source.hasClaims { coverageBySource[source.source] = source.coverage }
      for index in stateCounts.indices { stateCounts[index] += source.stateCounts[index] }
      unmatchedReviews += source.unmatchedReviews
      retiredWithReviews += source.counts.retiredWithReviews
    }
    tally.countActions(parts.actions, scope: scope, sourceOfClaim: parts.claimSources)
    let importTimes = importTimes(of: parts.actions)

    // Oldest import first: sources with a known import time by that time, then the others by id.
    let backlogOrder = tallies.filter(\.hasClaims).sorted { olderFirst($0.source, $1.source, importTimes) }
    var states: [ClaimState: Int] = [:]
    for (index, state) in ClaimState.allCases.enumerated() { states[state] = stateCounts[index] }
    var report = VerificationReport(
      revision: parts.revision, generatedAt: parts.generatedAt, sourceFilter: parts.sourceFilter, scale: scale,
      requiredReviews: max(1, parts.config.requiredReviews), overall: tally.overall,
      sources: sourceSummaries(
        parts.records + tallies.compactMap(\.record), scope: scope, coverage: coverageBySource,
        importTimes: importTimes),
      claims: ReportList(segments: tallies.map { .init(source: $0.source, count: $0.counts.claims, elements: nil) }),
      disputed: ReportList(
        segments: tallies.map { .init(source: $0.source, count: $0.counts.disputed, elements: nil) }),
      flagged: ReportList(segments: tallies.map { .init(source: $0.source, count: $0.counts.flagged, elements: nil) }),
      staleReviews: ReportList(
        segments: tallies.map { .init(source: $0.source, count: $0.counts.staleReviews, elements: nil) }),
      backlog: ReportList(
        segments: backlogOrder.map { .init(source: $0.source, count: $0.counts.backlog, elements: nil) }),
      distribution: tally.distribution(scale: scale), activity: tally.activity(),
      agreement: AgreementAnalysis.summarize(
        units: tally.agreementUnits, raters: tally.identities, verdicts: tally.verdictIDs, scale: scale),
      retired: ReportList(segments: tallies.map { .init(source: $0.source, count: $0.counts.retired, elements: nil) }),
      unmatchedReviews: unmatchedReviews, stateCounts: states, retiredWithReviews: retiredWithReviews)
    report.evidence = evidence
    report.reviewed = ReportList(
      segments: tallies.map { .init(source: $0.source, count: $0.counts.reviewed, elements: nil) })
    report.retiredReviewed = ReportList(
      segments: tallies.map { .init(source: $0.source, count: $0.counts.retiredUnreplaced, elements: nil) })
    report.evidenceAlerts = ReportList(
      segments: tallies.map { .init(source: $0.source, count: $0.counts.evidenceAlerts, elements: nil) })
    for source in tallies {
      if let found = details[source.source] { report.insert(found) }
    }
    return report
  }

  private static func stateIndex(_ state: ClaimState) -> Int {
    switch state {
    case .unreviewed: 0
    case .reviewed: 1
    case .verified: 2
    case .disputed: 3
    case .notCheckable: 4
    }
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

  private static func standingAssignees(_ assignments: [Assignment]) -> [ClaimID: Identity] {
    var latest: [ClaimID: Assignment] = [:]
    for assignment in assignments {
      if let current = latest[assignment.claim], current.updated > assignment.updated { continue }
      latest[assignment.claim] = assignment
    }
    return latest.compactMapValues(\.assignee)
  }

  /// The earliest `import` action of each source: when its claims started waiting.
  public static func importTimes(of actions: [ReportAction]) -> [SourceID: Timestamp] {
    var times: [SourceID: Timestamp] = [:]
    for action in actions where action.kind == .import {
      guard let source = action.source else { continue }
      if let known = times[source], known <= action.time { continue }
      times[source] = action.time
    }
    return times
  }

  private static func sourceSummaries(
    _ records: [SourceRecord], scope: SourceScope, coverage: [SourceID: Coverage], importTimes: [SourceID: Timestamp]
  ) -> [SourceSummary] {
    var recordByID: [SourceID: SourceRecord] = [:]
    for record in records where scope.includes(record.id) { recordByID[record.id] = record }
    let ids = Set(recordByID.keys).union(coverage.keys).sorted()
    return ids.map { id in
      SourceSummary(id: id, record: recordByID[id], importedAt: importTimes[id], coverage: coverage[id] ?? Coverage())
    }
  }
}

/// Everything ``ReportBuilder/combine(_:)`` puts together.
public struct ReportParts: Sendable {
  /// The ledger's settings.
  public var config: LedgerConfig
  /// What each source adds, in any order.
  public var tallies: [SourceTally]
  /// The list entries of any of those sources; the others' are loaded when needed.
  public var details: [SourceDetails]
  /// The source records.
  public var records: [SourceRecord]
  /// The history of review actions.
  public var actions: [ReportAction]
  /// The commit the ledger was read at.
  public var revision: String?
  /// When the report was made.
  public var generatedAt: Timestamp
  /// The sources asked for; empty means all.
  public var sourceFilter: [SourceID]
  /// The source of each claim, for actions that name a claim but not its source; consulted only
  /// when `sourceFilter` is not empty.
  public var claimSources: [ClaimID: SourceID]

  /// Collects the parts of a report.
  public init(
    config: LedgerConfig, tallies: [SourceTally], details: [SourceDetails], records: [SourceRecord],
    actions: [ReportAction], revision: String?, generatedAt: Timestamp, sourceFilter: [SourceID],
    claimSources: [ClaimID: SourceID] = [:]
  ) {
    self.config = config
    self.tallies = tallies
    self.details = details
    self.records = records
    self.actions = actions
    self.revision = revision
    self.generatedAt = generatedAt
    self.sourceFilter = sourceFilter
    self.claimSources = claimSources
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

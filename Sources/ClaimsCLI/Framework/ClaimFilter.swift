import ClaimLedger
import ClaimModel

/// Selects claims by status, verdict, reviewer, assignee and text: the filters of `claims list`,
/// `claims review`, `claims assign` and `claims dismiss`.
struct ClaimFilter {
  /// A claim is kept when it has any of these statuses; none means any claim that is not retired.
  var statuses: [StatusFilter]
  /// A verdict as the user named it; the ledger's scale says which it is.
  var verdict: String?
  var reviewer: Identity?
  var assignee: Identity?
  /// Found in the claim's text, a note of its reviews, or a title or address they cite.
  var text: String?
  /// Only claims this reviewer has given no verdict yet (the review session's default).
  var withoutVerdictBy: Identity?

  init(
    statuses: [StatusFilter] = [], verdict: VerdictName? = nil, reviewer: Identity? = nil, assignee: Identity? = nil,
    text: String? = nil
  ) {
    self.statuses = statuses
    self.verdict = verdict?.text
    self.reviewer = reviewer
    self.assignee = assignee
    self.text = text
  }

  /// Whether a reviewer identity matches what the user typed: the whole identity, name or e-mail.
  static func matches(_ identity: Identity, _ wanted: Identity) -> Bool {
    identity.key == wanted.key || identity.name.lowercased() == wanted.name.lowercased()
      || (!identity.email.isEmpty && identity.email.lowercased() == wanted.name.lowercased())
  }

  /// Whether `needle` (lowercased) is in the claim's text, a note of `reviews`, or the title or
  /// address of a citation of theirs.
  static func mentions(_ needle: String, claim: Claim, reviews: [Review]) -> Bool {
    if claim.text.lowercased().contains(needle) { return true }
    for review in reviews {
      if let note = review.note, note.lowercased().contains(needle) { return true }
      for citation in review.citations {
        if citation.url.lowercased().contains(needle) { return true }
        if let title = citation.title, title.lowercased().contains(needle) { return true }
      }
    }
    return false
  }

  /// The claims of `sources` that pass every filter, in order: retired claims only when
  /// `--status retired` asks for them (they are out of the article).
  /// - Throws: ``LedgerError`` for a `--verdict` the ledger's scale does not have.
  func apply(to sources: [SourceID], in snapshot: LedgerSnapshot) throws(LedgerError) -> [Claim] {
    var result: [Claim] = []
    try forEachMatch(in: sources, of: snapshot, making: { $0.claim }) { result += $0 }
    return result
  }

  /// One claim that passed, with what a command prints of it.
  struct Match {
    let claim: Claim
    let reviews: [Review]
    let assignment: Assignment?
    let decision: ClaimDecision?
    let status: ClaimStatus
  }

  /// How many sources are read at once: their matches are handed on before the next are read,
  /// so that a ledger of a million claims is never in memory whole.
  static let batchSize = 512

  /// Calls `make` for every claim of `sources` that passes every filter, on the thread that read
  /// its source (every core), and hands what it made to `take` in order, a batch of sources at a
  /// time. With `--status`, sources that have no claim of those statuses by the status index
  /// (`StatusIndex`) are not read at all.
  /// - Throws: ``LedgerError`` for a `--verdict` the ledger's scale does not have.
  func forEachMatch<Made: Sendable>(
    in sources: [SourceID], of snapshot: LedgerSnapshot,
    making make: @escaping @Sendable (Match) -> Made, take: ([Made]) -> Void
  ) throws(LedgerError) {
    let config = snapshot.config()
    let verdict = try verdict.map { (name) throws(LedgerError) in try Ledger.resolveVerdict(name, in: config.scale).id }
    var candidates = sources
    if !statuses.isEmpty {
      candidates = StatusIndex.sources(sources, withClaimsIn: statuses, of: snapshot, config: config)
    }
    let needle = text?.lowercased()
    let wantsRetired = statuses.contains(.retired)
    let wantsMatched = statuses.contains(.matched)
    let plain = statuses.filter { $0 != .retired && $0 != .matched }
    let (statuses, reviewer, assignee, withoutVerdictBy) = (statuses, reviewer, assignee, withoutVerdictBy)
    // Claims that pass only if they resemble an earlier check (`--status matched`): the matching
    // index is loaded once, at the end, for all of them; until then every match is held, in order.
    var held: [(claim: Claim, made: Made, isCandidate: Bool)] = []
    var start = 0
    while start < candidates.count {
      let batch = Array(candidates[start..<min(candidates.count, start + Self.batchSize)])
      // Decisions are read here, on this thread: the snapshot is not shared with the workers.
      var decisionsBySource: [SourceID: [ClaimID: ClaimDecision]] = [:]
      for source in batch { decisionsBySource[source] = snapshot.decisions(of: source) }
      let decisionsOfBatch = decisionsBySource
      let select: @Sendable (SourceID, SourceRecords) -> [(claim: Claim, made: Made, isCandidate: Bool)] = {
        source, records in
        let decisions = decisionsOfBatch[source] ?? [:]
        var made: [(claim: Claim, made: Made, isCandidate: Bool)] = []
        for claim in records.claims {
          if claim.isRetired && !wantsRetired { continue }
          let reviews = records.reviews[claim.id] ?? []
          let decision = decisions[claim.id]
          let claimStatus = ClaimStatus(claim: claim, reviews: reviews, config: config, decision: decision)
          var isCandidate = false
          if !statuses.isEmpty && !claim.isRetired && !plain.contains(where: { $0.matches(claimStatus) }) {
            // A dismissed claim has no status but `dismissed`: it is not `matched` either.
            guard wantsMatched, !claimStatus.isNotAClaim else { continue }
            isCandidate = true
          }
          if let verdict, !reviews.contains(where: { $0.verdict == verdict }) { continue }
          if let reviewer, !reviews.contains(where: { Self.matches($0.reviewer, reviewer) }) { continue }
          if let withoutVerdictBy {
            if !claim.kind.isCheckable || decision?.isNotAClaim == true { continue }
            if reviews.contains(where: {
              $0.reviewer.key == withoutVerdictBy.key && $0.verdict != nil && $0.stale == nil
            }) {
              continue
            }
          }
          let assignment = records.assignments[claim.id]
          if let assignee {
            guard let current = assignment?.assignee, Self.matches(current, assignee) else { continue }
          }
          if let needle, !Self.mentions(needle, claim: claim, reviews: reviews) { continue }
          let match = Match(
            claim: claim, reviews: reviews, assignment: assignment, decision: decision, status: claimStatus)
          made.append((claim, make(match), isCandidate))
        }
        return made
      }
      let found = snapshot.mapRecords(of: batch, flushingCache: false, select).flatMap { $0 }
      if wantsMatched { held += found } else { take(found.map(\.made)) }
      start += Self.batchSize
    }
    snapshot.flushRecordCache()
    if wantsMatched {
      let candidateClaims = held.filter(\.isCandidate).map(\.claim)
      let matched = Set(MatchedClaims.filter(candidateClaims, in: snapshot).map(\.id))
      take(held.filter { !$0.isCandidate || matched.contains($0.claim.id) }.map(\.made))
    }
  }
}

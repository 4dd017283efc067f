import ClaimLedger
import ClaimModel

/// Selects claims by status, verdict, reviewer, assignee and text: the filters of `claims list`,
/// `claims review` and `claims assign`.
struct ClaimFilter {
  var status: StatusFilter?
  /// A verdict as the user named it; the ledger's scale says which it is.
  var verdict: String?
  var reviewer: Identity?
  var assignee: Identity?
  var text: String?
  /// Only claims this reviewer has given no verdict yet (the review session's default).
  var withoutVerdictBy: Identity?

  init(
    status: StatusFilter? = nil, verdict: VerdictName? = nil, reviewer: Identity? = nil, assignee: Identity? = nil,
    text: String? = nil
  ) {
    self.status = status
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

  /// The non-retired claims of `sources` that pass every filter, in order.
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
    let status: ClaimStatus
  }

  /// How many sources are read at once: their matches are handed on before the next are read,
  /// so that a ledger of a million claims is never in memory whole.
  static let batchSize = 512

  /// Calls `make` for every non-retired claim of `sources` that passes every filter, on the
  /// thread that read its source (every core), and hands what it made to `take` in order, a batch
  /// of sources at a time. With `--status`, sources that have no claim of that status by the
  /// status index (`StatusIndex`) are not read at all.
  /// - Throws: ``LedgerError`` for a `--verdict` the ledger's scale does not have.
  func forEachMatch<Made: Sendable>(
    in sources: [SourceID], of snapshot: LedgerSnapshot,
    making make: @escaping @Sendable (Match) -> Made, take: ([Made]) -> Void
  ) throws(LedgerError) {
    let config = snapshot.config()
    let verdict = try verdict.map { (name) throws(LedgerError) in try Ledger.resolveVerdict(name, in: config.scale).id }
    var candidates = sources
    if let status { candidates = StatusIndex.sources(sources, withClaimsIn: status, of: snapshot, config: config) }
    let needle = text?.lowercased()
    let (status, reviewer, assignee, withoutVerdictBy) = (self.status, self.reviewer, self.assignee, withoutVerdictBy)
    let select: @Sendable (SourceID, SourceRecords) -> [(claim: Claim, made: Made)] = { _, records in
      var made: [(claim: Claim, made: Made)] = []
      // Retired claims only when asked for: they are out of the article.
      for claim in records.claims where claim.isRetired == (status == .retired) {
        let reviews = records.reviews[claim.id] ?? []
        let claimStatus = ClaimStatus(claim: claim, reviews: reviews, config: config)
        if let status, !status.matches(claimStatus) { continue }
        if let verdict, !reviews.contains(where: { $0.verdict == verdict }) { continue }
        if let reviewer, !reviews.contains(where: { Self.matches($0.reviewer, reviewer) }) { continue }
        if let withoutVerdictBy {
          if !claim.kind.isCheckable { continue }
          if reviews.contains(where: { $0.reviewer.key == withoutVerdictBy.key && $0.verdict != nil && $0.stale == nil }
          ) {
            continue
          }
        }
        let assignment = records.assignments[claim.id]
        if let assignee {
          guard let current = assignment?.assignee, Self.matches(current, assignee) else { continue }
        }
        if let needle, !claim.text.lowercased().contains(needle) { continue }
        made.append((claim, make(Match(claim: claim, reviews: reviews, assignment: assignment, status: claimStatus))))
      }
      return made
    }
    // `--status matched` needs the matching index, loaded once for every claim that passed the
    // other filters: those are kept whole (matched claims are few) and filtered at the end.
    var held: [(claim: Claim, made: Made)] = []
    var start = 0
    while start < candidates.count {
      let batch = Array(candidates[start..<min(candidates.count, start + Self.batchSize)])
      let found = snapshot.mapRecords(of: batch, flushingCache: false, select).flatMap { $0 }
      if status == .matched { held += found } else { take(found.map(\.made)) }
      start += Self.batchSize
    }
    snapshot.flushRecordCache()
    if status == .matched {
      let kept = Set(MatchedClaims.filter(held.map(\.claim), in: snapshot).map(\.id))
      take(held.filter { kept.contains($0.claim.id) }.map(\.made))
    }
  }
}

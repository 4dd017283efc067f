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
    let config = snapshot.config()
    let verdict = try verdict.map { (name) throws(LedgerError) in try Ledger.resolveVerdict(name, in: config.scale).id }
    snapshot.loadRecords(of: sources)
    let needle = text?.lowercased()
    let wantsRetired = statuses.contains(.retired)
    let wantsMatched = statuses.contains(.matched)
    let plain = statuses.filter { $0 != .retired && $0 != .matched }
    var result: [Claim] = []
    // Claims kept only if they turn out to be matched, found after the other filters.
    var matchCandidates: Set<ClaimID> = []
    for source in sources {
      let reviewsByClaim = snapshot.reviews(of: source)
      let assignments = assignee == nil ? [:] : snapshot.assignments(of: source)
      let decisions = snapshot.decisions(of: source)
      for claim in snapshot.claims(of: source) {
        if claim.isRetired && !wantsRetired { continue }
        let reviews = reviewsByClaim[claim.id] ?? []
        var isCandidate = false
        if !statuses.isEmpty && !claim.isRetired {
          let state = ClaimStatus(claim: claim, reviews: reviews, config: config, decision: decisions[claim.id])
          if !plain.contains(where: { $0.matches(state) }) {
            guard wantsMatched else { continue }
            isCandidate = true
          }
        }
        if let verdict, !reviews.contains(where: { $0.verdict == verdict }) { continue }
        if let reviewer, !reviews.contains(where: { Self.matches($0.reviewer, reviewer) }) { continue }
        if let withoutVerdictBy {
          if !claim.kind.isCheckable || decisions[claim.id]?.isNotAClaim == true { continue }
          if reviews.contains(where: { $0.reviewer.key == withoutVerdictBy.key && $0.verdict != nil && $0.stale == nil }
          ) {
            continue
          }
        }
        if let assignee {
          guard let current = assignments[claim.id]?.assignee, Self.matches(current, assignee) else { continue }
        }
        if let needle, !Self.mentions(needle, claim: claim, reviews: reviews) { continue }
        if isCandidate { matchCandidates.insert(claim.id) }
        result.append(claim)
      }
    }
    if !matchCandidates.isEmpty {
      let matched = Set(MatchedClaims.filter(result.filter { matchCandidates.contains($0.id) }, in: snapshot).map(\.id))
      result.removeAll { matchCandidates.contains($0.id) && !matched.contains($0.id) }
    }
    return result
  }
}

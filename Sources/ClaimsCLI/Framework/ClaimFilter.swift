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
    let config = snapshot.config()
    let verdict = try verdict.map { (name) throws(LedgerError) in try Ledger.resolveVerdict(name, in: config.scale).id }
    snapshot.loadRecords(of: sources)
    let needle = text?.lowercased()
    var result: [Claim] = []
    for source in sources {
      let reviewsByClaim = snapshot.reviews(of: source)
      let assignments = assignee == nil ? [:] : snapshot.assignments(of: source)
      // Retired claims only when asked for: they are out of the article.
      for claim in snapshot.claims(of: source) where claim.isRetired == (status == .retired) {
        let reviews = reviewsByClaim[claim.id] ?? []
        if let status, !status.matches(ClaimStatus(claim: claim, reviews: reviews, config: config)) { continue }
        if let verdict, !reviews.contains(where: { $0.verdict == verdict }) { continue }
        if let reviewer, !reviews.contains(where: { Self.matches($0.reviewer, reviewer) }) { continue }
        if let withoutVerdictBy {
          if !claim.kind.isCheckable { continue }
          if reviews.contains(where: { $0.reviewer.key == withoutVerdictBy.key && $0.verdict != nil && $0.stale == nil }
          ) {
            continue
          }
        }
        if let assignee {
          guard let current = assignments[claim.id]?.assignee, Self.matches(current, assignee) else { continue }
        }
        if let needle, !claim.text.lowercased().contains(needle) { continue }
        result.append(claim)
      }
    }
    if status == .matched { result = MatchedClaims.filter(result, in: snapshot) }
    return result
  }
}

import ClaimLedger
import ClaimModel

/// Claims answered by earlier checks: linked to one, or unreviewed and resembling one. What
/// `--status matched` and the count `claims import` ends with rest on (the report's section is
/// ReportPipeline's `EarlierChecksSection(of:in:)`).
enum MatchedClaims {
  /// The claims of `claims` that are linked to an earlier check or resemble one, in order.
  static func filter(_ claims: [Claim], in snapshot: LedgerSnapshot) -> [Claim] {
    let matcher = snapshot.matcher()
    let resembling = snapshot.resemblances(of: claims, using: matcher)
    var linkedSources: [SourceID: [ClaimID: [LinkRecord]]] = [:]
    for source in snapshot.sourcesWithLinks() { linkedSources[source] = snapshot.links(of: source) }
    return claims.filter { claim in
      resembling[claim.id] != nil || linkedSources[claim.source]?[claim.id]?.isEmpty == false
    }
  }

  /// "3 claims resemble earlier fact-checks …" for claims just imported; nil when the ledger has
  /// no fact-checks or links (see ``LedgerSnapshot/hasFactChecksOrLinks``) or nothing to match against.
  static func resemblanceLine(for claims: [Claim], in ledger: Ledger) throws(LedgerError) -> String? {
    let snapshot = try ledger.snapshot()
    guard snapshot.hasFactChecksOrLinks else { return nil }
    let matcher = snapshot.matcher()
    guard !matcher.isEmpty else { return nil }
    let count = snapshot.resemblances(of: claims, using: matcher).count
    let verb = count == 1 ? "resembles" : "resemble"
    return
      "\(String.count(count, "claim")) \(verb) earlier fact-checks\(count > 0 ? " ('claims list --status matched' lists them, 'claims show ID' shows the matches)" : "")"
  }
}

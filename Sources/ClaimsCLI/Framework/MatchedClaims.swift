import ClaimLedger
import ClaimModel
import ClaimReport

/// Claims answered by earlier checks: linked to one, or unreviewed and resembling one. What
/// `--status matched`, the count `claims import` ends with, and the report's section rest on.
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

extension MatchedClaims {
  /// The report's section: every live claim of `sources` that is linked to an earlier check or,
  /// unreviewed, resembles one; empty when the ledger has no fact-checks or links.
  static func section(of sources: [SourceID], in snapshot: LedgerSnapshot) -> EarlierChecksSection {
    guard snapshot.hasFactChecksOrLinks else { return EarlierChecksSection() }
    let matcher = snapshot.matcher()
    snapshot.loadRecords(of: sources)
    let claims = sources.flatMap { snapshot.claims(of: $0) }.filter { !$0.isRetired }
    let resembling = snapshot.resemblances(of: claims, using: matcher)
    var entries: [EarlierChecksSection.Entry] = []
    for claim in claims {
      let links = snapshot.links(of: claim)
      if !links.isEmpty {
        let answers = links.map { link in
          answer(
            matcher.check(link.target.key), key: link.target.key, kind: link.target.kind, score: nil,
            linkedBy: link.linker.name)
        }
        entries.append(EarlierChecksSection.Entry(claim: claim, isLinked: true, answers: answers))
      } else if let match = resembling[claim.id] {
        entries.append(
          EarlierChecksSection.Entry(
            claim: claim, isLinked: false,
            answers: [
              answer(match.check, key: match.check.key, kind: match.check.kind, score: match.score, linkedBy: nil)
            ]))
      }
    }
    return EarlierChecksSection(entries: entries)
  }

  private static func answer(
    _ check: EarlierCheck?, key: String, kind: LinkTarget.Kind, score: Double?, linkedBy: String?
  ) -> EarlierChecksSection.Answer {
    EarlierChecksSection.Answer(
      kind: kind.rawValue, key: key, text: check?.text ?? "", verdict: check?.verdict, checkedBy: check?.checkedBy,
      date: check?.date, score: score, linkedBy: linkedBy)
  }
}

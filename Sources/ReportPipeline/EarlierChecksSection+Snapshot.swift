import ClaimLedger
import ClaimModel
import ClaimReport

extension EarlierChecksSection {
  /// The report's section: every live claim of `sources` that is linked to an earlier check or,
  /// unreviewed, resembles one; empty when the ledger has no fact-checks or links.
  init(of sources: [SourceID], in snapshot: LedgerSnapshot) {
    guard snapshot.hasFactChecksOrLinks else {
      self.init()
      return
    }
    let matcher = snapshot.matcher()
    snapshot.loadRecords(of: sources)
    let claims = sources.flatMap { snapshot.claims(of: $0) }.filter { !$0.isRetired }
    let resembling = snapshot.resemblances(of: claims, using: matcher)
    var entries: [Entry] = []
    for claim in claims {
      let links = snapshot.links(of: claim)
      if !links.isEmpty {
        let answers = links.map { link in
          Self.answer(
            matcher.check(link.target.key), key: link.target.key, kind: link.target.kind, score: nil,
            linkedBy: link.linker.name)
        }
        entries.append(Entry(claim: claim, isLinked: true, answers: answers))
      } else if let match = resembling[claim.id] {
        entries.append(
          Entry(
            claim: claim, isLinked: false,
            answers: [
              Self.answer(match.check, key: match.check.key, kind: match.check.kind, score: match.score, linkedBy: nil)
            ]))
      }
    }
    self.init(entries: entries)
  }

  private static func answer(
    _ check: EarlierCheck?, key: String, kind: LinkTarget.Kind, score: Double?, linkedBy: String?
  ) -> Answer {
    Answer(
      kind: kind.rawValue, key: key, text: check?.text ?? "", verdict: check?.verdict, checkedBy: check?.checkedBy,
      date: check?.date, score: score, linkedBy: linkedBy)
  }
}

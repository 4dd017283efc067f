package import ClaimLedger
package import ClaimModel
package import ClaimReport

/// The review actions a report counts, read from the ledger's history: the one place that says
/// which actions of the history a report counts, and as what.
package enum ReportHistory {
  /// The kind `action` (a history entry's `Action:` trailer) counts as in a report, or nil for one
  /// a report does not count (`init`, `snapshot`, `merge`, `edit`, …). A re-import of a revised
  /// article counts as an import of its source.
  package static func reportedKind(of action: CommitAction) -> CommitAction? {
    if action == .reimport { return .import }
    return ReportAction.knownKinds.contains(action) ? action : nil
  }

  /// The counted actions of `history` (newest first, as ``Ledger/history(from:)`` gives it) that
  /// changed records, of the `selected` sources or of none: an import once per source, any other
  /// action once per claim it names. Reviewers under two aliases are one person (`people`).
  package static func actions(in history: [HistoryEntry], people: PeopleMap, selected: Set<SourceID>)
    -> [ReportAction]
  {
    var actions: [ReportAction] = []
    for entry in history where entry.recordsChanged {
      guard let kind = reportedKind(of: entry.action) else { continue }
      let source = entry.sources.first
      if let source, !selected.contains(source) { continue }
      let reviewer = people.canonical(entry.author)
      if entry.claims.isEmpty || kind == .import {
        actions.append(ReportAction(kind: kind, reviewer: reviewer, source: source, time: entry.time))
      } else {
        for claim in entry.claims {
          actions.append(ReportAction(kind: kind, reviewer: reviewer, claim: claim, source: source, time: entry.time))
        }
      }
    }
    return actions
  }
}

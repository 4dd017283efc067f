public import ClaimModel

/// A value an action set that a merge replaced with one made without seeing it (on another machine).
public struct ReplacedValue: Sendable, Equatable {
  /// `verdict` or `note`.
  public var field: String
  /// The value that stands instead (nil: withdrawn or removed).
  public var standing: String?
  /// The commit that made the value that stands.
  public var commit: String?
}

extension Ledger {
  /// The actions of `story` (a claim's story, as ``story(of:in:at:)`` gives it) whose verdict or
  /// note no longer stands because a merge kept a concurrent action's instead, by commit: `log`
  /// never shows such an action as the one that stands. An action its reviewer later changed on the
  /// same machine is simply history, and is not listed.
  public func replacedValues(
    in story: [(entry: HistoryEntry, claim: ClaimID)], of claim: Claim, entries: [HistoryEntry],
    at snapshot: LedgerSnapshot
  ) -> [String: ReplacedValue] {
    let reviews = snapshot.reviews(of: claim)
    guard !reviews.isEmpty else { return [:] }
    let graph = HistoryGraph(entries)
    var position: [String: Int] = [:]
    var byEvent: [String: Int] = [:]
    for (index, entry) in entries.enumerated() {
      position[entry.commit] = index
      if let event = entry.event, byEvent[event] == nil { byEvent[event] = index }
    }
    var replaced: [String: ReplacedValue] = [:]
    for (entry, _) in story {
      guard let event = entry.event, let index = position[entry.commit],
        let review = reviews.first(where: { $0.events.contains { $0.id == event } })
      else { continue }
      let field: String
      let standing: ReviewEvent?
      let value: String?
      switch entry.action {
      case .verdict, .withdrawVerdict:
        (field, standing, value) = ("verdict", review.verdictEvent, review.verdict)
      case .note:
        (field, standing, value) = ("note", review.noteEvent, review.note)
      default:
        continue
      }
      guard let standing, standing.id != event else { continue }
      let later = byEvent[standing.id]
      // Made after seeing this action (a descendant of its commit): ordinary history.
      if let later, graph.descendants(of: index).contains(later) { continue }
      replaced[entry.commit] = ReplacedValue(field: field, standing: value, commit: later.map { entries[$0].commit })
    }
    return replaced
  }
}

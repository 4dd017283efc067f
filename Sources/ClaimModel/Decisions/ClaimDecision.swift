/// What the desk decided about one claim, from every editor's decision events replayed in one
/// order (time, sequence number, id): the latest `not-a-claim` or `checkable` event says whether the
/// claim is one to check, the latest `claimant` event who made it. The same events give the same
/// decision on every clone, whatever order they were merged in.
public struct ClaimDecision: Sendable, Equatable {
  /// The editor's `not-a-claim` decision in force, if the latest such event says so.
  public struct NotAClaim: Sendable, Equatable {
    public var editor: Identity
    public var at: Timestamp
    public var reason: String?
  }

  /// Set when the desk decided the claim is not one to check.
  public var notAClaim: NotAClaim?
  /// Who made the claim, when an editor said so.
  public var claimant: Claimant?

  public init(notAClaim: NotAClaim? = nil, claimant: Claimant? = nil) {
    self.notAClaim = notAClaim
    self.claimant = claimant
  }

  /// The decision `records` (one claim's, any editors') add up to.
  public init(records: [DecisionRecord]) {
    var all: [(event: DecisionEvent, editor: Identity)] = []
    for record in records { all += record.events.map { ($0, record.editor) } }
    all.sort { $0.event.precedes($1.event) }
    for (event, editor) in all {
      switch event.change {
      case .notAClaim(let reason): notAClaim = NotAClaim(editor: editor, at: event.at, reason: reason)
      case .checkable: notAClaim = nil
      case .claimant(let claimant): self.claimant = claimant
      }
    }
  }

  /// Whether the claim is one to check as far as the desk is concerned.
  public var isNotAClaim: Bool { notAClaim != nil }

  /// Whether the decision says anything at all.
  public var isEmpty: Bool { notAClaim == nil && claimant == nil }
}

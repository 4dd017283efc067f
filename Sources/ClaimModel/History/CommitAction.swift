/// What a ledger commit did: the value of its `Action:` trailer, as a kind code can branch on.
///
/// Every name any build of claims has written has a case of its own. A name this build does not
/// know (written by a newer claims, or by hand) reads as ``unknown(_:)`` and keeps its spelling, so
/// it is shown, cached and compared exactly as it was written rather than refused or dropped.
/// Names are compared exactly, as written: `Verdict` is not `verdict`.
public enum CommitAction: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
  /// `init`: the ledger was created.
  case initialize
  /// `import`: an article became a source and its claims.
  case `import`
  /// `reimport`: a revised article replaced its source's text (`claims import --replace`).
  case reimport
  /// `verdict`: a reviewer gave or changed a verdict.
  case verdict
  /// `cite`: a reviewer added a citation.
  case cite
  /// `uncite`: a reviewer took a citation back.
  case uncite
  /// `note`: a reviewer set or removed a note.
  case note
  /// `withdraw`: a reviewer withdrew a whole review.
  case withdraw
  /// `withdraw-verdict`: a reviewer withdrew a verdict, keeping the rest of the review.
  case withdrawVerdict
  /// `archive`: cited pages were archived under `Evidence/`.
  case archive
  /// `assign`: claims were assigned to someone.
  case assign
  /// `unassign`: claims' assignments were taken back.
  case unassign
  /// `dismiss`: an editor decided claims are not claims.
  case dismiss
  /// `undismiss`: an editor took that decision back.
  case undismiss
  /// `claimant`: an editor named (or removed) who made a claim.
  case claimant
  /// `factchecks`: other outlets' fact-checks were imported.
  case factChecks
  /// `link`: a claim was linked to earlier checks.
  case link
  /// `unlink`: links were taken back.
  case unlink
  /// `sync`: the merge commit of `claims sync`.
  case sync
  /// `merge`: never written by claims; what history calls a merge commit with no `Action:` trailer.
  case merge
  /// `edit`: never written by claims; what history calls any other commit with no `Action:`
  /// trailer (one made with git directly).
  case edit
  /// A name none of the other cases has, kept as written. Only ``init(rawValue:)`` should make it,
  /// and never for a name another case has.
  case unknown(String)

  /// Every named action, in the order of the ledger's commit-message table.
  public static let named: [CommitAction] = [
    .initialize, .import, .reimport, .verdict, .cite, .archive, .uncite, .note, .withdraw, .withdrawVerdict, .assign,
    .unassign, .dismiss, .undismiss, .claimant, .factChecks, .link, .unlink, .sync, .merge, .edit,
  ]

  private static let byName = Dictionary(uniqueKeysWithValues: named.map { ($0.rawValue, $0) })

  /// The action named `rawValue`: its case, or ``unknown(_:)`` holding it as written.
  public init(rawValue: String) {
    self = Self.byName[rawValue] ?? .unknown(rawValue)
  }

  /// The name as written in the `Action:` trailer.
  public var rawValue: String {
    switch self {
    case .initialize: "init"
    case .import: "import"
    case .reimport: "reimport"
    case .verdict: "verdict"
    case .cite: "cite"
    case .uncite: "uncite"
    case .note: "note"
    case .withdraw: "withdraw"
    case .withdrawVerdict: "withdraw-verdict"
    case .archive: "archive"
    case .assign: "assign"
    case .unassign: "unassign"
    case .dismiss: "dismiss"
    case .undismiss: "undismiss"
    case .claimant: "claimant"
    case .factChecks: "factchecks"
    case .link: "link"
    case .unlink: "unlink"
    case .sync: "sync"
    case .merge: "merge"
    case .edit: "edit"
    case .unknown(let name): name
    }
  }

  public var description: String { rawValue }

  // Two actions are the same when they are written the same, however the value was made.
  public static func == (lhs: CommitAction, rhs: CommitAction) -> Bool { lhs.rawValue == rhs.rawValue }

  public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
}

extension CommitMessage {
  /// The action the message's `Action:` trailer names; nil when it has none.
  public var action: CommitAction? {
    value(for: TrailerKey.action).map(CommitAction.init(rawValue:))
  }
}

extension CommitMessage.Trailer {
  /// The `Action:` trailer naming `action`.
  public static func action(_ action: CommitAction) -> CommitMessage.Trailer {
    CommitMessage.Trailer(TrailerKey.action, action.rawValue)
  }
}

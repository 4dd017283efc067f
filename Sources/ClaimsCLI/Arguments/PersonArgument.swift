import ClaimLedger
import ClaimModel

/// A person named on the command line wherever one is expected (`assign --to`, `list --reviewer`,
/// `list --assigned-to`, `log --reviewer`): an identity, or `me`, the person running the command.
enum PersonArgument: ExpressibleByArgument {
  case me
  case identity(Identity)

  init(argument text: String) throws(InvalidArgumentValue) {
    self = text.trimmingWhitespace().lowercased() == "me" ? .me : .identity(try Identity(argument: text))
  }

  static var valueName: String { "identity" }

  /// The person meant in `ledger`: `me` is whoever is acting; anyone else is named as the ledger
  /// knows them (its `.mailmap`, the name known for an address alone).
  func resolve(_ context: CommandContext, ledger: Ledger) throws(LedgerError) -> Identity {
    switch self {
    case .me: try ActingReviewer.resolve(nil, context: context, ledger: ledger)
    case .identity(let identity): try ledger.identify(identity)
    }
  }

  /// What a filter matches: `me` is whoever is acting; anyone else as given, or as the ledger's
  /// `.mailmap` names them (a filter matches names and addresses loosely, so a name alone is fine).
  func filter(_ context: CommandContext, ledger: Ledger) throws(LedgerError) -> Identity {
    switch self {
    case .me: try ActingReviewer.resolve(nil, context: context, ledger: ledger)
    case .identity(let identity): try ledger.snapshot().people.canonical(identity)
    }
  }
}

import ClaimLedger
import ClaimModel

/// Whom `--assigned-to` selects: a reviewer, or `me`, the person running the command.
enum AssigneeFilter: ExpressibleByArgument {
  case me
  case identity(Identity)

  init(argument text: String) throws(InvalidArgumentValue) {
    self = text == "me" ? .me : .identity(try Identity(argument: text))
  }

  static var valueName: String { "identity" }

  /// The identity meant; `me` is whoever `me` resolves to.
  func identity(me: () throws(LedgerError) -> Identity) throws(LedgerError) -> Identity {
    switch self {
    case .me: try me()
    case .identity(let identity): identity
    }
  }
}

import ClaimLedger
import ClaimModel
import Git

/// A failure to report as `Error: <message>` with exit status 1. Its kinds are the ledger's, so
/// that a failure found in the terminal layer (a file named on the command line that cannot be
/// read) and one found below it are told apart the same way.
struct CommandFailure: Error, Equatable {
  typealias Kind = LedgerError.Kind

  /// What kind of failure this is; code branches on this, never on ``message``.
  var kind: Kind
  var message: String

  init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  /// Any error a command let through, as the failure to report: a ledger error keeps its kind and
  /// message, a record error is the user's input, anything else is described as it describes itself.
  init(_ error: any Error) {
    switch error {
    case let failure as CommandFailure: self = failure
    case let error as LedgerError: self.init(error.kind, error.message)
    case let error as RecordError: self.init(Kind(error.kind), error.description)
    case let error as GitError: self.init(.git(error), error.description)
    default: self.init(.unexpected, String(describing: error))
    }
  }
}

extension LedgerError.Kind {
  /// The kind of failure a record error in the user's input (a CSL-JSON file) amounts to.
  init(_ kind: RecordError.Kind) {
    switch kind {
    case .newerFormat: self = .newerFormat
    case .notFound: self = .notFound
    case .ambiguous: self = .ambiguous
    case .invalidJSON, .invalidField: self = .invalidInput
    }
  }
}

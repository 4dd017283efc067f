import ClaimLedger

/// A git revision: a commit id, branch, tag (`claims snapshot`), `HEAD~3`, … The ledger says
/// whether it exists.
struct Revision: ExpressibleByArgument, CustomStringConvertible {
  var text: String

  init(argument text: String) throws(InvalidArgumentValue) {
    guard !text.isEmpty else { throw InvalidArgumentValue("give a commit, branch, tag or HEAD~N") }
    self.text = text
  }

  static var valueName: String { "revision" }

  var description: String { text }
}

extension Ledger {
  /// The ledger as it stood at `revision`, or as its branch tip holds it.
  func snapshot(at revision: Revision?) throws(LedgerError) -> LedgerSnapshot {
    guard let revision else { return try snapshot() }
    return try snapshot(at: revision.text)
  }
}

import ClaimModel

/// A verdict as a user names it: an id or label of the ledger's scale, in any case. Which
/// verdicts exist, the ledger's `ledger.json` says (`Ledger.resolveVerdict`); completion offers
/// the default scale's.
struct VerdictName: ExpressibleByArgument, CustomStringConvertible {
  var text: String

  init(argument text: String) {
    self.text = text
  }

  static var valueName: String { "verdict" }
  static var completion: Completion { .values(VerdictScale.standard.ids) }

  var description: String { text }
}

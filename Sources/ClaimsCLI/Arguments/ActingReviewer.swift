import ClaimLedger
import ClaimModel

/// `--reviewer`: who records a review, when not `CLAIMS_REVIEWER` or git's identity.
struct ActingReviewer: ParsableArguments {
  @Option(help: "Who reviews, as 'Name <email>' (default: CLAIMS_REVIEWER, then git config).")
  var reviewer: Identity?

  /// The reviewer: `--reviewer`, else `CLAIMS_REVIEWER`, else git config.
  func resolve(_ context: CommandContext, ledger: Ledger?) throws(LedgerError) -> Identity {
    try Self.resolve(reviewer, context: context, ledger: ledger)
  }

  /// The reviewer: `explicit`, else `CLAIMS_REVIEWER`, else git config.
  static func resolve(_ explicit: Identity?, context: CommandContext, ledger: Ledger?) throws(LedgerError) -> Identity {
    try IdentityResolver.resolve(
      explicit: explicit, environment: context.environment["CLAIMS_REVIEWER"],
      sources: ("--reviewer", "CLAIMS_REVIEWER"), ledger: ledger)
  }
}

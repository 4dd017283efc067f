import ClaimLedger
import ClaimModel

/// `claims verdict ID VERDICT`: records the reviewer's verdict on a claim.
struct VerdictCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    name: "verdict", abstract: "Record your verdict on a claim.",
    discussion:
      "The ledger's scale (ledger.json) lists the verdicts; the default one is supported, mostly-supported, misleading, refuted, unverifiable (not enough evidence) and opinion (not a checkable statement of fact). A new verdict replaces your previous one; history keeps both."
  )

  @Argument(help: "A claim: a unique prefix of its id, or SOURCE-ID:ORDINAL.")
  var id: ClaimReference

  @Argument(help: "The verdict, e.g. supported or refuted.")
  var verdict: VerdictName

  @Option(help: "A note explaining the verdict.")
  var note: String?

  @OptionGroup var reviewer: ActingReviewer

  @Flag(help: ReviewActionOutput.jsonHelp)
  var json = false

  func run(_ context: CommandContext) throws -> Int32 {
    try ReviewActionOutput.perform(
      .verdict(verdict.text, note: note), on: id, reviewer: reviewer, json: json, context: context)
  }
}

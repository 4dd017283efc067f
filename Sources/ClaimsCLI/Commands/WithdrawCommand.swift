import ClaimLedger
import ClaimModel

/// `claims withdraw ID [--verdict-only]`: takes back the reviewer's verdict, or their whole review.
struct WithdrawCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    name: "withdraw", abstract: "Withdraw your verdict on a claim, or your whole review of it.",
    discussion:
      "Without --verdict-only, withdraws your verdict, note and citations: the claim counts as not reviewed by you. History keeps everything you recorded, and 'claims log' shows the withdrawal."
  )

  @Argument(help: "A claim: a unique prefix of its id, or SOURCE-ID:ORDINAL.")
  var id: ClaimReference

  @Flag(help: "Withdraw only the verdict; keep your note and citations.")
  var verdictOnly = false

  @OptionGroup var reviewer: ActingReviewer

  @Flag(help: ReviewActionOutput.jsonHelp)
  var json = false

  func run(_ context: CommandContext) throws -> Int32 {
    try ReviewActionOutput.perform(
      verdictOnly ? .withdrawVerdict : .withdrawReview, on: id, reviewer: reviewer, json: json, context: context)
  }
}

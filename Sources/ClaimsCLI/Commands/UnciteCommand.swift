import ClaimLedger
import ClaimModel

/// `claims uncite ID N`: removes one of the reviewer's citations from a claim.
struct UnciteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    name: "uncite", abstract: "Remove one of your citations from a claim.")

  @Argument(help: "A claim: a unique prefix of its id, or SOURCE-ID:ORDINAL.")
  var id: ClaimReference

  @Argument(name: "n", help: "The citation's number, as 'claims show' lists yours.")
  var number: PositiveInteger

  @OptionGroup var reviewer: ActingReviewer

  @Flag(help: ReviewActionOutput.jsonHelp)
  var json = false

  func run(_ context: CommandContext) throws -> Int32 {
    try ReviewActionOutput.perform(.uncite(number.value), on: id, reviewer: reviewer, json: json, context: context)
  }
}

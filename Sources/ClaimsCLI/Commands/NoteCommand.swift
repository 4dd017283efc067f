import ClaimLedger
import ClaimModel

/// `claims note ID TEXT`: sets the reviewer's note on a claim.
struct NoteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    name: "note", abstract: "Set your note on a claim (an empty text removes it).")

  @Argument(help: "A claim: a unique prefix of its id, or SOURCE-ID:ORDINAL.")
  var id: ClaimReference

  @Argument(help: "The note.")
  var text: String

  @OptionGroup var reviewer: ActingReviewer

  @Flag(help: ReviewActionOutput.jsonHelp)
  var json = false

  func run(_ context: CommandContext) throws -> Int32 {
    try ReviewActionOutput.perform(.note(text), on: id, reviewer: reviewer, json: json, context: context)
  }
}

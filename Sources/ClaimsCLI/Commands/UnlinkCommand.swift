import ClaimLedger
import ClaimModel
import ClaimReport

/// `claims unlink ID [FACTCHECK|CLAIM]`: takes back your link of a claim to an earlier check.
struct UnlinkCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    name: "unlink", abstract: "Take back your link of a claim to an earlier fact-check or claim.",
    discussion: "Without a target, takes back all your links of the claim. Others' links stay."
  )

  @Argument(help: "A claim: a unique prefix of its id, or SOURCE-ID:ORDINAL.")
  var id: ClaimReference

  @Argument(name: "target", help: "The earlier check to unlink: a fact-check's address, or a claim.")
  var target: String?

  @OptionGroup var reviewer: ActingReviewer

  @Flag(help: "Print the result as JSON.")
  var json = false

  func run(_ context: CommandContext) throws -> Int32 {
    let ledger = try context.openLedger()
    let linker = try reviewer.resolve(context, ledger: ledger)
    let result = try ledger.removeLinks(of: id.text, to: target, by: linker, at: try context.now())
    return LinkOutput.print(result, linked: false, json: json, context: context)
  }
}

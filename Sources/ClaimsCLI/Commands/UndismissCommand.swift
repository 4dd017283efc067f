import ClaimLedger
import ClaimModel

/// `claims undismiss`: takes back the desk's decision that claims are not claims to check.
struct UndismissCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    name: "undismiss", abstract: "Make dismissed claims checkable again.",
    discussion:
      "Takes back 'claims dismiss': the claims return to the backlog and coverage. A commit, as dismissing is."
  )

  @Argument(help: "Claims to make checkable again (id prefixes or SOURCE-ID:ORDINAL).")
  var id: [ClaimReference] = []

  @OptionGroup var selection: ClaimSelection

  func validate() throws(UsageError) {
    guard !id.isEmpty || selection.isBulk else {
      throw UsageError("Name the claims, or select them with --source or --status")
    }
  }

  func run(_ context: CommandContext) throws -> Int32 {
    try selection.decide(.checkable, id, context: context)
  }
}

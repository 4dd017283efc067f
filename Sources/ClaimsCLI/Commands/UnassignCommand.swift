import ClaimLedger
import ClaimModel

/// `claims unassign`: takes claims' assignments back.
struct UnassignCommand: ParsableCommand {
  static let configuration = CommandConfiguration(name: "unassign", abstract: "Take claims' assignments back.")

  @Argument(help: "Claims to unassign (id prefixes or SOURCE-ID:ORDINAL).")
  var id: [ClaimReference] = []

  @OptionGroup var selection: ClaimSelection

  func validate() throws(UsageError) {
    guard !id.isEmpty || selection.isBulk else {
      throw UsageError("Name the claims, or select them with --source or --status")
    }
  }

  func run(_ context: CommandContext) throws -> Int32 {
    try selection.assign(id, to: nil, context: context)
  }
}

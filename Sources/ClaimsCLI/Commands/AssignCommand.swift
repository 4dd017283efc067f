import ClaimLedger
import ClaimModel

/// `claims assign`: who should check which claims.
struct AssignCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    name: "assign", abstract: "Assign claims to a reviewer.",
    discussion:
      "Name the claims by id, or select them in bulk with --source and --status (for example every unreviewed claim of a source). The latest assignment of a claim stands."
  )

  @Argument(help: "Claims to assign (id prefixes or SOURCE-ID:ORDINAL).")
  var id: [ClaimReference] = []

  @Option(help: "The reviewer, as 'Name <email>' or a name.")
  var to: Identity

  @OptionGroup var selection: ClaimSelection

  func validate() throws(UsageError) {
    guard !id.isEmpty || selection.isBulk else {
      throw UsageError("Name the claims, or select them with --source or --status")
    }
  }

  func run(_ context: CommandContext) throws -> Int32 {
    try selection.assign(id, to: to, context: context)
  }
}

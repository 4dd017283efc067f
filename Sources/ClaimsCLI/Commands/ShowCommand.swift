import ClaimLedger
import ClaimModel

/// `claims show ID`: one claim in its context, with its reviews and assignment.
struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    name: "show", abstract: "Show a claim with the sentences around it, its reviews and its assignment.")

  @Argument(help: "A claim: a unique prefix of its id, or SOURCE-ID:ORDINAL.")
  var id: ClaimReference

  @Option(help: "Read the ledger as it was at <revision> (commit, tag, branch, HEAD~N).")
  var at: Revision?

  @Flag(help: "Print the claim, its neighbours, reviews and assignment as JSON.")
  var json = false

  func run(_ context: CommandContext) throws -> Int32 {
    let ledger = try context.openLedger()
    let snapshot = try ledger.snapshot(at: at)
    let claim = try snapshot.resolveClaim(id.text)
    snapshot.checkAgainstSeed(claim)
    let printer = ClaimPrinter(context: context, snapshot: snapshot)
    if json {
      let json = printer.json(claim)
      context.report(snapshot.problems)
      context.output.write(JSONWriter.canonicalText(of: json))
      return ExitStatus.success
    }
    printer.printHeader(claim)
    printer.printSource(claim)
    context.print("offsets: \(claim.start)–\(claim.end) (Unicode scalars)")
    if !claim.supersedes.isEmpty {
      context.print("supersedes: \(claim.supersedes.map(\.rawValue).joined(separator: ", "))")
    }
    printer.printAssignment(claim)
    printer.printDecision(claim)
    context.print()
    printer.printInContext(claim)
    context.print()
    printer.printReviews(claim)
    MatchPrinter(context: context).printEarlierChecks(of: claim, snapshot: snapshot)
    context.report(snapshot.problems)
    return ExitStatus.success
  }
}

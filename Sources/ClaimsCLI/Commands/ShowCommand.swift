import ClaimLedger
import ClaimModel

/// `claims show ID`: one claim in its context, with its reviews and assignment.
enum ShowCommand {
  static let spec = CommandSpec(
    name: "show", abstract: "Show a claim with the sentences around it, its reviews and its assignment.",
    arguments: [ArgumentSpec(name: "id", help: "A claim: a unique prefix of its id, or SOURCE-ID:ORDINAL.")],
    options: [
      .value("at", "revision", help: "Read the ledger as it was at <revision> (commit, tag, branch, HEAD~N)."),
      .flag("json", help: "Print the claim, its neighbours, reviews and assignment as JSON."),
    ]
  ) { arguments, context in
    let ledger = try context.openLedger(arguments)
    let snapshot =
      try arguments.value("at").map { revision throws(LedgerError) in try ledger.snapshot(at: revision) }
      ?? ledger.snapshot()
    let claim = try snapshot.resolveClaim(arguments.argument("id") ?? "")
    let printer = ClaimPrinter(context: context, snapshot: snapshot)
    if arguments.flag("json") {
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
    context.print()
    printer.printInContext(claim)
    context.print()
    printer.printReviews(claim)
    context.report(snapshot.problems)
    return ExitStatus.success
  }
}

import ClaimLedger
import ClaimModel

/// `claims show ID`: one claim in its context.
enum ShowCommand {
  static let spec = CommandSpec(
    name: "show", abstract: "Show a claim with the sentences around it.",
    arguments: [ArgumentSpec(name: "id", help: "A claim: a unique prefix of its id, or SOURCE-ID:ORDINAL.")],
    options: [
      .value("at", "revision", help: "Read the ledger as it was at <revision> (commit, tag, branch, HEAD~N)."),
      .flag("json", help: "Print the claim, its neighbours and its reviews as JSON."),
    ]
  ) { arguments, context in
    let ledger = try context.openLedger(arguments)
    let snapshot =
      try arguments.value("at").map { revision throws(LedgerError) in try ledger.snapshot(at: revision) }
      ?? ledger.snapshot()
    let claim = try snapshot.resolveClaim(arguments.argument("id") ?? "")
    let siblings = snapshot.claims(of: claim.source).filter { !$0.isRetired }
    let position = siblings.firstIndex { $0.id == claim.id }
    let before = position.flatMap { $0 > 0 ? siblings[$0 - 1] : nil }
    let after = position.flatMap { $0 + 1 < siblings.count ? siblings[$0 + 1] : nil }
    let source = snapshot.sourceRecord(claim.source)
    context.report(snapshot.problems)
    if arguments.flag("json") {
      var members: [String: JSONValue] = [
        "claim": claim.json,
        "before": before?.json ?? .null,
        "after": after?.json ?? .null,
      ]
      if let source { members["source"] = source.json }
      context.output.write(JSONWriter.canonicalText(of: .object(members)))
      return ExitStatus.success
    }
    let style = context.style
    context.print(
      "\(style.bold("claim")) \(style.yellow(claim.id.rawValue))  \(claim.reference)  \(claim.kind.rawValue)\(claim.isRetired ? "  (retired)" : "")"
    )
    if let source {
      var line = "source: \(source.id)"
      if let title = source.title { line += " — \(TerminalText.oneLine(title, width: 70))" }
      context.print(line)
      if let url = source.url { context.print("url:    \(TerminalText.sanitize(url))") }
    }
    context.print("offsets: \(claim.start)–\(claim.end) (Unicode scalars)")
    context.print()
    if let before { context.print(style.dim("  " + TerminalText.oneLine(before.text, width: 96))) }
    context.print(style.bold("> ") + TerminalText.sanitize(claim.text.collapsingWhitespace()))
    if let after { context.print(style.dim("  " + TerminalText.oneLine(after.text, width: 96))) }
    return ExitStatus.success
  }
}

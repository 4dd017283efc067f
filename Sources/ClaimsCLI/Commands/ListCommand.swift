import ClaimLedger
import ClaimModel

/// `claims list`: the claims of the ledger, one per line.
enum ListCommand {
  static let spec = CommandSpec(
    name: "list", abstract: "List claims: id, place, kind and the start of the text.",
    options: [
      .value("source", "source-id", help: "Only claims of this source (repeatable).", isRepeating: true),
      .value("at", "revision", help: "Read the ledger as it was at <revision> (commit, tag, branch, HEAD~N)."),
      .flag("json", help: "Print the claims as JSON."),
    ]
  ) { arguments, context in
    let ledger = try context.openLedger(arguments)
    let snapshot =
      try arguments.value("at").map { revision throws(LedgerError) in try ledger.snapshot(at: revision) }
      ?? ledger.snapshot()
    let sources = try selectedSources(arguments, in: snapshot)
    let claims = sources.flatMap { snapshot.claims(of: $0) }.filter { !$0.isRetired }
    context.report(snapshot.problems)
    if arguments.flag("json") {
      context.output.write(JSONWriter.canonicalText(of: .array(claims.map(\.json))))
      return ExitStatus.success
    }
    let style = context.style
    let referenceWidth = min(28, claims.map { $0.reference.count }.max() ?? 3)
    for claim in claims {
      let reference = TerminalText.oneLine(claim.reference, width: referenceWidth)
      let padding = String(repeating: " ", count: max(0, referenceWidth - reference.count))
      let kind = claim.kind.rawValue.padded(to: 11)
      let textWidth = max(20, 100 - 10 - 2 - referenceWidth - 2 - 11 - 2)
      let text = TerminalText.oneLine(claim.text, width: textWidth)
      let kindText = claim.kind.isCheckable ? kind : style.dim(kind)
      context.print("\(style.yellow(claim.id.rawValue))  \(reference)\(padding)  \(kindText)  \(text)")
    }
    return ExitStatus.success
  }

  /// The sources `--source` names (checked to exist), or every source.
  static func selectedSources(_ arguments: ParsedArguments, in snapshot: LedgerSnapshot) throws(CommandFailure)
    -> [SourceID]
  {
    let all = snapshot.sourceIDs()
    let requested = arguments.allValues("source")
    guard !requested.isEmpty else { return all }
    var selected: [SourceID] = []
    for name in requested {
      guard let id = SourceID(name), all.contains(id) else {
        let known =
          all.isEmpty ? "the ledger has no sources yet" : "sources: " + all.map(\.rawValue).joined(separator: ", ")
        throw CommandFailure("no source '\(name.escapedForMessage)' in the ledger; \(known)")
      }
      selected.append(id)
    }
    return selected
  }
}

import ClaimLedger
import ClaimModel

/// `claims assign` and `claims unassign`: who should check which claims.
enum AssignCommands {
  static let selectionOptions: [OptionSpec] = [
    .value("source", "source-id", help: "Every claim of this source (repeatable).", isRepeating: true),
    .value(
      "status", "status", help: "Only claims with this status (see 'claims list --help').",
      completions: ClaimFilter.statuses),
    .value("author", "identity", help: "Who assigns, as 'Name <email>' (default: CLAIMS_AUTHOR, then git config)."),
  ]

  static let assign = CommandSpec(
    name: "assign", abstract: "Assign claims to a reviewer.",
    discussion:
      "Name the claims by id, or select them in bulk with --source and --status (for example every unreviewed claim of a source). The latest assignment of a claim stands.",
    arguments: [
      ArgumentSpec(
        name: "id", help: "Claims to assign (id prefixes or SOURCE-ID:ORDINAL).", isOptional: true, isRepeating: true)
    ],
    options: [.value("to", "identity", help: "The reviewer, as 'Name <email>' or a name.")] + selectionOptions
  ) { arguments, context in
    guard let name = arguments.value("to") else {
      throw UsageError("Missing expected option '--to <identity>'", command: "assign")
    }
    guard let assignee = Identity(parsing: name) else {
      throw UsageError("The value '\(name.escapedForMessage)' is invalid for '--to <identity>'", command: "assign")
    }
    return try run(assigning: assignee, arguments, context)
  }

  static let unassign = CommandSpec(
    name: "unassign", abstract: "Take claims' assignments back.",
    arguments: [
      ArgumentSpec(
        name: "id", help: "Claims to unassign (id prefixes or SOURCE-ID:ORDINAL).", isOptional: true, isRepeating: true)
    ],
    options: selectionOptions
  ) { arguments, context in
    try run(assigning: nil, arguments, context)
  }

  private static func run(assigning assignee: Identity?, _ arguments: ParsedArguments, _ context: CommandContext) throws
    -> Int32
  {
    let references = arguments.arguments("id")
    let hasBulk = !arguments.allValues("source").isEmpty || arguments.value("status") != nil
    guard !references.isEmpty || hasBulk else {
      throw UsageError("Name the claims, or select them with --source or --status", command: arguments.commandName)
    }
    let ledger = try context.openLedger(arguments)
    let editor = try context.author(arguments, ledger: ledger)
    let filter = try ClaimFilter(arguments: arguments, context: context, ledger: ledger)
    let (claims, commit) = try ledger.assign(to: assignee, by: editor, at: try context.now()) {
      (snapshot) throws(LedgerError) in
      var selected: [Claim] = []
      for reference in references { selected.append(try snapshot.resolveClaim(reference)) }
      if hasBulk {
        let sources = Result { () throws(CommandFailure) in try ListCommand.selectedSources(arguments, in: snapshot) }
        switch sources {
        case .success(let sources): selected += try filter.apply(to: sources, in: snapshot)
        case .failure(let failure): throw LedgerError(failure.kind, failure.message)
        }
      }
      var seen: Set<ClaimID> = []
      return selected.filter { seen.insert($0.id).inserted }
    }
    commit?.warnings.forEach(context.warn)
    let who = assignee.map { TerminalText.sanitize($0.description) }
    guard let commit else {
      context.print(
        who.map { "Nothing to do: those claims are already assigned to \($0)." }
          ?? "Nothing to do: those claims are not assigned.")
      return ExitStatus.success
    }
    let what = claims.count == 1 ? "claim \(claims[0].id)" : "\(claims.count) claims"
    context.print(
      (who.map { "Assigned \(what) to \($0)" } ?? "Unassigned \(what)") + " in commit \(commit.commit.prefix(7))")
    return ExitStatus.success
  }
}

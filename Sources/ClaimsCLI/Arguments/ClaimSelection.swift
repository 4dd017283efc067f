import ClaimLedger
import ClaimModel

/// The claims `claims assign` and `claims unassign` act on: named by id, or selected in bulk by
/// source and status, and who acts.
struct ClaimSelection: ParsableArguments {
  @Option(help: "Every claim of this source (repeatable).")
  var source: [SourceID] = []

  @Option(help: "Only claims with this status (see 'claims list --help').")
  var status: StatusFilter?

  @Option(help: "Who assigns, as 'Name <email>' (default: CLAIMS_AUTHOR, then git config).")
  var author: Identity?

  /// Whether claims are selected in bulk.
  var isBulk: Bool { !source.isEmpty || status != nil }

  /// The claims `references` name, then those the bulk selection finds, each once.
  func claims(_ references: [ClaimReference], in snapshot: LedgerSnapshot) throws(LedgerError) -> [Claim] {
    var selected: [Claim] = []
    for reference in references { selected.append(try snapshot.resolveClaim(reference.text)) }
    if isBulk {
      let sources = Result { () throws(CommandFailure) in try ListCommand.selectedSources(source, in: snapshot) }
      switch sources {
      case .success(let sources): selected += try ClaimFilter(status: status).apply(to: sources, in: snapshot)
      case .failure(let failure): throw LedgerError(failure.kind, failure.message)
      }
    }
    var seen: Set<ClaimID> = []
    return selected.filter { seen.insert($0.id).inserted }
  }

  /// Records the assignment of the selected claims to `assignee` (nil: takes them back) and says so.
  func assign(
    _ references: [ClaimReference], to assignee: Identity?, context: CommandContext
  ) throws -> Int32 {
    let ledger = try context.openLedger()
    let editor = try context.author(author, ledger: ledger)
    let (claims, commit) = try ledger.assign(to: assignee, by: editor, at: try context.now()) {
      (snapshot) throws(LedgerError) in try self.claims(references, in: snapshot)
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

import ClaimLedger
import ClaimModel

/// The claims `claims assign`, `unassign`, `dismiss` and `undismiss` act on: named by id, or selected
/// in bulk by source and status, and the editor who acts.
struct ClaimSelection: ParsableArguments {
  @Option(help: "Every claim of this source (repeatable).")
  var source: [SourceID] = []

  @Option(help: "Only claims with any of these statuses (comma-separated or repeated; see 'claims list --help').")
  var status: [StatusList] = []

  @Option(help: "The editor who acts, as 'Name <email>' (default: CLAIMS_AUTHOR, then git config).")
  var author: Identity?

  /// Whether claims are selected in bulk.
  var isBulk: Bool { !source.isEmpty || !status.isEmpty }

  /// The claims `references` name, then those the bulk selection finds, each once.
  func claims(_ references: [ClaimReference], in snapshot: LedgerSnapshot) throws(LedgerError) -> [Claim] {
    var selected: [Claim] = []
    for reference in references { selected.append(try snapshot.resolveClaim(reference.text)) }
    if isBulk {
      let sources = Result { () throws(CommandFailure) in try ListCommand.selectedSources(source, in: snapshot) }
      switch sources {
      case .success(let sources):
        selected += try ClaimFilter(statuses: status.statuses).apply(to: sources, in: snapshot)
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
      let those = subject(of: references)
      context.print(
        who.map { "Nothing to do: \(those) already assigned to \($0)." } ?? "Nothing to do: \(those) not assigned.")
      return ExitStatus.success
    }
    let what = claims.count == 1 ? "claim \(claims[0].id)" : "\(claims.count) claims"
    context.print(
      (who.map { "Assigned \(what) to \($0)" } ?? "Unassigned \(what)") + " in commit \(commit.commit.prefix(7))")
    return ExitStatus.success
  }
}

extension ClaimSelection {
  /// "claim <reference> is" when one claim was named, "those claims are" otherwise: the start of a
  /// "Nothing to do" line (which names what the user typed: nothing was changed to name).
  func subject(of references: [ClaimReference]) -> String {
    references.count == 1 && !isBulk ? "claim \(references[0].text) is" : "those claims are"
  }

  /// Records the desk's `change` on the selected claims (`dismiss`, `undismiss`) and says so.
  func decide(_ change: DecisionEvent.Change, _ references: [ClaimReference], context: CommandContext) throws -> Int32 {
    let ledger = try context.openLedger()
    let editor = try context.author(author, ledger: ledger)
    let (claims, commit) = try ledger.decide(change, by: editor, at: try context.now()) {
      (snapshot) throws(LedgerError) in try self.claims(references, in: snapshot)
    }
    commit?.warnings.forEach(context.warn)
    let what = claims.count == 1 ? "claim \(claims[0].id)" : "\(claims.count) claims"
    guard let commit else {
      let those = subject(of: references)
      context.print(
        change.isDismissal
          ? "Nothing to do: \(those) already marked not a claim."
          : "Nothing to do: \(those) not marked not a claim.")
      return ExitStatus.success
    }
    context.print(
      (change.isDismissal ? "Marked \(what) not a claim" : "Marked \(what) checkable again")
        + " in commit \(commit.commit.prefix(7))")
    return ExitStatus.success
  }
}

extension DecisionEvent.Change {
  /// Whether the change rules claims out (`dismiss`).
  fileprivate var isDismissal: Bool {
    if case .notAClaim = self { return true }
    return false
  }
}

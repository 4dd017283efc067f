import ClaimLedger
import ClaimModel

/// The filters `claims list` and `claims review` share: `--source`, `--status`, `--verdict`,
/// `--assigned-to` and `--grep`. (`list --reviewer` filters by reviewer; in `review`, `--reviewer`
/// names who reviews.)
struct ClaimFilterOptions: ParsableArguments {
  @Option(help: "Only claims of this source (repeatable).")
  var source: [SourceID] = []

  @Option(
    help:
      "Only claims with any of these statuses (comma-separated, or repeat the option: --status disputed,flagged; see 'claims list --help')."
  )
  var status: [StatusList] = []

  @Option(help: "Only claims someone gave this verdict.")
  var verdict: VerdictName?

  @Option(help: "Only claims assigned to this reviewer ('me' for you).")
  var assignedTo: PersonArgument?

  @Option(
    help:
      "Only claims where <text> appears (case-insensitive) in the claim's text, a reviewer's note, or a citation's title or address."
  )
  var grep: String?

  /// The statuses asked for, each once.
  var statuses: [StatusFilter] { status.statuses }

  /// The filter these options describe, with `reviewer` (`list --reviewer`) beside them.
  func filter(_ context: CommandContext, ledger: Ledger, reviewer: Identity? = nil) throws(LedgerError) -> ClaimFilter {
    let assignee = try assignedTo.map { (person) throws(LedgerError) in try person.filter(context, ledger: ledger) }
    return ClaimFilter(statuses: statuses, verdict: verdict, reviewer: reviewer, assignee: assignee, text: grep)
  }
}

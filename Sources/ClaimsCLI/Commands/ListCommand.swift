import ClaimLedger
import ClaimModel
import ClaimReport

/// `claims list`: the claims of the ledger, one per line, filtered.
struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    name: "list", abstract: "List claims, filtered by source, status, verdict, reviewer, assignee or text.",
    discussion: """
      Statuses: unreviewed (checkable, no verdict yet), reviewed (at least one verdict), uncited (checkable, no \
      citation yet), disputed (reviewers' verdicts differ), flagged (someone said refuted or misleading), verified \
      (enough agreeing, cited verdicts), stale (a review was given to an earlier text of the claim), matched (linked to an earlier check, or unreviewed and \
      resembling an earlier fact-check or reviewed claim: see 'claims match'). Checkable claims \
      are headlines and sentences that not every reviewer called opinion.
      """
  )

  @Option(help: "Only claims of this source (repeatable).")
  var source: [SourceID] = []

  @Option(help: "Only claims with this status.")
  var status: StatusFilter?

  @Option(help: "Only claims someone gave this verdict.")
  var verdict: VerdictName?

  @Option(help: "Only claims this reviewer reviewed (name, e-mail or 'Name <email>'; 'me' for you).")
  var reviewer: PersonArgument?

  @Option(help: "Only claims assigned to this reviewer ('me' for you).")
  var assignedTo: PersonArgument?

  @Option(help: "Only claims whose text contains <text> (case-insensitive).")
  var grep: String?

  @Option(help: "Read the ledger as it was at <revision> (commit, tag, branch, HEAD~N).")
  var at: Revision?

  @Flag(help: "Print the claims, with their status, as JSON.")
  var json = false

  func run(_ context: CommandContext) throws -> Int32 {
    let ledger = try context.openLedger()
    let snapshot = try ledger.snapshot(at: at)
    let sources = try Self.selectedSources(source, in: snapshot)
    let assignee = try assignedTo.map { (person) throws(LedgerError) in try person.filter(context, ledger: ledger) }
    let reviewer = try reviewer.map { (person) throws(LedgerError) in try person.filter(context, ledger: ledger) }
    let filter = ClaimFilter(status: status, verdict: verdict, reviewer: reviewer, assignee: assignee, text: grep)
    let claims = try filter.apply(to: sources, in: snapshot)
    let config = snapshot.config()
    context.report(snapshot.problems)
    if json {
      let values: [JSONValue] = claims.map { claim in
        let reviews = snapshot.reviews(of: claim)
        guard case .object(var members) = claim.json else { return claim.json }
        members["status"] = Self.statusJSON(ClaimStatus(claim: claim, reviews: reviews, config: config))
        members["assignee"] =
          snapshot.assignments(of: claim.source)[claim.id]?.assignee.map { .string($0.description) } ?? .null
        return .object(members)
      }
      context.output.write(JSONWriter.canonicalText(of: .array(values)))
      return ExitStatus.success
    }
    let style = context.style
    let referenceWidth = min(26, claims.map { $0.reference.count }.max() ?? 3)
    for claim in claims {
      let status = ClaimStatus(claim: claim, reviews: snapshot.reviews(of: claim), config: config)
      let reference = TerminalText.sanitize(claim.reference(fittingIn: referenceWidth)).padded(to: referenceWidth)
      let kind = claim.kind.rawValue.padded(to: 11)
      let verdicts = TerminalText.oneLine(Self.verdictSummary(status), width: 18).padded(to: 18)
      let text = TerminalText.oneLine(claim.text, width: max(20, 100 - 10 - referenceWidth - 11 - 18 - 8))
      let coloured =
        status.isFlagged ? style.red(verdicts) : status.isReviewed ? style.green(verdicts) : style.dim(verdicts)
      context.print(
        "\(style.yellow(claim.id.rawValue))  \(reference)  \(claim.kind.isCheckable ? kind : style.dim(kind))  \(coloured)  \(text)"
      )
    }
    return ExitStatus.success
  }

  /// `refuted`, `supported≠refuted` for a dispute, `–` when unreviewed.
  static func verdictSummary(_ status: ClaimStatus) -> String {
    var text = status.verdicts.isEmpty ? "–" : status.verdicts.joined(separator: "≠")
    if status.hasStaleReviews { text += " (stale)" }
    return text
  }

  static func statusJSON(_ status: ClaimStatus) -> JSONValue {
    .object([
      "checkable": .bool(status.isCheckable), "reviewed": .bool(status.isReviewed), "cited": .bool(status.isCited),
      "disputed": .bool(status.isDisputed), "flagged": .bool(status.isFlagged), "verified": .bool(status.isVerified),
      "stale": .bool(status.hasStaleReviews), "verdicts": .array(status.verdicts.map { .string($0) }),
    ])
  }

  /// The sources `--source` names (checked to exist), or every source.
  static func selectedSources(_ requested: [SourceID], in snapshot: LedgerSnapshot) throws(CommandFailure)
    -> [SourceID]
  {
    let all = snapshot.sourceIDs()
    guard !requested.isEmpty else { return all }
    var selected: [SourceID] = []
    for id in requested {
      guard all.contains(id) else {
        let known =
          all.isEmpty ? "the ledger has no sources yet" : "sources: " + all.map(\.rawValue).joined(separator: ", ")
        throw CommandFailure(.notFound, "no source '\(id)' in the ledger; \(known)")
      }
      selected.append(id)
    }
    return selected
  }
}

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
      resembling an earlier fact-check or reviewed claim: see 'claims match'), retired (left out of the article by a \
      re-import; only listed when asked for). Checkable claims are headlines and sentences that not every reviewer \
      called opinion and the desk did not mark not a claim ('claims dismiss'). --status takes several statuses \
      (--status disputed,flagged: claims with any of them). --grep looks in the claim's text, its reviewers' notes, \
      and the titles and addresses they cite. Each line is cut to the terminal's width (COLUMNS if set; 100 columns \
      when output is not a terminal); --full prints every claim's whole text.
      """
  )

  @OptionGroup var filters: ClaimFilterOptions

  @Option(help: "Only claims this reviewer reviewed (name, e-mail or 'Name <email>'; 'me' for you).")
  var reviewer: PersonArgument?

  @Option(help: "Read the ledger as it was at <revision> (commit, tag, branch, HEAD~N).")
  var at: Revision?

  @Flag(help: "Print each claim's whole text instead of cutting it to the line's width.")
  var full = false

  @Flag(help: "Print the claims, with their status, as JSON.")
  var json = false

  func run(_ context: CommandContext) throws -> Int32 {
    let ledger = try context.openLedger()
    let snapshot = try ledger.snapshot(at: at)
    let sources = try Self.selectedSources(filters.source, in: snapshot)
    let reviewer = try reviewer.map { (person) throws(LedgerError) in try person.filter(context, ledger: ledger) }
    let claims = try filters.filter(context, ledger: ledger, reviewer: reviewer).apply(to: sources, in: snapshot)
    let config = snapshot.config()
    context.report(snapshot.problems)
    if json {
      let values: [JSONValue] = claims.map { claim in
        let reviews = snapshot.reviews(of: claim)
        guard case .object(var members) = claim.json else { return claim.json }
        let decision = snapshot.decision(of: claim)
        members["status"] = Self.statusJSON(
          ClaimStatus(claim: claim, reviews: reviews, config: config, decision: decision))
        members["assignee"] =
          snapshot.assignments(of: claim.source)[claim.id]?.assignee.map { .string($0.description) } ?? .null
        members["claimant"] = decision?.claimant.map { .string($0.name) } ?? .null
        return .object(members)
      }
      context.output.write(JSONWriter.canonicalText(of: .array(values)))
      return ExitStatus.success
    }
    let style = context.style
    let referenceWidth = min(26, claims.map { $0.reference.count }.max() ?? 3)
    // The text takes what the line has left: the terminal's width (or COLUMNS), else 100 columns.
    let textWidth = max(20, (context.outputWidth ?? 100) - 10 - 2 - referenceWidth - 2 - 11 - 2 - 18 - 2)
    for claim in claims {
      let status = ClaimStatus(
        claim: claim, reviews: snapshot.reviews(of: claim), config: config, decision: snapshot.decision(of: claim))
      let reference = TerminalText.sanitize(claim.reference(fittingIn: referenceWidth)).padded(to: referenceWidth)
      let kind = claim.kind.rawValue.padded(to: 11)
      let verdicts = TerminalText.oneLine(Self.verdictSummary(status), width: 18).padded(to: 18)
      let text = TerminalText.oneLine(claim.text, width: full ? .max : textWidth)
      let coloured =
        status.isFlagged ? style.red(verdicts) : status.isReviewed ? style.green(verdicts) : style.dim(verdicts)
      context.print(
        "\(style.yellow(claim.id.rawValue))  \(reference)  \(claim.kind.isCheckable ? kind : style.dim(kind))  \(coloured)  \(text)"
      )
    }
    return ExitStatus.success
  }

  /// `refuted`, `supported≠refuted` for a dispute, `–` when unreviewed, `not a claim` when the desk
  /// ruled it out.
  static func verdictSummary(_ status: ClaimStatus) -> String {
    var text =
      status.verdicts.isEmpty ? (status.isNotAClaim ? "not a claim" : "–") : status.verdicts.joined(separator: "≠")
    if status.isNotAClaim && !status.verdicts.isEmpty { text += " (not a claim)" }
    if status.hasStaleReviews { text += " (stale)" }
    return text
  }

  static func statusJSON(_ status: ClaimStatus) -> JSONValue {
    .object([
      "checkable": .bool(status.isCheckable), "reviewed": .bool(status.isReviewed), "cited": .bool(status.isCited),
      "disputed": .bool(status.isDisputed), "flagged": .bool(status.isFlagged), "verified": .bool(status.isVerified),
      "stale": .bool(status.hasStaleReviews), "verdicts": .array(status.verdicts.map { .string($0) }),
      "not_a_claim": .bool(status.isNotAClaim),
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

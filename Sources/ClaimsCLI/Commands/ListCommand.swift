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
      resembling an earlier fact-check or reviewed claim: see 'claims match'), dismissed (the desk marked it not a \
      claim: 'claims dismiss'; a dismissed claim has this status and no other, whatever its verdicts), retired (left \
      out of the article by a re-import; only listed when asked for). Checkable claims are headlines and sentences that not every reviewer \
      called opinion and the desk did not mark not a claim ('claims dismiss'). --status takes several statuses \
      (--status disputed,flagged: claims with any of them). --grep looks in the claim's text, its reviewers' notes, \
      and the titles and addresses they cite. Each line is cut to the terminal's width (COLUMNS if set; 100 columns \
      when output is not a terminal) by shortening the claim's text: the id and the source:N reference are always \
      printed whole, so a terminal too narrow for them gets longer lines; --full prints every claim's whole text. \
      --json prints an array of claim records, each with its assignee, claimant and status: status.statuses names \
      the statuses --status lists the claim under (all but matched, which needs the matching index), and the flags \
      reviewed, disputed, flagged, verified and stale agree with them (false for a dismissed or retired claim, whose \
      verdicts stay in status.verdicts), as in the claims of 'claims report --format json'. On a terminal the \
      verdicts are coloured by status: red when flagged, green when reviewed, dim otherwise (a dismissed or retired \
      claim's too).
      """
  )

  @OptionGroup var filters: ClaimFilterOptions

  @Option(help: "Only claims this reviewer reviewed (name, e-mail or 'Name <email>'; 'me' for you).")
  var reviewer: PersonArgument?

  @Option(help: "Read the ledger as it was at <revision> (commit, tag, branch, HEAD~N).")
  var at: Revision?

  @Flag(help: "Print each claim's whole text instead of cutting it to the line's width.")
  var full = false

  @Flag(help: "Print the claims, with their statuses (as --status names them), as JSON.")
  var json = false

  func run(_ context: CommandContext) throws -> Int32 {
    let ledger = try context.openLedger()
    let snapshot = try ledger.snapshot(at: at)
    let sources = try Self.selectedSources(filters.source, in: snapshot)
    let reviewer = try reviewer.map { (person) throws(LedgerError) in try person.filter(context, ledger: ledger) }
    let filter = try filters.filter(context, ledger: ledger, reviewer: reviewer)
    // Claims are read a batch of sources at a time, on every core, and only what is printed is
    // kept: a ledger of a million claims is never in memory whole.
    if json {
      // Each claim's JSON is made where its source was read, as the element of the array it is in
      // the output, and written out batch by batch; the whole is the canonical text of the array.
      var isFirst = true
      try filter.forEachMatch(in: sources, of: snapshot, making: Self.jsonElement) { elements in
        for element in elements {
          context.output.write(isFirst ? "[\n  " : ",\n  ")
          element.withUnsafeBufferPointer { context.output.write(utf8: $0) }
          isFirst = false
        }
      }
      context.report(snapshot.problems)
      context.output.write(isFirst ? "[]\n" : "\n]\n")
      return ExitStatus.success
    }
    // The text takes what the line has left: the terminal's width (or COLUMNS), else 100 columns.
    // The id and the `source:N` reference are always whole (they are copied into other commands):
    // a long source id shortens the text, never itself; on a terminal too narrow for both and
    // some text (10 characters), the line is longer than the terminal.
    let lineWidth = context.outputWidth ?? 100
    func textWidth(referenceWidth: Int) -> Int { max(10, lineWidth - 10 - 2 - referenceWidth - 2 - 11 - 2 - 18 - 2) }
    let kept = full ? Int.max : textWidth(referenceWidth: 3)
    var rows: [Row] = []
    try filter.forEachMatch(in: sources, of: snapshot, making: { Row($0, keeping: kept) }) { rows += $0 }
    context.report(snapshot.problems)
    let style = context.style
    let referenceWidth = rows.map { Claim.reference(source: $0.source, ordinal: $0.ordinal).count }.max() ?? 3
    for row in rows {
      let status = row.status
      let reference = TerminalText.sanitize(Claim.reference(source: row.source, ordinal: row.ordinal))
        .padded(to: referenceWidth)
      let kind = row.kind.rawValue.padded(to: 11)
      let verdicts = TerminalText.oneLine(Self.verdictSummary(status), width: 18).padded(to: 18)
      let text = row.line(width: full ? .max : textWidth(referenceWidth: referenceWidth))
      let coloured = Self.colour(verdicts, status: status, isRetired: row.isRetired, style: style)
      context.print(
        "\(style.yellow(row.id.rawValue))  \(reference)  \(row.kind.isCheckable ? kind : style.dim(kind))  \(coloured)  \(text)"
      )
    }
    return ExitStatus.success
  }

  /// What a line of `claims list` needs of a claim: not its whole record.
  struct Row: Sendable {
    let id: ClaimID
    let source: SourceID
    let ordinal: Int
    let kind: ClaimKind
    let status: ClaimStatus
    let isRetired: Bool
    /// The start of the text as one safe line (``TerminalText/oneLine(_:width:)`` cuts it).
    private let text: String
    /// Whether the whole line is longer than ``text``.
    private let isCut: Bool

    /// The row of `match`, keeping at most `widest` characters of its text: the most any line
    /// can show, so that a million rows do not hold a million whole texts.
    init(_ match: ClaimFilter.Match, keeping widest: Int) {
      id = match.claim.id
      source = match.claim.source
      ordinal = match.claim.ordinal
      kind = match.claim.kind
      status = match.status
      isRetired = match.claim.isRetired
      let line = TerminalText.oneLine(match.claim.text, width: Int.max)
      isCut = line.count > widest
      text = isCut ? String(line.prefix(widest)) : line
    }

    /// The text in at most `width` characters, as ``TerminalText/oneLine(_:width:)`` would cut the
    /// whole of it (`width` at most the `widest` kept).
    func line(width: Int) -> String {
      guard isCut || text.count > width else { return text }
      return String(text.prefix(max(1, width - 1))) + "…"
    }
  }

  /// A claim as an element of `claims list --json`'s array: its record, status, assignee and
  /// claimant.
  @Sendable static func jsonElement(_ match: ClaimFilter.Match) -> [UInt8] {
    guard case .object(var members) = match.claim.json else { return [] }
    members["status"] = Self.statusJSON(
      match.status, statuses: StatusFilter.statuses(of: match.claim, in: match.status))
    members["assignee"] = match.assignment?.assignee.map { .string($0.description) } ?? .null
    members["claimant"] = match.decision?.claimant.map { .string($0.name) } ?? .null
    var writer = JSONStreamWriter(depth: 1, capacity: 1024)
    writer.value(.object(members))
    return writer.bytes
  }

  /// The verdicts of a claim in `status` coloured by its statuses (``ClaimStatusName``, as
  /// `--status` gives them): red when flagged, green when reviewed, dim otherwise, so that a
  /// dismissed or retired claim, whose verdicts count nowhere, is dim like an unreviewed one.
  static func colour(_ verdicts: String, status: ClaimStatus, isRetired: Bool, style: TextStyle) -> String {
    let names = status.names(isRetired: isRetired)
    if names.contains(.flagged) { return style.red(verdicts) }
    return names.contains(.reviewed) ? style.green(verdicts) : style.dim(verdicts)
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

  /// The `status` of a claim in `claims list --json`: `statuses` names what `--status` lists the
  /// claim under, and the flags named after a status (`reviewed`, `disputed`, `flagged`,
  /// `verified`, `stale`) say the same, so that a script filtering the JSON gets what `--status`
  /// gives: false for a dismissed or retired claim whatever its verdicts (`verdicts` still has them).
  static func statusJSON(_ status: ClaimStatus, statuses: [StatusFilter]) -> JSONValue {
    func has(_ filter: StatusFilter) -> JSONValue { .bool(statuses.contains(filter)) }
    return .object([
      "statuses": .array(statuses.map { .string($0.rawValue) }),
      "checkable": .bool(status.isCheckable), "reviewed": has(.reviewed), "cited": .bool(status.isCited),
      "disputed": has(.disputed), "flagged": has(.flagged), "verified": has(.verified), "stale": has(.stale),
      "verdicts": .array(status.verdicts.map { .string($0) }), "not_a_claim": .bool(status.isNotAClaim),
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

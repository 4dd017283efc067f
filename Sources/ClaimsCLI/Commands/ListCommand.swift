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
    var rows: [Row] = []
    try filter.forEachMatch(in: sources, of: snapshot, making: Row.init) { rows += $0 }
    context.report(snapshot.problems)
    let style = context.style
    let referenceWidth = min(26, rows.map { Claim.reference(source: $0.source, ordinal: $0.ordinal).count }.max() ?? 3)
    for row in rows {
      let status = row.status
      let reference = TerminalText.sanitize(
        Claim.reference(source: row.source, ordinal: row.ordinal, fittingIn: referenceWidth)
      ).padded(to: referenceWidth)
      let kind = row.kind.rawValue.padded(to: 11)
      let verdicts = TerminalText.oneLine(Self.verdictSummary(status), width: 18).padded(to: 18)
      let text = row.line(width: max(20, 100 - 10 - referenceWidth - 11 - 18 - 8))
      let coloured =
        status.isFlagged ? style.red(verdicts) : status.isReviewed ? style.green(verdicts) : style.dim(verdicts)
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
    /// The start of the text as one safe line (``TerminalText/oneLine(_:width:)`` cuts it).
    private let text: String
    /// Whether the whole line is longer than ``text``.
    private let isCut: Bool
    /// The text column is never wider than this.
    private static let widest = 60

    init(_ match: ClaimFilter.Match) {
      id = match.claim.id
      source = match.claim.source
      ordinal = match.claim.ordinal
      kind = match.claim.kind
      status = match.status
      let line = TerminalText.oneLine(match.claim.text, width: Int.max)
      isCut = line.count > Self.widest
      text = isCut ? String(line.prefix(Self.widest)) : line
    }

    /// The text in at most `width` characters, as ``TerminalText/oneLine(_:width:)`` would cut the
    /// whole of it (`width` at most ``widest``).
    func line(width: Int) -> String {
      guard isCut || text.count > width else { return text }
      return String(text.prefix(max(1, width - 1))) + "…"
    }
  }

  /// A claim as an element of `claims list --json`'s array: its record, status and assignee.
  @Sendable static func jsonElement(_ match: ClaimFilter.Match) -> [UInt8] {
    guard case .object(var members) = match.claim.json else { return [] }
    members["status"] = Self.statusJSON(match.status)
    members["assignee"] = match.assignment?.assignee.map { .string($0.description) } ?? .null
    var writer = JSONStreamWriter(depth: 1, capacity: 1024)
    writer.value(.object(members))
    return writer.bytes
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

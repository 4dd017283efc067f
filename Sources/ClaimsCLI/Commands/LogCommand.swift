import ClaimLedger
import ClaimModel
import ClaimReport

/// `claims log [ID]`: the review history as actions, newest first.
struct LogCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    name: "log", abstract: "Show the review history: who did what to which claims, newest first.",
    discussion:
      "Each line is one action: a verdict set or changed (from → to), a citation added or removed, a note, an assignment, an import, a link to an earlier check or its removal. With <id>, the whole story of that claim, from the import of its article on; for a claim that replaced others when a revised article was re-imported, their stories before it too, each such line marked with the claim it was on."
  )

  @Argument(help: "Only the history of this claim (id prefix or SOURCE-ID:ORDINAL).")
  var id: ClaimReference?

  @Option(help: "Only actions on this source (repeatable).")
  var source: [SourceID] = []

  @Option(help: "Only actions by this person (name, e-mail or 'Name <email>'; 'me' for you).")
  var reviewer: PersonArgument?

  @Option(help: "Only actions on or after <date> (YYYY-MM-DD or a UTC timestamp).")
  var since: TimeBound?

  @Option(help: "Only actions before the end of <date>.")
  var until: TimeBound?

  @Option(name: .short("n"), help: "Show at most <n> actions.")
  var maxCount: Count?

  @Option(help: "Start from <revision> instead of the branch tip.")
  var at: Revision?

  @Flag(help: "Print the actions as JSON.")
  var json = false

  func run(_ context: CommandContext) throws -> Int32 {
    let ledger = try context.openLedger()
    let since = since?.start
    let until = until?.end
    let sources = source
    let reviewer = try reviewer.map { (person) throws(LedgerError) in try person.filter(context, ledger: ledger) }
    let snapshot = try ledger.snapshot(at: at)
    let claim = try id.map { (reference) throws(LedgerError) in try snapshot.resolveClaim(reference.text) }
    let history = try ledger.history(from: at?.text)
    if !sources.isEmpty {
      // A source named in history counts even if it is gone now.
      var known = Set(snapshot.sourceIDs())
      for entry in history { known.formUnion(entry.sources) }
      if let unknown = sources.first(where: { !known.contains($0) }) {
        throw CommandFailure(
          .notFound, "no source '\(unknown)' in the ledger or its history; \(Ledger.describe(sources: known.sorted()))")
      }
    }
    // With a claim: its story, and that of the claims it superseded, each entry with the claim it was on.
    let story: [(entry: HistoryEntry, claim: ClaimID?)] =
      claim.map { claim in ledger.story(of: claim, in: history, at: snapshot).map { ($0.entry, $0.claim) } }
      ?? history.map { ($0, nil) }
    var entries = story.filter { item in
      let entry = item.entry
      if !sources.isEmpty, !entry.sources.contains(where: sources.contains) { return false }
      if let reviewer, !ClaimFilter.matches(entry.author, reviewer),
        !(entry.reviewer.flatMap(Identity.init(parsing:)).map { ClaimFilter.matches($0, reviewer) } ?? false)
      {
        return false
      }
      if let since, entry.time < since { return false }
      if let until, entry.time > until { return false }
      return true
    }
    if let maxCount { entries = Array(entries.prefix(maxCount.value)) }
    // Values a merge replaced with a concurrent action's: never shown as the one that stands.
    let replaced =
      claim.map { claim in
        ledger.replacedValues(
          in: story.compactMap { item in item.claim.map { (item.entry, $0) } }, of: claim, entries: history,
          at: snapshot)
      } ?? [:]
    // Entries on a claim the one asked about superseded.
    func earlier(_ item: (entry: HistoryEntry, claim: ClaimID?)) -> ClaimID? {
      guard let on = item.claim, on != claim?.id else { return nil }
      return on
    }
    if json {
      context.output.write(
        JSONWriter.canonicalText(
          of: .array(
            entries.map { item in
              guard case .object(var members) = Self.json(item.entry) else { return Self.json(item.entry) }
              if let on = earlier(item) { members["superseded_claim"] = .string(on.rawValue) }
              if let value = replaced[item.entry.commit] {
                members["replaced_by"] = .object([
                  "field": .string(value.field), "value": value.standing.map { .string($0) } ?? .null,
                  "commit": value.commit.map { .string($0) } ?? .null,
                ])
              }
              return .object(members)
            })))
      return ExitStatus.success
    }
    let style = context.style
    // Authors as wide as the longest one (addresses cut are no addresses), as long as 40 columns are
    // left for what was done on a terminal; nothing is cut in a file or a pipe.
    let width = context.outputWidth
    let longest = entries.map { TerminalText.oneLine($0.entry.author.description, width: .max).count }.max() ?? 0
    let whoWidth = max(28, width.map { min(longest, $0 - 29 - 40) } ?? longest)
    for item in entries {
      let entry = item.entry
      let when = String(entry.time.text.prefix(16)).replacingAll("T", with: " ")
      let who = TerminalText.oneLine(entry.author.description, width: whoWidth).padded(to: whoWidth)
      var on = earlier(item).map { style.dim("  (on superseded claim \($0))") } ?? ""
      if let value = replaced[entry.commit] {
        let now = value.standing.map { TerminalText.oneLine($0, width: 30) } ?? "nothing"
        let from = value.commit.map { " from \($0.prefix(7))" } ?? ""
        on += style.dim("  (replaced in a sync by \(now)\(from), made without seeing it)")
      }
      context.print(
        "\(style.dim(when))  \(style.yellow(String(entry.commit.prefix(7))))  \(who)  \(Self.describe(entry, style: style, room: width.map { $0 - 29 - whoWidth } ?? .max))\(on)"
      )
    }
    return ExitStatus.success
  }

  /// One action in words: `verdict  3f9a2c41b7 supported → refuted`, in `room` columns: an
  /// address or name is cut only when it does not fit them (and never below 60 or 40 columns).
  static func describe(_ entry: HistoryEntry, style: TextStyle, room: Int = .max) -> String {
    let claims =
      entry.claims.count == 1 ? entry.claims[0].rawValue : entry.claims.isEmpty ? "" : "\(entry.claims.count) claims"
    // Names longer than the column (withdraw-verdict, undismiss, factchecks) still get a space after them.
    let action = entry.action.rawValue.padded(to: 8) + " "
    let left = room == .max ? Int.max : room - action.count - claims.count - 1
    let wide = max(60, left)
    switch entry.action {
    case .verdict:
      let change = entry.previousVerdict.map { "\($0) → \(entry.verdict ?? "?")" } ?? (entry.verdict ?? "?")
      return "\(style.bold(action))\(claims) \(TerminalText.sanitize(change))"
    case .cite, .uncite:
      return "\(style.bold(action))\(claims) \(TerminalText.oneLine(entry.citation ?? "", width: wide))"
    case .link, .unlink, .claimant:
      // The subject is `link: <claim> <target>`: the target is what is left after the claim.
      let target = entry.subject.split(separator: " ", maxSplits: 2).dropFirst(2).first.map(String.init) ?? ""
      return "\(style.bold(action))\(claims) \(TerminalText.oneLine(target, width: wide))"
    case .assign:
      return "\(style.bold(action))\(claims) to \(TerminalText.oneLine(entry.assignee ?? "", width: max(40, left - 3)))"
    case .import, .reimport, .factChecks:
      return
        "\(style.bold(action))\(TerminalText.oneLine(String(entry.subject.drop(while: { $0 != ":" }).dropFirst()).trimmingWhitespace(), width: 60))"
    default:
      let what = claims.isEmpty ? TerminalText.oneLine(entry.subject, width: 60) : claims
      return "\(style.bold(action))\(what)"
    }
  }

  static func json(_ entry: HistoryEntry) -> JSONValue {
    var members: [String: JSONValue] = [
      "commit": .string(entry.commit), "parents": .array(entry.parents.map { .string($0) }),
      "author": .string(entry.author.description), "time": .string(entry.time.text), "subject": .string(entry.subject),
      "action": .string(entry.action.rawValue), "claims": .array(entry.claims.map { .string($0.rawValue) }),
      "sources": .array(entry.sources.map { .string($0.rawValue) }),
    ]
    for (key, value) in [
      ("body", entry.body), ("verdict", entry.verdict), ("previous_verdict", entry.previousVerdict),
      ("citation", entry.citation), ("assignee", entry.assignee), ("reviewer", entry.reviewer),
    ] {
      if let value { members[key] = .string(value) }
    }
    return .object(members)
  }
}

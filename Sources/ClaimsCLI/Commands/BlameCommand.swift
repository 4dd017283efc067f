import ClaimLedger
import ClaimModel
import ClaimReport

/// `claims blame ID`: who set each current verdict and citation on a claim, and when.
struct BlameCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    name: "blame", abstract: "Show who set each current verdict, note and citation on a claim, and when.")

  @Argument(help: "A claim: a unique prefix of its id, or SOURCE-ID:ORDINAL.")
  var id: ClaimReference

  @Flag(help: "Print the result as JSON.")
  var json = false

  func run(_ context: CommandContext) throws -> Int32 {
    let ledger = try context.openLedger()
    let blame = try ledger.blame(id.text)
    if json {
      context.output.write(JSONWriter.canonicalText(of: Self.json(blame)))
      return ExitStatus.success
    }
    let style = context.style
    context.print("\(style.bold("claim")) \(style.yellow(blame.claim.id.rawValue))  \(blame.claim.reference)")
    context.print(TerminalText.oneLine(blame.claim.text, width: 100))
    if blame.reviewers.isEmpty { context.print(style.dim("No reviews.")) }
    for reviewer in blame.reviewers {
      context.print()
      context.print(style.bold(TerminalText.sanitize(reviewer.reviewer.description)))
      if let carried = reviewer.carriedFrom {
        context.print("  " + style.yellow("carried over from claim \(carried) when the article was revised; stale"))
      }
      if let verdict = reviewer.verdict {
        let replaced = reviewer.replacedVerdict.map { ", replacing \(TerminalText.oneLine($0, width: 60))" } ?? ""
        for line in Self.field(
          "verdict", [TerminalText.oneLine(verdict, width: 60)],
          Self.origin(reviewer.verdictOrigin, of: blame.claim, style: style) + replaced)
        {
          context.print(line)
        }
      }
      if let note = reviewer.note {
        let lines = note.split(whereSeparator: \.isNewline).map { TerminalText.oneLine(String($0), width: .max) }
        for line in Self.field(
          "note", lines.filter { !$0.isEmpty }, Self.origin(reviewer.noteOrigin, of: blame.claim, style: style))
        {
          context.print(line)
        }
      }
      for (index, item) in reviewer.citations.enumerated() {
        context.print("  [\(index + 1)] \(TerminalText.oneLine(item.citation.url, width: 60))")
        context.print("      \(Self.origin(item.origin, of: blame.claim, style: style))")
      }
    }
    return ExitStatus.success
  }

  /// The width of the value column, spaces included.
  static let valueColumn = 17

  /// One labelled value and where it was set, laid out so they never run together: the origin beside
  /// a one-line value that leaves at least a space before it in its column, else the value's lines
  /// under the label and the origin on a line of its own below them.
  static func field(_ label: String, _ lines: [String], _ origin: String) -> [String] {
    let head = "  " + label.padded(to: 8)
    let indent = String(repeating: " ", count: head.count)
    if lines.count == 1, lines[0].terminalColumns < valueColumn {
      return [head + lines[0].padded(toColumns: valueColumn) + origin]
    }
    return lines.enumerated().map { ($0.offset == 0 ? head : indent) + $0.element } + [indent + origin]
  }

  /// `set in 3f9a2c4 by Ada <ada@example.org> on 2026-11-24 12:00`, and `on claim …` when it was
  /// set on a claim that `claim` superseded.
  static func origin(_ origin: ClaimBlame.Origin?, of claim: Claim, style: TextStyle) -> String {
    guard let origin else { return style.dim("(origin not found in history)") }
    let when = String(origin.time.text.prefix(16)).replacingAll("T", with: " ")
    let elsewhere = origin.claim == claim.id ? "" : " on claim \(origin.claim)"
    return
      "set in \(style.yellow(String(origin.commit.prefix(7)))) by \(TerminalText.oneLine(origin.author.description, width: 40)) on \(when)\(elsewhere)"
  }

  static func json(_ blame: ClaimBlame) -> JSONValue {
    func origin(_ origin: ClaimBlame.Origin?) -> JSONValue {
      guard let origin else { return .null }
      return .object([
        "commit": .string(origin.commit), "author": .string(origin.author.description),
        "time": .string(origin.time.text),
        "subject": .string(origin.subject), "claim": .string(origin.claim.rawValue),
      ])
    }
    return .object([
      "claim": blame.claim.json,
      "reviewers": .array(
        blame.reviewers.map { reviewer in
          .object([
            "reviewer": .string(reviewer.reviewer.description),
            "verdict": reviewer.verdict.map { .string($0) } ?? .null,
            "verdict_set": origin(reviewer.verdictOrigin),
            "replaced_verdict": reviewer.replacedVerdict.map { .string($0) } ?? .null,
            "note": reviewer.note.map { .string($0) } ?? .null,
            "note_set": origin(reviewer.noteOrigin),
            "carried_from": reviewer.carriedFrom.map { .string($0.rawValue) } ?? .null,
            "citations": .array(
              reviewer.citations.map { .object(["url": .string($0.citation.url), "added": origin($0.origin)]) }),
          ])
        }),
    ])
  }
}

import ClaimLedger
import ClaimModel
import ClaimReport

/// Prints earlier checks that match a claim: by `claims match`, and under a claim in `claims show`
/// and the review session.
struct MatchPrinter {
  let context: CommandContext

  /// One match in three lines: score, verdict or rating, who and when; the claim checked; where.
  func printMatches(_ matches: [LedgerMatch], indent: String) {
    let style = context.style
    for (number, match) in matches.enumerated() {
      let check = match.check
      let score = String(format2: match.score)
      let verdict = TerminalText.oneLine(check.verdict ?? "no rating", width: 30)
      let who = [check.checkedBy, check.date].compactMap { $0 }.map { TerminalText.oneLine($0, width: 40) }
      let head = ([match.resembles ? style.bold(verdict) : verdict] + who).joined(separator: " · ")
      context.print("\(indent)\(number + 1). \(match.resembles ? style.green(score) : style.dim(score))  \(head)")
      let quoted = "\"" + TerminalText.oneLine(check.text, width: 90) + "\""
      switch check.kind {
      case .claim:
        context.print("\(indent)   \(style.yellow(check.key)) \(TerminalText.sanitize(check.label ?? "")) \(quoted)")
      case .factCheck:
        context.print("\(indent)   \(quoted)")
        context.print("\(indent)   \(style.dim(TerminalText.sanitize(check.key)))")
      }
    }
  }

  /// The links and best matches of a claim, under a heading; nothing when it has neither.
  func printEarlierChecks(of claim: Claim, snapshot: LedgerSnapshot, limit: Int = 3) {
    guard snapshot.hasFactChecksOrLinks else { return }
    let links = snapshot.links(of: claim)
    let matcher = snapshot.matcher()
    let matches = (try? matcher.matches(for: claim.text, excluding: claim.id.rawValue, limit: limit)) ?? []
    let linkedKeys = Set(links.map(\.target.key))
    let unlinked = matches.filter { $0.resembles && !linkedKeys.contains($0.check.key) }
    guard !links.isEmpty || !unlinked.isEmpty else { return }
    context.print()
    if !links.isEmpty {
      context.print(context.style.bold("Linked to earlier checks:"))
      for link in links {
        let check = matcher.check(link.target.key)
        let what = [check?.verdict, check?.checkedBy, check?.date].compactMap { $0 }.joined(separator: " · ")
        context.print(
          "  \(TerminalText.sanitize(link.target.key))\(what.isEmpty ? "" : "  \(TerminalText.oneLine(what, width: 60))")  (by \(TerminalText.oneLine(link.linker.name, width: 30)), \(link.at.text.prefix(10)))"
        )
      }
    }
    if !unlinked.isEmpty {
      context.print(context.style.bold("Resembles earlier checks (claims link \(claim.id) URL|ID to confirm):"))
      printMatches(unlinked, indent: "  ")
    }
  }
}

extension String {
  /// A score with two decimals.
  init(format2 value: Double) {
    let hundredths = Int((value * 100).rounded())
    let sign = hundredths < 0 ? "-" : ""
    let magnitude = abs(hundredths)
    let cents = magnitude % 100
    self = "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
  }
}

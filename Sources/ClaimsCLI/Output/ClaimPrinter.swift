import ClaimLedger
import ClaimModel
import ClaimReport

/// Prints a claim in context with its reviews, for `claims show` and `claims review`.
struct ClaimPrinter {
  let context: CommandContext
  let snapshot: LedgerSnapshot

  var style: TextStyle { context.style }

  /// The claims just before and after `claim` in its source, retired ones left out.
  func neighbours(of claim: Claim) -> (before: Claim?, after: Claim?) {
    let siblings = snapshot.claims(of: claim.source).filter { !$0.isRetired }
    guard let position = siblings.firstIndex(where: { $0.id == claim.id }) else { return (nil, nil) }
    return (
      position > 0 ? siblings[position - 1] : nil, position + 1 < siblings.count ? siblings[position + 1] : nil
    )
  }

  func printHeader(_ claim: Claim, progress: String? = nil) {
    var line = progress.map { style.cyan($0) + "  " } ?? ""
    line += "\(style.bold("claim")) \(style.yellow(claim.id.rawValue))  \(claim.reference)  \(claim.kind.rawValue)"
    if claim.isRetired { line += "  " + style.red("(retired)") }
    context.print(line)
  }

  func printSource(_ claim: Claim) {
    guard let source = snapshot.sourceRecord(claim.source) else { return }
    var line = "source: \(source.id)"
    if let title = source.title { line += " — \(TerminalText.oneLine(title, width: 70))" }
    context.print(line)
    if let url = source.url { context.print("url:    \(TerminalText.sanitize(url))") }
  }

  func printInContext(_ claim: Claim) {
    let (before, after) = neighbours(of: claim)
    // The neighbours are cut to the terminal's width (an 80-column terminal must not wrap them).
    let width = max(20, min(96, (context.outputWidth ?? 100) - 4))
    if let before { context.print(style.dim("  " + TerminalText.oneLine(before.text, width: width))) }
    context.print(style.bold("> ") + TerminalText.sanitize(claim.text.collapsingWhitespace()))
    if let after { context.print(style.dim("  " + TerminalText.oneLine(after.text, width: width))) }
  }

  func printAssignment(_ claim: Claim) {
    guard let assignment = snapshot.assignments(of: claim.source)[claim.id], let assignee = assignment.assignee else {
      return
    }
    context.print(
      "assigned to: \(TerminalText.sanitize(assignee.description)) (by \(TerminalText.sanitize(assignment.assignedBy.description)), \(assignment.updated.text.prefix(10)))"
    )
  }

  /// The desk's decision: `not a claim (reason) — by Ed, 2026-12-06` and `claimant: Jane Doe`.
  func printDecision(_ claim: Claim) {
    guard let decision = snapshot.decision(of: claim) else { return }
    if let ruling = decision.notAClaim {
      let reason = ruling.reason.map { " (\(TerminalText.oneLine($0, width: 60)))" } ?? ""
      context.print(
        style.red("not a claim") + reason + " — by \(TerminalText.sanitize(ruling.editor.description)), "
          + "\(ruling.at.text.prefix(10)); 'claims undismiss' takes it back")
    }
    if let claimant = decision.claimant {
      context.print(
        "claimant: \(TerminalText.sanitize(claimant.name))\(claimant.kind == .organization ? " (organization)" : "")")
    }
  }

  func printReviews(_ claim: Claim, highlighting reviewer: Identity? = nil) {
    let reviews = snapshot.reviews(of: claim)
    guard !reviews.isEmpty else {
      context.print(style.dim("No reviews yet."))
      return
    }
    context.print(style.bold("Reviews (\(reviews.count)):"))
    let scale = snapshot.config().scale
    for review in reviews {
      let name = TerminalText.oneLine(review.reviewer.description, width: 40)
      let verdictText =
        review.verdict.map { verdictLabel($0.padded(to: 16), scale: scale) } ?? style.dim("no verdict".padded(to: 16))
      var line = "  \(name.padded(to: 24))  \(verdictText)  \(style.dim(String(review.updated.text.prefix(10))))"
      if review.reviewer.key == reviewer?.key { line += "  " + style.cyan("(you)") }
      context.print(line)
      if let stale = review.stale {
        context.print(
          "    " + style.yellow("stale:") + " the claim's text changed on \(stale.since.text.prefix(10)); it was: "
            + TerminalText.oneLine(stale.previousText, width: 60))
      }
      if let note = review.note { context.print("    note: " + TerminalText.sanitize(note.collapsingWhitespace())) }
      for (index, citation) in review.citations.enumerated() {
        context.print("    [\(index + 1)] " + describe(citation))
        if let quote = citation.quote {
          context.print("        “" + TerminalText.oneLine(quote, width: 84) + "”")
        }
        if let archive = citation.archive {
          context.print(
            style.dim(
              "        archived \(archive.retrieved.text) (HTTP \(archive.status)), sha256 \(archive.captureSHA256.prefix(12))…"
                + (archive.quote.map { "; quote at \($0.start)–\($0.end)" } ?? "")))
        }
      }
    }
  }

  func verdictLabel(_ text: String, scale: VerdictScale) -> String {
    let id = text.trimmingWhitespace()
    guard let verdict = scale.verdict(id) else { return style.red(TerminalText.sanitize(id) + " (unknown)") }
    if verdict.flags { return style.red(text) }
    if verdict.rating == nil { return style.dim(text) }
    return style.green(text)
  }

  func describe(_ citation: Citation) -> String {
    var parts = [TerminalText.sanitize(citation.url)]
    if let title = citation.title { parts.append("“\(TerminalText.oneLine(title, width: 60))”") }
    if let publisher = citation.publisher { parts.append(TerminalText.oneLine(publisher, width: 40)) }
    if let published = citation.published { parts.append(published.text) }
    var text = parts.joined(separator: ", ")
    if let stance = citation.stance { text += " (\(stance.rawValue))" }
    if let accessed = citation.accessed { text += style.dim(" accessed \(accessed.text)") }
    return text
  }

  /// The JSON `claims show --json` prints.
  func json(_ claim: Claim) -> JSONValue {
    let (before, after) = neighbours(of: claim)
    var members: [String: JSONValue] = [
      "claim": claim.json,
      "before": before?.json ?? .null,
      "after": after?.json ?? .null,
      "reviews": .array(snapshot.reviews(of: claim).map(\.json)),
      "assignment": snapshot.assignments(of: claim.source)[claim.id]?.json ?? .null,
    ]
    if let source = snapshot.sourceRecord(claim.source) { members["source"] = source.json }
    let decision = snapshot.decision(of: claim)
    members["not_a_claim"] =
      decision?.notAClaim.map { ruling in
        .object([
          "editor": .string(ruling.editor.description), "at": .string(ruling.at.text),
          "reason": ruling.reason.map { .string($0) } ?? .null,
        ])
      } ?? .null
    members["claimant"] =
      decision?.claimant.map { .object(["name": .string($0.name), "type": .string($0.kind.rawValue)]) } ?? .null
    return .object(members)
  }
}

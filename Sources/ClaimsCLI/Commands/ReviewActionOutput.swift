import ClaimLedger
import ClaimModel
import ClaimReport

/// What `claims verdict`, `cite`, `uncite` and `note` share: one review action, one commit, and
/// one line (or JSON) saying what was recorded.
enum ReviewActionOutput {
  static let jsonHelp = "Print the updated review as JSON."

  /// Records `action` on the claim `reference` names and reports it.
  static func perform(
    _ action: ReviewAction, on reference: ClaimReference, reviewer acting: ActingReviewer, json: Bool,
    context: CommandContext, attaching evidence: [LedgerChange.File] = []
  ) throws -> Int32 {
    let ledger = try context.openLedger()
    let reviewer = try acting.resolve(context, ledger: ledger)
    let result = try ledger.record(
      action, on: reference.text, by: reviewer, at: try context.now(), attaching: evidence)
    result.commit?.warnings.forEach(context.warn)
    if json {
      var members: [String: JSONValue] = [
        "review": result.review.json, "commit": result.commit.map { .string($0.commit) } ?? .null,
      ]
      members["claim"] = .string(result.claim.id.rawValue)
      // The event the action added to the review, so scripts can follow it through merges.
      if result.commit != nil, let event = result.event { members["event"] = .string(event.id) }
      context.output.write(JSONWriter.canonicalText(of: .object(members)))
      return ExitStatus.success
    }
    let claim = "\(context.style.yellow(result.claim.id.rawValue)) (\(result.claim.reference))"
    guard let commit = result.commit else {
      context.print("Nothing to record: your review of \(claim) already says that.")
      return ExitStatus.success
    }
    let short = commit.commit.prefix(7)
    switch action {
    case .verdict:
      let verdict = result.review.verdict ?? ""
      let before = result.previous?.verdict.map { $0 == verdict ? "" : " (was \($0))" } ?? ""
      context.print("Recorded \(context.style.bold(verdict)) on \(claim)\(before) in commit \(short)")
    case .cite(let citation):
      context.print(
        "Cited \(TerminalText.sanitize(citation.url)) on \(claim) as your citation \(result.review.citations.count) in commit \(short)"
      )
      if let archive = citation.archive { context.print("  " + CitationArchiving.describe(archive)) }
    case .uncite(let number):
      context.print("Removed your citation \(number) from \(claim) in commit \(short)")
    case .note:
      context.print("\(result.review.note == nil ? "Removed" : "Saved") your note on \(claim) in commit \(short)")
    case .withdrawVerdict:
      let verdict = result.previous?.verdict ?? ""
      context.print("Withdrew your verdict \(context.style.bold(verdict)) on \(claim) in commit \(short)")
    case .withdrawReview:
      context.print("Withdrew your review of \(claim) in commit \(short)")
    }
    return ExitStatus.success
  }
}

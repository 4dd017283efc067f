import ClaimModel

/// One row per reported claim, for spreadsheets (RFC 4180: comma-separated, CRLF line ends, a
/// header row), then one row (state `retired`) per retired claim with no replacement that still holds
/// reviews, so that no finding is missing from the sheet. Flags are `1`/`0` so a column sums to a count. Every cell goes through
/// ``ReportEscaping/csv(_:)``, which also defuses spreadsheet formulas.
struct CSVRenderer {
  let report: VerificationReport
  let store: (any ReportFragmentStore)?
  let output: ReportOutput

  /// The parts this format writes source by source.
  static let parts: [ReportPart] = [.claims, .retired]

  /// The columns, in order; `docs/REPORT.md` describes each.
  static let columns = [
    "claim_id", "source", "ordinal", "kind", "state", "checkable", "reviewed", "cited", "verified", "disputed",
    "flagged", "stale", "consensus", "verdicts", "verdict_count", "cited_verdict_count", "citation_count",
    "reviewer_verdicts", "assignee", "text", "archived_citation_count", "citation_health", "notes", "citations",
    "not_a_claim", "claimant",
  ]

  /// One source's rows.
  static func fragments(of lists: SourceLists, context: FragmentContext) -> [ReportPart: [UInt8]] {
    [.claims: rows(lists.claims), .retired: retiredRows(lists.retired)]
  }

  func write() {
    output.write(Self.row(Self.columns))
    _ = ListWriter(output: output, store: store).write(
      .claims, of: report.claims, opening: [], separator: [], render: { entries, _ in Self.rows(entries) })
    _ = ListWriter(output: output, store: store).write(
      .retired, of: report.retired, opening: [], separator: [], render: { items, _ in Self.retiredRows(items) })
  }

  /// Rows of the retired claims whose reviews nothing carried on: no replacement, reviews left.
  private static func retiredRows(_ items: [RetiredClaim]) -> [UInt8] {
    var text = ""
    for item in items where item.isUnreplacedWithReviews {
      var cells = cells(
        ClaimEntry(claim: item.claim, status: item.status, reviews: item.reviews, assignee: nil), isRetired: true)
      cells[4] = "retired"
      text += row(cells)
    }
    return Array(text.utf8)
  }

  private static func rows(_ entries: [ClaimEntry]) -> [UInt8] {
    var text = ""
    text.reserveCapacity(entries.count * 200)
    for entry in entries { text += row(cells(entry)) }
    return Array(text.utf8)
  }

  /// The cells of a claim's row; the flags named after a status (`reviewed`, `verified`,
  /// `disputed`, `flagged`, `stale`) are its ``ClaimStatusName``s, as `claims list --status` gives
  /// them: none for a retired claim or one the desk dismissed.
  private static func cells(_ entry: ClaimEntry, isRetired: Bool = false) -> [String] {
    let (claim, status) = (entry.claim, entry.status)
    let names = status.names(isRetired: isRetired)
    func flag(_ value: Bool) -> String { value ? "1" : "0" }
    func flag(_ name: ClaimStatusName) -> String { flag(names.contains(name)) }
    let reviewerVerdicts = entry.reviews.compactMap { review in
      review.verdict.map { ReportEscaping.terminal("\(review.reviewer.description): \($0)") }
    }
    // Ids, numbers and flags are the report's own; only ledger text needs making safe.
    let text = ReportEscaping.terminal
    let (archived, health, notes, citations) = evidenceCells(entry)
    return [
      claim.id.rawValue, claim.source.rawValue, String(claim.ordinal), claim.kind.rawValue, status.state.rawValue,
      flag(status.isCheckable), flag(.reviewed), flag(status.isCited), flag(.verified), flag(.disputed),
      flag(.flagged), flag(.stale), text(status.consensus ?? ""),
      text(status.verdicts.joined(separator: "; ")), String(status.verdictCount), String(status.citedVerdictCount),
      String(status.citationCount), reviewerVerdicts.joined(separator: "; "), text(entry.assignee?.description ?? ""),
      text(claim.text), String(archived), health, notes.joined(separator: "\n"), citations.joined(separator: "\n"),
      flag(status.isNotAClaim), text(entry.claimant?.name ?? ""),
    ]
  }

  /// How many of the claim's citations are archived; what their last checks found
  /// (`unchanged 2, quote-gone 1`); each reviewer's note (`Name: note`) and each citation
  /// (`Name [n] url "title" (stance) "quote" — archived …`), one per line of the cell.
  private static func evidenceCells(_ entry: ClaimEntry) -> (
    archived: Int, health: String, notes: [String], citations: [String]
  ) {
    let text = ReportEscaping.terminal
    var archived = 0
    var states: [CitationHealth.State: Int] = [:]
    var notes: [String] = []
    var citations: [String] = []
    for review in entry.reviews {
      if let note = review.note { notes.append(text("\(review.reviewer.name): \(note)")) }
      for (index, citation) in review.citations.enumerated() {
        if citation.archive != nil { archived += 1 }
        let health = entry.health(of: review, citation: index)
        if let health { states[health.state, default: 0] += 1 }
        var line = "\(review.reviewer.name) [\(index + 1)] \(citation.url)"
        if let title = citation.title { line += " “\(title)”" }
        if let stance = citation.stance { line += " (\(stance.rawValue))" }
        if let quote = citation.quote { line += " “\(quote)”" }
        citations.append(text(line + " — " + Formatting.evidence(citation, health: health)))
      }
    }
    let health = CitationHealth.State.allCases.compactMap { state in
      states[state].map { "\(state.rawValue) \($0)" }
    }.joined(separator: ", ")
    return (archived, health, notes, citations)
  }

  private static func row(_ cells: [String]) -> String {
    cells.map(ReportEscaping.csv).joined(separator: ",") + "\r\n"
  }
}

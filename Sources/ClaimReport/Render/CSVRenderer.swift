import ClaimModel

/// One row per reported claim, for spreadsheets (RFC 4180: comma-separated, CRLF line ends, a
/// header row). Flags are `1`/`0` so a column sums to a count. Every cell goes through
/// ``ReportEscaping/csv(_:)``, which also defuses spreadsheet formulas.
struct CSVRenderer {
  let report: VerificationReport
  let store: (any ReportFragmentStore)?
  let output: ReportOutput

  /// The parts this format writes source by source.
  static let parts: [ReportPart] = [.claims]

  /// The columns, in order; `docs/REPORT.md` describes each.
  static let columns = [
    "claim_id", "source", "ordinal", "kind", "state", "checkable", "reviewed", "cited", "verified", "disputed",
    "flagged", "stale", "consensus", "verdicts", "verdict_count", "cited_verdict_count", "citation_count",
    "reviewer_verdicts", "assignee", "text",
  ]

  /// One source's rows.
  static func fragments(of lists: SourceLists, context: FragmentContext) -> [ReportPart: [UInt8]] {
    [.claims: rows(lists.claims)]
  }

  func write() {
    output.write(Self.row(Self.columns))
    _ = ListWriter(output: output, store: store).write(
      .claims, of: report.claims, opening: [], separator: [], render: { entries, _ in Self.rows(entries) })
  }

  private static func rows(_ entries: [ClaimEntry]) -> [UInt8] {
    var text = ""
    text.reserveCapacity(entries.count * 200)
    for entry in entries { text += row(cells(entry)) }
    return Array(text.utf8)
  }

  private static func cells(_ entry: ClaimEntry) -> [String] {
    let (claim, status) = (entry.claim, entry.status)
    func flag(_ value: Bool) -> String { value ? "1" : "0" }
    let reviewerVerdicts = entry.reviews.compactMap { review in
      review.verdict.map { ReportEscaping.terminal("\(review.reviewer.description): \($0)") }
    }
    // Ids, numbers and flags are the report's own; only ledger text needs making safe.
    let text = ReportEscaping.terminal
    return [
      claim.id.rawValue, claim.source.rawValue, String(claim.ordinal), claim.kind.rawValue, status.state.rawValue,
      flag(status.isCheckable), flag(status.isReviewed), flag(status.isCited), flag(status.isVerified),
      flag(status.isDisputed), flag(status.isFlagged), flag(status.hasStaleReviews), text(status.consensus ?? ""),
      text(status.verdicts.joined(separator: "; ")), String(status.verdictCount), String(status.citedVerdictCount),
      String(status.citationCount), reviewerVerdicts.joined(separator: "; "), text(entry.assignee?.description ?? ""),
      text(claim.text),
    ]
  }

  private static func row(_ cells: [String]) -> String {
    cells.map(ReportEscaping.csv).joined(separator: ",") + "\r\n"
  }
}

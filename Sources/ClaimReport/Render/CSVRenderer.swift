import ClaimModel

/// One row per reported claim, for spreadsheets (RFC 4180: comma-separated, CRLF line ends, a
/// header row). Flags are `1`/`0` so a column sums to a count. Every cell goes through
/// ``ReportEscaping/csv(_:)``, which also defuses spreadsheet formulas.
enum CSVRenderer {
  /// The columns, in order; `docs/REPORT.md` describes each.
  static let columns = [
    "claim_id", "source", "ordinal", "kind", "state", "checkable", "reviewed", "cited", "verified", "disputed",
    "flagged", "stale", "consensus", "verdicts", "verdict_count", "cited_verdict_count", "citation_count",
    "reviewer_verdicts", "assignee", "text",
  ]

  static func render(_ report: VerificationReport) -> String {
    var output = row(columns)
    output.reserveCapacity(report.claims.count * 160)
    for entry in report.claims {
      output += row(cells(entry))
    }
    return output
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

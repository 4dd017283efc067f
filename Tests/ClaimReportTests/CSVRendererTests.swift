import ClaimModel
import ClaimReport
import Testing

@Suite("CSV report")
struct CSVRendererTests {
  private func csv(_ report: VerificationReport) -> String {
    ReportRenderer.render(report, as: .csv, options: RenderOptions())
  }

  @Test func exactSmallReport() {
    let header =
      "claim_id,source,ordinal,kind,state,checkable,reviewed,cited,verified,disputed,flagged,stale,consensus,verdicts,"
      + "verdict_count,cited_verdict_count,citation_count,reviewer_verdicts,assignee,text,archived_citation_count,"
      + "citation_health,notes,citations,not_a_claim,claimant"
    let expected =
      header + "\r\n"
      + "5dec5fb36f,a,1,sentence,verified,1,1,1,1,0,0,0,supported,supported,1,1,1,"
      + "Alice <alice@example.org>: supported,,Water boils at 100 °C.,0,,,"
      + "Alice [1] https://example.org/evidence/0 “Evidence 0” — not archived,0,\r\n"
      + "872481281b,a,2,sentence,unreviewed,1,0,0,0,0,0,0,,,0,0,0,,,The moon is cheese.,0,,,,0,\r\n"
    #expect(csv(TinyLedger.report) == expected)
  }

  @Test func everyRowHasEveryColumn() {
    let rows = Self.parse(csv(HostileLedger.report))
    #expect(rows.count == 1 + HostileLedger.report.claims.count)
    for row in rows { #expect(row.count == 26) }
    #expect(rows.dropFirst().map { $0[0] } == HostileLedger.report.claims.map(\.claim.id.rawValue))
  }

  @Test func hostileCellsAreQuotedAndDefused() {
    let rows = Self.parse(csv(HostileLedger.report))
    #expect(rows[1][19].hasPrefix("<script>alert(1)</script> \"onmouseover=alert(2)"))
    #expect(rows[1][19].contains("\\u{1b}[2J"))
    #expect(rows[2][19] == "'=HYPERLINK(\"http://evil.example\",\"click\")")
    #expect(rows[3][19] == "'-2+3")
    #expect(
      rows.joined().allSatisfy { cell in
        guard let first = cell.unicodeScalars.first else { return true }
        return !["=", "+", "-", "@", "\t", "\r"].contains(first)
      })
    #expect(!csv(HostileLedger.report).unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" })
  }

  @Test func multiLineClaimsStayOnOneRow() {
    let claim = Fixture.claim("a", 1, "A hard-wrapped\nsentence, with a comma.")
    let rows = Self.parse(csv(Fixture.report(claims: [claim])))
    #expect(rows.count == 2)
    #expect(rows[1][19] == "A hard-wrapped sentence, with a comma.")
  }

  /// An RFC 4180 reader, to read the output back the way a spreadsheet would.
  static func parse(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var inQuotes = false
    var scalars = text.unicodeScalars.makeIterator()
    var pending: Unicode.Scalar? = scalars.next()
    while let scalar = pending {
      pending = scalars.next()
      if inQuotes {
        if scalar == "\"" {
          if pending == "\"" {
            field.append("\"")
            pending = scalars.next()
          } else {
            inQuotes = false
          }
        } else {
          field.unicodeScalars.append(scalar)
        }
      } else if scalar == "\"" {
        inQuotes = true
      } else if scalar == "," {
        row.append(field)
        field = ""
      } else if scalar == "\r", pending == "\n" {
        pending = scalars.next()
        row.append(field)
        rows.append(row)
        row = []
        field = ""
      } else {
        field.unicodeScalars.append(scalar)
      }
    }
    return rows
  }
}

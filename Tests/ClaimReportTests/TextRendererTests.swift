import ClaimModel
import ClaimReport
import Testing

@Suite("Text report")
struct TextRendererTests {
  private func text(_ report: VerificationReport, _ options: RenderOptions = RenderOptions()) -> String {
    ReportRenderer.render(report, as: .text, options: options)
  }

  @Test func exactSmallReport() {
    let expected = """
      Verification report — all sources (1)
      revision 0123456789ab · generated 2026-03-01T12:00:00Z · verified = 1 cited verdict, no disagreement

        2 checkable claims: 1 verified (50.0%), 1 reviewed (50.0%), 1 awaiting a verdict
        0 disputed · 0 flagged · 0 stale reviews

      Coverage                      Checkable     Reviewed        Cited     Verified
        All sources                         2     1  50.0%     1  50.0%     1  50.0%  ██████████░░░░░░░░░░
        a  Science                          2     1  50.0%     1  50.0%     1  50.0%  ██████████░░░░░░░░░░
        █ verified ▓ reviewed ░ awaiting a verdict; percentages are of checkable claims
        Claims: 2 (2 sentences)

      Backlog (1) — checkable claims without a verdict, oldest first
        872481281b  a:2  unassigned        The moon is cheese.

      Evidence (1) — each reviewed claim's verdicts, notes and citations
        5dec5fb36f  a:1  Water boils at 100 °C.
            Alice              Supported          1 citation
              ↳ https://example.org/evidence/0  Evidence 0 · not archived

      Citation health — 1 citation: 0 archived, 1 not archived
        'claims cite --archive' and 'claims archive' keep cited pages in the ledger.

      Verdicts                        Reviews   Claims
        Supported                           1        1  ■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■
        Mostly supported                    0        0
        Misleading                          0        0
        Refuted                             0        0
        Unverifiable                        0        0
        Opinion                             0        0
        Disputed (no single verdict)                 0
        Reviews: verdicts given; claims: claims on which it is the only verdict.

      Reviewers                        Claims  Cites/verdict  Open  Last active  Actions
        Alice <alice@example.org>           1            1.0     0  2026-03-02   —
        Claims: claims given a verdict; open: assigned claims still without their verdict.

      Agreement
        n/a: no claim has verdicts from two reviewers yet.

      """
    #expect(text(TinyLedger.report) == expected)
  }

  @Test func sectionsComeInTheOrderAnEditorNeedsThem() throws {
    let output = text(SampleLedger.report)
    let headings = [
      "Coverage", "Disputed claims (1)", "Flagged claims (2)", "Stale reviews (1)", "Backlog (1)", "Evidence (",
      "Citation health", "Verdicts", "Reviewers", "Agreement —",
    ]
    let positions = try headings.map { heading in
      try #require(output.firstRange(of: "\n" + heading)).lowerBound
    }
    #expect(positions == positions.sorted())
    #expect(output.contains("Bob                Refuted            2 citations  “The rate was 4.1%.”"))
    #expect(output.contains("        ↳ https://example.org/evidence/1  Evidence 1"))
    #expect(output.contains("      was: Crime is way down."))
    #expect(output.contains("    Alice × Bob                                     0.500   66.7% agree  3 claims"))
    #expect(output.contains("Note: 1 retired claim (1 with reviews) not counted."))
  }

  @Test func fitsTheWidth() {
    for report in [SampleLedger.report, HostileLedger.report, TinyLedger.report] {
      for line in text(report).split(separator: "\n") {
        #expect(line.count <= 100, "too wide: \(line)")
      }
    }
    for line in text(SampleLedger.report, RenderOptions(width: 80)).split(separator: "\n") {
      #expect(line.count <= 80, "too wide: \(line)")
    }
  }

  @Test func noControlCharacterFromTheLedgerReachesTheTerminal() {
    let plain = text(HostileLedger.report)
    #expect(!plain.unicodeScalars.contains { ReportEscaping.isUnsafe($0) && $0 != "\n" })
    let claim = Fixture.claim("a", 1, "\u{1B}[2J\u{1B}]0;pwned\u{07} \u{9B}1m \u{202E}txet")
    let short = text(Fixture.report(claims: [claim]))
    #expect(short.contains("\\u{1b}[2J\\u{1b}]0;pwned\\u{7} \\u{9b}1m \\u{202e}txet"))
    #expect(!short.unicodeScalars.contains { ReportEscaping.isUnsafe($0) && $0 != "\n" })
    // With colour, the only escape sequences are the report's own SGR codes.
    let colored = text(HostileLedger.report, RenderOptions(useColor: true))
    let scalars = Array(colored.unicodeScalars)
    for (index, scalar) in scalars.enumerated() where scalar == "\u{1B}" {
      let rest = String(String.UnicodeScalarView(scalars[(index + 1)...].prefix(4)))
      #expect(["[0m", "[1m", "[2m", "[31m", "[32m", "[33m"].contains { rest.hasPrefix($0) }, "escape \(rest)")
    }
    #expect(!colored.unicodeScalars.contains { $0 == "\u{202E}" || $0 == "\u{07}" })
  }

  @Test func colourOnlyWhenAsked() {
    #expect(!text(SampleLedger.report).contains("\u{1B}"))
    #expect(text(SampleLedger.report, RenderOptions(useColor: true)).contains("\u{1B}[31m1 disputed\u{1B}[0m"))
  }

  @Test func longListsAreCapped() {
    let claims = (1...25).map { Fixture.claim("many", $0) }
    let output = text(Fixture.report(claims: claims), RenderOptions(listLimit: 20))
    #expect(output.contains("Backlog (25)"))
    #expect(output.contains("  … and 5 more"))
    #expect(output.contains("many:20 "))
    #expect(!output.contains("many:21 "))
  }

  @Test func manySourcesAreCappedToo() throws {
    let claims = (1...25).map { Fixture.claim("source-\($0)", 1) }
    let output = text(Fixture.report(claims: claims), RenderOptions(listLimit: 10))
    let lines = output.split(separator: "\n")
    let start = try #require(lines.firstIndex { $0.hasPrefix("Coverage") })
    // All sources, ten sources in id order (source-1, source-10, source-11, …), then the cap.
    #expect(lines[start + 1].hasPrefix("  All sources"))
    #expect(lines[start + 2].hasPrefix("  source-1 "))
    #expect(lines[start + 11].hasPrefix("  source-18 "))
    #expect(lines[start + 12] == "  … and 15 more")
  }

  @Test func undefinedStatisticsReadNA() {
    let claim = Fixture.claim("a", 1)
    let reviews = [Fixture.review(claim, by: "Alice", "supported"), Fixture.review(claim, by: "Bob", "supported")]
    let output = text(Fixture.report(claims: [claim], reviews: reviews))
    #expect(output.contains("  Fleiss' kappa (all verdicts, nominal)               n/a   1 claim"))
    #expect(output.contains("    Alice × Bob                                       n/a   100.0% agree 1 claim"))
    #expect(!output.contains("nan"))
  }
}

import ClaimModel
import ClaimReport
import Testing

@Suite("Markdown report")
struct MarkdownRendererTests {
  private func markdown(_ report: VerificationReport, _ options: RenderOptions = RenderOptions()) -> String {
    ReportRenderer.render(report, as: .markdown, options: options)
  }

  @Test func exactSmallReport() {
    let expected = """
      # Verification report

      Sources: all sources (1) · revision 0123456789ab · generated 2026-03-01T12:00:00Z · verified = 1 cited verdict, no disagreement

      **At a glance:** 2 checkable claims — 1 verified (50.0%), 1 reviewed (50.0%), 1 awaiting a verdict · **0 disputed** · **0 flagged** · 0 stale reviews

      ## Coverage

      | Source | Claims | Checkable | Reviewed | Cited | Verified | |
      |---|--:|--:|--:|--:|--:|---|
      | **All sources** | 2 | 2 | 1 (50.0%) | 1 (50.0%) | 1 (50.0%) | ██████████░░░░░░░░░░ |
      | a — Science | 2 | 2 | 1 (50.0%) | 1 (50.0%) | 1 (50.0%) | ██████████░░░░░░░░░░ |

      Percentages are of checkable claims. Bar: █ verified, ▓ reviewed, ░ awaiting a verdict. Claims: 2 sentences.

      ## Backlog (1)

      Checkable claims without a verdict, oldest first.

      | Claim | Place | Assigned to | Text |
      |---|---|---|---|
      | 872481281b | a:2 | — | The moon is cheese. |

      ## Evidence (1)

      What each reviewed claim rests on: every verdict with its note and citations, and whether each cited page is archived and how the last evidence check found it.

      | Claim | Text | Reviewer | Verdict | Note | Citations |
      |---|---|---|---|---|---|
      | 5dec5fb36f · a:1 | Water boils at 100 °C. | Alice | Supported |  | [Evidence 0](<https://example.org/evidence/0>) — *not archived* |

      ## Citation health

      1 citation: 0 archived, 1 not archived.

      ## Verdicts

      | Verdict | Reviews | Claims |
      |---|--:|--:|
      | Supported | 1 | 1 |
      | Mostly supported | 0 | 0 |
      | Misleading | 0 | 0 |
      | Refuted | 0 | 0 |
      | Unverifiable | 0 | 0 |
      | Opinion | 0 | 0 |
      | *Disputed (no single verdict)* | | 0 |

      Reviews: verdicts given. Claims: claims on which it is the only verdict.

      ## Reviewers

      | Reviewer | Claims reviewed | Citations per verdict | Open assignments | Last active | Actions |
      |---|--:|--:|--:|---|---|
      | Alice &lt;alice\\@example.org&gt; | 1 | 1.0 | 0 | 2026-03-02 | — |

      ## Agreement

      n/a: no claim has verdicts from two reviewers yet.

      """
    #expect(markdown(TinyLedger.report) == expected)
  }

  @Test func disputedClaimsShowReviewersSideBySide() {
    let output = markdown(SampleLedger.report)
    #expect(output.contains("### acf72d7a8e · budget:2\n\n> Unemployment fell to 3% last year.\n"))
    #expect(
      output.contains(
        "| Bob | Refuted | The rate was 4.1%. | [Evidence 0](<https://example.org/evidence/0>) — *not archived*<br>"
          + "[Evidence 1](<https://example.org/evidence/1>) — *not archived* |"))
  }

  @Test func ledgerTextCannotBecomeMarkup() {
    let output = markdown(HostileLedger.report)
    #expect(!output.contains("<script"))
    #expect(!output.contains("<i "))
    #expect(!output.contains("<img"))
    #expect(output.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(output.contains(#"\[click\](javascript:alert(3))"#))
    #expect(output.contains(#"\*bold\*"#))
    #expect(output.contains(#"\@everyone"#))
    #expect(!output.unicodeScalars.contains { ReportEscaping.isUnsafe($0) && $0 != "\n" })
    // The only raw HTML is the report's own line break, and the only links are http(s).
    let withoutBreaks = output.replacing("<br>", with: "").replacing("](<https://", with: "")
    #expect(!withoutBreaks.contains("<"))
    // A link needs an unescaped `](`; the ledger's own `](` stays escaped.
    let unescaped = output.replacing("\\]", with: "")
    #expect(!unescaped.lowercased().contains("](javascript") && !unescaped.lowercased().contains("](<javascript"))
    #expect(output.contains("[Good \\| source](<https://good.example/a?x=\"y\"&z=%3Cw%3E>)"))
  }

  @Test func tableRowsKeepTheirColumns() {
    let output = markdown(HostileLedger.report)
    var expectedCells: Int?
    for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
      guard line.hasPrefix("|") else {
        expectedCells = nil
        continue
      }
      // Count the cell separators that are not escaped.
      var cells = 0
      var escaped = false
      for character in line {
        if character == "|", !escaped { cells += 1 }
        escaped = character == "\\" && !escaped
      }
      if let expectedCells {
        #expect(cells == expectedCells, "row breaks its table: \(line)")
      } else {
        expectedCells = cells
      }
    }
  }

  @Test func longListsAreCapped() {
    let claims = (1...25).map { Fixture.claim("many", $0) }
    let output = markdown(Fixture.report(claims: claims), RenderOptions(listLimit: 10))
    #expect(output.contains("*… and 15 more (the HTML and JSON reports list them all).*"))
    #expect(output.contains("| many:10 |"))
    #expect(!output.contains("| many:11 |"))
  }
}

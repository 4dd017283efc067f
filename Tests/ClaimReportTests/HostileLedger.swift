import ClaimModel
import ClaimReport

/// A ledger whose every free-text field tries to break out of its output format.
enum HostileLedger {
  static let script = "<script>alert(1)</script>"
  static let attribute = "\"onmouseover=alert(2) x='"

  /// Claim text: HTML, an attribute breakout, Markdown, a table pipe, a terminal escape sequence,
  /// a bidi override and a spreadsheet formula.
  static let text =
    "\(script) \(attribute) [click](javascript:alert(3)) | *bold* \u{1B}[2J\u{1B}]0;pwned\u{07} \u{202E}txet"

  static let scale = VerdictScale(
    verdicts: VerdictScale.standard.verdicts + [
      Verdict(id: "odd", label: "<i onclick=\"x()\">Odd</i>", meaning: "?", key: "z", rating: nil, flags: true)
    ])

  static let claims = [
    Fixture.claim("evil", 1, text),
    Fixture.claim("evil", 2, "=HYPERLINK(\"http://evil.example\",\"click\")"),
    Fixture.claim("evil", 3, "-2+3"),
  ]

  static var reviewer: Identity {
    Identity(name: "Eve \"onmouseover=alert(4) \u{202E}", email: "eve@example.org") ?? Fixture.person("Eve")
  }

  static var reviews: [Review] {
    [
      Review(
        claim: claims[0].id, source: claims[0].source, reviewer: reviewer, verdict: "odd", note: text,
        citations: [
          Citation(url: "javascript:alert(5)", title: "<img src=x onerror=alert(6)>"),
          Citation(url: "JAVASCRIPT:alert(8)"),
          Citation(url: "https://good.example/a?x=\"y\"&z=<w>", title: "Good | source", quote: script),
        ], updated: Fixture.time,
        stale: Review.Staleness(previousClaim: claims[1].id, previousText: script, since: Fixture.time)),
      Fixture.review(claims[0], by: "Bob", "supported", citations: 1, note: "@everyone " + attribute),
      Fixture.review(claims[1], by: "Bob", "refuted", note: "+SUM(1)"),
    ]
  }

  static var report: VerificationReport {
    ReportBuilder.build(
      ReportInput(
        config: LedgerConfig(scale: scale, requiredReviews: 1),
        sources: [
          SourceRecord(
            id: Fixture.source("evil"), title: "</title><script>alert(7)</script>", url: "javascript:alert(9)",
            published: nil, textSHA256: "", claimCount: 3)
        ],
        claims: claims, reviews: reviews,
        assignments: [
          Assignment(
            claim: claims[2].id, source: claims[2].source, assignee: reviewer, assignedBy: Fixture.person("Dana"),
            updated: Fixture.time)
        ],
        revision: "<b>rev</b>", generatedAt: Fixture.time))
  }
}

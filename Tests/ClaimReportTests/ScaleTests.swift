import ClaimModel
import ClaimReport
import Testing

@Suite("Scale")
struct ScaleTests {
  /// 100,000 claims in 100 sources and 100,000 reviews by 20 reviewers: the builder must finish
  /// (it is linear but for sorting) with sane counts. No timing is asserted; a quadratic step would
  /// make this test take hours rather than a second.
  @Test func hundredThousandClaims() throws {
    let claimCount = 100_000
    let sources = (0..<100).map { Fixture.source("source-\($0)") }
    let reviewers = (0..<20).map { Fixture.person("Reviewer\($0)") }
    let verdicts = ["supported", "supported", "mostly-supported", "refuted", "opinion"]
    var claims: [Claim] = []
    claims.reserveCapacity(claimCount)
    var reviews: [Review] = []
    reviews.reserveCapacity(claimCount)
    for index in 0..<claimCount {
      let hex = String(index, radix: 16)
      let id = try #require(ClaimID(String(repeating: "0", count: 10 - hex.count) + hex))
      let claim = Claim(
        id: id, source: sources[index % 100], ordinal: index / 100 + 1, kind: index % 10 == 0 ? .caption : .sentence,
        text: "Claim \(index).", start: 0, end: 0, selector: QuoteSelector(exact: "", prefix: "", suffix: ""))
      claims.append(claim)
      // The first half of the claims get two reviews each, the second half none.
      guard index < claimCount / 2 else { continue }
      for offset in 0..<2 {
        reviews.append(
          Review(
            claim: id, source: claim.source, reviewer: reviewers[(index + offset * 7) % 20],
            verdict: verdicts[(index + offset * (index % 3)) % verdicts.count],
            citations: index % 4 == 0 ? [] : [Citation(url: "https://example.org/\(index)")], updated: Fixture.time))
      }
    }
    let report = ReportBuilder.build(Fixture.input(claims: claims, reviews: reviews, requiredReviews: 2))
    #expect(report.claims.count == claimCount)
    #expect(report.overall.claims == claimCount)
    #expect(report.overall.count(of: .caption) == claimCount / 10)
    #expect(report.overall.checkable + report.overall.opinionOnly == claimCount - claimCount / 10)
    #expect(report.overall.reviewed + report.backlog.count == report.overall.checkable)
    #expect(report.sources.count == 100)
    #expect(report.distribution.totalReviews == claimCount)
    #expect(report.agreement.units == claimCount / 2)
    #expect(report.agreement.fleissKappa.value != nil)
    #expect(report.agreement.alphaOrdinal.value != nil)
    #expect(report.activity.count == 20)
    #expect(report.activity.map(\.claimsReviewed).reduce(0, +) == claimCount)
    #expect(!report.disputed.isEmpty && report.disputed.count < claimCount / 2)
  }
}

import ClaimModel
import ClaimReport
import Testing

@Suite("ClaimReview JSON-LD")
struct ClaimReviewRendererTests {
  private func claimReviews(_ report: VerificationReport) throws -> [[String: JSONValue]] {
    let text = ReportRenderer.render(report, as: .claimreview, options: RenderOptions())
    guard case .array(let elements) = try JSONParser.parse(text) else {
      Issue.record("not an array")
      return []
    }
    return elements.compactMap { element in
      guard case .object(let members) = element else { return nil }
      return members
    }
  }

  @Test func exactSmallReport() {
    let expected = """
      [
        {
          "@context": "https://schema.org",
          "@type": "ClaimReview",
          "author": {
            "@type": "Person",
            "name": "Alice"
          },
          "citation": [
            {
              "@type": "CreativeWork",
              "name": "Evidence 0",
              "url": "https://example.org/evidence/0"
            }
          ],
          "claimReviewed": "Water boils at 100 °C.",
          "datePublished": "2026-03-02",
          "itemReviewed": {
            "@type": "Claim",
            "appearance": {
              "@type": "CreativeWork",
              "datePublished": "2026-02-01",
              "headline": "Science",
              "url": "https://a.example/story"
            },
            "datePublished": "2026-02-01"
          },
          "reviewRating": {
            "@type": "Rating",
            "alternateName": "Supported",
            "bestRating": 4,
            "ratingValue": 4,
            "worstRating": 1
          },
          "url": "https://a.example/story#claim-5dec5fb36f"
        }
      ]

      """
    #expect(ReportRenderer.render(TinyLedger.report, as: .claimreview, options: RenderOptions()) == expected)
  }

  @Test func publishesAgreedVerdictsOnly() throws {
    let reviews = try claimReviews(SampleLedger.report)
    // budget 1 (supported by two) and 5 (mostly supported); budget 2 is disputed, interview 1 has
    // a stale review and budget 3 is rated only opinion (not checkable), so none of those is published.
    #expect(reviews.map { $0["claimReviewed"] } == ["Budget boosts schools", "Taxes rose 2%."])
    for review in reviews {
      #expect(review["@context"] == "https://schema.org")
      #expect(review["@type"] == "ClaimReview")
    }
    #expect(
      reviews[0]["author"]
        == .array([.object(["@type": "Person", "name": "Alice"]), .object(["@type": "Person", "name": "Bob"])]))
    // The later of the two reviews.
    #expect(reviews[0]["datePublished"] == "2026-03-03")
  }

  @Test func unratedVerdictsKeepOnlyTheirName() throws {
    let claim = Fixture.claim("a", 1)
    let report = Fixture.report(claims: [claim], reviews: [Fixture.review(claim, by: "Alice", "unverifiable")])
    let unverifiable = try #require(try claimReviews(report).first)
    #expect(unverifiable["reviewRating"] == .object(["@type": "Rating", "alternateName": "Unverifiable"]))
  }

  @Test func claimsRatedOnlyOpinionAreNotPublished() throws {
    let claim = Fixture.claim("a", 1)
    let report = Fixture.report(
      claims: [claim],
      reviews: [Fixture.review(claim, by: "Alice", "opinion"), Fixture.review(claim, by: "Bob", "opinion")])
    #expect(try claimReviews(report).isEmpty)
  }

  @Test func claimURLReplacesAnyFragment() throws {
    let claim = Fixture.claim("a", 1)
    let report = Fixture.report(
      claims: [claim], reviews: [Fixture.review(claim, by: "Alice", "refuted")],
      sources: [Fixture.record("a", url: "https://news.example/story?id=4#comments")])
    let review = try #require(try claimReviews(report).first)
    #expect(review["url"] == .string("https://news.example/story?id=4#claim-\(claim.id.rawValue)"))
  }

  @Test func thePagesMetadataNamesWhoMadeTheClaimAndWhere() throws {
    let claim = Fixture.claim("a", 1)
    var record = Fixture.record("a", title: "Night buses", url: "http://127.0.0.1:8080/x", published: "2025-03-04")
    record.canonicalURL = "https://courier.example/news/night-buses"
    record.authors = ["Jane Whitaker", "Tom Reyes"]
    record.publisher = "The Northern Courier"
    let report = Fixture.report(
      claims: [claim], reviews: [Fixture.review(claim, by: "Alice", "refuted")], sources: [record])
    let review = try #require(try claimReviews(report).first)
    let people: JSONValue = .array([
      .object(["@type": "Person", "name": "Jane Whitaker"]), .object(["@type": "Person", "name": "Tom Reyes"]),
    ])
    let courier: JSONValue = .object(["@type": "Organization", "name": "The Northern Courier"])
    #expect(
      review["itemReviewed"]
        == .object([
          "@type": "Claim", "author": people, "datePublished": "2025-03-04",
          "appearance": .object([
            "@type": "CreativeWork", "url": "https://courier.example/news/night-buses", "headline": "Night buses",
            "datePublished": "2025-03-04", "author": people, "publisher": courier,
          ]),
        ]))
    // The claim's own address stays the one the desk gave.
    #expect(review["url"] == .string("http://127.0.0.1:8080/x#claim-\(claim.id.rawValue)"))
    // No author named: the publisher made the claim.
    record.authors = nil
    let byPublisher = try #require(
      try claimReviews(
        Fixture.report(claims: [claim], reviews: [Fixture.review(claim, by: "Alice", "refuted")], sources: [record])
      ).first)
    guard case .object(let item) = byPublisher["itemReviewed"] else {
      Issue.record("no itemReviewed")
      return
    }
    #expect(item["author"] == courier)
  }

  @Test func noURLWithoutAWebAddress() throws {
    let claim = Fixture.claim("a", 1)
    let report = Fixture.report(claims: [claim], reviews: [Fixture.review(claim, by: "Alice", "refuted")])
    let review = try #require(try claimReviews(report).first)
    #expect(review["url"] == nil)
    #expect(review["itemReviewed"] == .object(["@type": "Claim", "appearance": .object(["@type": "CreativeWork"])]))
    let hostile = try claimReviews(HostileLedger.report)
    #expect(hostile.count == 1)
    #expect(hostile.allSatisfy { $0["url"] == nil })
  }

  @Test func safeToEmbedInAScriptElement() throws {
    let text = ReportRenderer.render(HostileLedger.report, as: .claimreview, options: RenderOptions())
    #expect(!text.contains("<") && !text.contains(">") && !text.contains("&"))
    #expect(text.contains("\\u003c/title\\u003e\\u003cscript\\u003e"))
    let reviews = try claimReviews(HostileLedger.report)
    guard case .object(let item) = reviews.first?["itemReviewed"], case .object(let appearance) = item["appearance"]
    else {
      Issue.record("no appearance")
      return
    }
    #expect(appearance["headline"] == "</title><script>alert(7)</script>")
    // Line and paragraph separators end a line in a script before ES2019: the JSON writer escapes them.
    let claim = Fixture.claim("a", 1)
    let separated = ReportRenderer.render(
      Fixture.report(
        claims: [claim], reviews: [Fixture.review(claim, by: "Alice", "refuted")],
        sources: [Fixture.record("a", title: "One\u{2028}two\u{2029}three")]), as: .claimreview,
      options: RenderOptions())
    #expect(separated.contains("One\\u2028two\\u2029three"))
  }
}

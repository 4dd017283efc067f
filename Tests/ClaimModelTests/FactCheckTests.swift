import Testing

@testable import ClaimModel

@Suite struct FactCheckTests {
  func read(_ text: String) throws(ClaimReviewProblem) -> ClaimReviewFeed {
    try ClaimReviewReader().read(Array(text.utf8))
  }

  @Test func recordRoundTripsWithEveryField() throws {
    let factCheck = FactCheck(
      url: "https://example.org/checks/1", claimReviewed: "The bridge cost $5 billion.",
      rating: FactCheck.Rating(value: 1, best: 5, worst: 1, alternateName: "False"), headline: "Did it?",
      publisher: "Example Checks", datePublished: CalendarDate("2024-03-01"), language: "en",
      claimAuthor: "A. Politician", claimAppearance: "https://example.org/speech",
      imported: Timestamp("2026-11-24T12:00:00Z"), importPosition: 7)
    let text = String(decoding: factCheck.encoded(), as: UTF8.self)
    #expect(text.contains("\"imported\": \"2026-11-24T12:00:00Z\","))
    #expect(text.contains("\"import_position\": 7,"))
    #expect(factCheck.ratingText == "False")
    #expect(text.contains("\"format_version\": \(currentFormatVersion),"))
    #expect(text.contains("\"publisher_slug\": \"example-checks\""))
    #expect(text.contains("\"value\": 1,"))
    #expect(try FactCheck(decoding: factCheck.encoded()) == factCheck)
    #expect(factCheck.id.count == 10)
  }

  @Test func aMinimalRecordLeavesOptionalFieldsOut() throws {
    let factCheck = FactCheck(url: "https://www.snopes.com/fact-check/x/", claimReviewed: "X.")
    #expect(factCheck.publisherSlug == "snopes-com")
    let text = String(decoding: factCheck.encoded(), as: UTF8.self)
    #expect(!text.contains("rating"))
    #expect(!text.contains("headline"))
  }

  @Test func decodingRefusesABadSlugAndADate() throws {
    var members: [String: JSONValue] = [
      "format_version": 1, "url": "https://a.example/1", "claim_reviewed": "x", "publisher_slug": "../etc",
    ]
    #expect(throws: RecordError.self) { try FactCheck(json: .object(members)) }
    members["publisher_slug"] = "a-example"
    members["date_published"] = "yesterday"
    #expect(throws: RecordError.self) { try FactCheck(json: .object(members)) }
  }

  @Test func slugsAreSafeFolderNames() {
    #expect(FactCheck.slug(publisher: "PolitiFact", url: "") == "politifact")
    #expect(FactCheck.slug(publisher: "AFP Factuel", url: "") == "afp-factuel")
    #expect(FactCheck.slug(publisher: "Проверка", url: "https://provereno.media/x") == "provereno-media")
    #expect(FactCheck.slug(publisher: nil, url: "not a url") == "unknown")
    #expect(FactCheck.isWellFormedSlug("politifact"))
    #expect(!FactCheck.isWellFormedSlug(".."))
    #expect(!FactCheck.isWellFormedSlug("a/b"))
  }

  @Test func readsOneObjectWithRatingAuthorAndAppearance() throws {
    let feed = try read(
      """
      {"@context": "https://schema.org", "@type": "ClaimReview", "url": "https://example.org/c/1",
       "claimReviewed": "  The moon is cheese. ", "datePublished": "2020-01-08T10:00:00+01:00",
       "inLanguage": "en", "author": {"@type": "Organization", "name": "Example Checks"},
       "name": "Is the moon cheese?",
       "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "A. Person"},
                        "appearance": [{"@type": "CreativeWork", "url": "https://social.example/p/9"}]},
       "reviewRating": {"@type": "Rating", "ratingValue": "1", "bestRating": 5, "worstRating": 1,
                        "alternateName": "False"}}
      """)
    #expect(feed.problems.isEmpty)
    let factCheck = try #require(feed.factChecks.first)
    #expect(factCheck.claimReviewed == "The moon is cheese.")
    #expect(factCheck.headline == "Is the moon cheese?")
    #expect(factCheck.publisher == "Example Checks")
    #expect(factCheck.publisherSlug == "example-checks")
    #expect(factCheck.datePublished == CalendarDate("2020-01-08"))
    #expect(factCheck.rating == FactCheck.Rating(value: 1, best: 5, worst: 1, alternateName: "False"))
    #expect(factCheck.claimAuthor == "A. Person")
    #expect(factCheck.claimAppearance == "https://social.example/p/9")
  }

  @Test func readsArraysGraphsFeedsAndItemLists() throws {
    let review = { (n: Int) in
      "{\"@type\": \"ClaimReview\", \"url\": \"https://e.example/\(n)\", \"claimReviewed\": \"Claim \(n)\"}"
    }
    let shapes = [
      "[\(review(1)), \(review(2))]",
      "{\"@context\": \"https://schema.org\", \"@graph\": [{\"@type\": \"Organization\", \"name\": \"E\"}, \(review(1)), \(review(2))]}",
      "{\"@type\": \"DataFeed\", \"dataFeedElement\": [{\"@type\": \"DataFeedItem\", \"item\": \(review(1))}, {\"@type\": \"DataFeedItem\", \"item\": [\(review(2))]}]}",
      "{\"@type\": \"ItemList\", \"itemListElement\": [{\"@type\": \"ListItem\", \"item\": \(review(1))}, \(review(2))]}",
      "{\"@type\": \"DataFeed\", \"dataFeedElement\": [\(review(1)), \(review(2))]}",
    ]
    for shape in shapes {
      let feed = try read(shape)
      #expect(feed.factChecks.map(\.url) == ["https://e.example/1", "https://e.example/2"], "\(shape)")
      #expect(feed.problems.isEmpty, "\(shape)")
    }
  }

  @Test func badRecordsAreReportedOneEachAndSkipped() throws {
    let feed = try read(
      """
      [{"@type": "ClaimReview", "url": "https://e.example/1", "claimReviewed": "Good."},
       {"@type": "ClaimReview", "url": "https://e.example/2"},
       {"@type": "ClaimReview", "url": "https://e.example/3", "claimReviewed": ""},
       {"@type": "ClaimReview", "claimReviewed": "No address."},
       {"@type": "ClaimReview", "url": "ftp://e.example/5", "claimReviewed": "Odd address."},
       {"@type": "ClaimReview", "url": "https://e.example/6 and words", "claimReviewed": "Broken address."},
       {"@type": "ClaimReview", "url": "https://e.example/7", "claimReviewed": 7},
       {"@type": "ClaimReview", "url": "https://e.example/1", "claimReviewed": "Again."},
       {"url": "https://e.example/9"},
       {"@type": "WebPage", "url": "https://e.example/10"},
       42]
      """)
    #expect(feed.factChecks.map(\.url) == ["https://e.example/1"])
    #expect(
      feed.problems.map(\.kind) == [
        .missingClaimReviewed, .missingClaimReviewed, .missingURL, .invalidURL, .invalidURL, .invalidField,
        .duplicateURL, .notJSONLD, .notClaimReview, .notAnObject,
      ])
    #expect(feed.problems[0].description == "[1]: a ClaimReview without 'claimReviewed' (https://e.example/2)")
    #expect(feed.problems.allSatisfy { !$0.description.contains("\n") })
  }

  @Test func wholeFileProblemsAreThrownWithTheirKind() {
    let cases: [(String, ClaimReviewProblem.Kind)] = [
      ("not json at all", .notJSON),
      ("{\"title\": \"a page\"}", .notJSONLD),
      ("\"text\"", .notJSONLD),
      ("{\"@context\": \"https://schema.org\", \"@type\": \"WebPage\", \"name\": \"x\"}", .notClaimReview),
      ("{\"@context\": \"https://schema.org\", \"@graph\": [{\"@type\": \"WebPage\"}]}", .noClaimReview),
      ("{\"@type\": \"ClaimReview\", \"url\": \"https://e.example/1\"}", .missingClaimReviewed),
    ]
    for (text, kind) in cases {
      #expect(throws: ClaimReviewProblem.self) { try read(text) }
      do {
        _ = try read(text)
      } catch {
        #expect(error.kind == kind, "\(text)")
        #expect(error.location == nil)
      }
    }
  }

  @Test func theSizeLimitIsTheReadersNotTheRecordLimit() throws {
    #expect(ClaimReviewReader.defaultMaximumSize > 5 << 20)
    let small = ClaimReviewReader(maximumSize: 10)
    #expect(throws: ClaimReviewProblem(.tooLarge, "the file is 11 bytes, more than the 10 accepted")) {
      try small.read(Array("[1234567, 8]".utf8.prefix(11)))
    }
  }
}

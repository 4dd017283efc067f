import Testing

@testable import ClaimModel

@Suite struct RecordTests {
  func sampleClaim() throws -> Claim {
    let text = "A line.\nSecond sentence here."
    let scalars = Array(text.unicodeScalars)
    return Claim(
      id: try #require(ClaimID("0123456789")), source: try #require(SourceID("src")), ordinal: 2, kind: .sentence,
      text: "Second sentence here.", start: 8, end: 29, selector: QuoteSelector(scalars: scalars, range: 8..<29))
  }

  @Test func claimRoundTripsAndIsCanonical() throws {
    let claim = try sampleClaim()
    let bytes = claim.encoded()
    #expect(try Claim(decoding: bytes) == claim)
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.hasSuffix("}\n"))
    #expect(text.contains("\"format_version\": 1,"))
    #expect(text.contains("\"prefix\": \"A line.\\n\","))
    #expect(text.contains("\"type\": \"TextQuoteSelector\""))
  }

  @Test func aShortenedReferenceKeepsTheOrdinal() throws {
    var claim = try sampleClaim()
    claim.source = try #require(SourceID("peru-fujimori-mourning"))
    claim.ordinal = 12
    #expect(claim.reference(fittingIn: 40) == "peru-fujimori-mourning:12")
    #expect(claim.reference(fittingIn: 25) == "peru-fujimori-mourning:12")
    #expect(claim.reference(fittingIn: 24) == "peru-fujimori-mourni…:12")
    #expect(claim.reference(fittingIn: 4) == "…:12")
  }

  @Test func claimDecodingNamesTheBadField() throws {
    var json = try sampleClaim().json
    guard case .object(var members) = json else { return }
    members["ordinal"] = "two"
    json = .object(members)
    #expect(throws: RecordError(.invalidField, "field 'ordinal' must be an integer, not string")) {
      try Claim(json: json)
    }
    members["ordinal"] = 2
    members["format_version"] = 9
    #expect(throws: RecordError.self) { try Claim(json: .object(members)) }
    members["format_version"] = 1
    members["id"] = "../../x"
    #expect(throws: RecordError.self) { try Claim(json: .object(members)) }
  }

  @Test func wrongTopLevelTypesAreErrorsNotCrashes() {
    for text in ["[]", "null", "42", "\"claim\"", "{\"format_version\": \"1\"}"] {
      #expect(throws: RecordError.self) { try Claim(decoding: Array(text.utf8)) }
      #expect(throws: RecordError.self) { try Review(decoding: Array(text.utf8)) }
    }
  }

  @Test func reviewRoundTrips() throws {
    let review = Review(
      claim: try #require(ClaimID("0123456789")), source: try #require(SourceID("src")),
      reviewer: try #require(Identity(parsing: "Ada <ada@example.org>")), verdict: "refuted", note: "See the ruling.",
      citations: [
        Citation(
          url: "https://example.org/ruling", title: "Ruling", accessed: CalendarDate("2026-11-24"), stance: .refutes)
      ], updated: try #require(Timestamp("2026-11-24T12:00:00Z")))
    #expect(try Review(decoding: review.encoded()) == review)
  }

  @Test func configRoundTripsWithTheStandardScale() throws {
    let config = LedgerConfig()
    let decoded = try LedgerConfig(decoding: config.encoded())
    #expect(decoded == config)
    #expect(decoded.scale.ids == ["supported", "mostly-supported", "misleading", "refuted", "unverifiable", "opinion"])
    #expect(decoded.scale.verdict("opinion")?.rating == nil)
    #expect(decoded.scale.verdict("refuted")?.flags == true)
  }

  @Test(arguments: [
    ("https://example.org/a?b=c", true), ("http://x.y", true), ("doi:10.1000/182", true),
    ("seeds/peru.txt", true), ("javascript:alert(1)", false), ("file:///etc/passwd", false),
    ("https://", false), ("doi:abc", false), ("seeds/../x", false), ("ftp://x.org/a", false),
    ("http://exa mple.org", false), ("example.org", false),
  ])
  func classifiesCitationLocations(text: String, isAccepted: Bool) {
    if case .invalid = CitationLocation(text) {
      #expect(!isAccepted)
    } else {
      #expect(isAccepted)
    }
  }
}

@Suite struct CommitMessageTests {
  @Test func roundTripsSubjectBodyAndTrailers() {
    let message = CommitMessage(
      subject: "verdict: 0123456789 refuted", body: "Note line one.\n\nNote: with a colon.",
      trailers: [.init("Claim", "0123456789"), .init("Action", "verdict"), .init("Reviewer", "Ada <ada@example.org>")])
    let parsed = CommitMessage(parsing: message.text)
    #expect(parsed == message)
    #expect(parsed.value(for: "action") == "verdict")
  }

  @Test func trailerValuesStayOnOneLine() {
    let message = CommitMessage(subject: "note", trailers: [.init("Note", "two\nlines")])
    #expect(CommitMessage(parsing: message.text).value(for: "Note") == "two lines")
  }

  @Test func messagesWithoutTrailersParse() {
    let parsed = CommitMessage(parsing: "Fix typo\n\nJust a body.\n")
    #expect(parsed.trailers.isEmpty)
    #expect(parsed.body == "Just a body.")
  }
}

@Suite struct CitationLocationTests {
  @Test func classifiesWebURLs() {
    let web = [
      "https://example.org/a", "HTTP://EXAMPLE.ORG", "https://a?b", "https://a#b", "http://user:pw@host:1/x",
      "https://é.example/", "https://example.org/é", "hTtPs://x", "https://a@b@c", "https://example.org./x",
      "https://[::1]:8080/", "https://example.org:/x",
    ]
    for url in web { #expect(CitationLocation(url) == .web(url), "\(url)") }
    let noHost = ["http://", "https://", "https:///x", "http://@", "http://@:", "http://user@:8080/", "http://:80"]
    for url in noHost {
      #expect(
        CitationLocation(url) == .invalid("'\(url)' has no host name; write it as https://host/path"), "\(url)")
    }
    for url in ["https://a..b", "https://.example.org", "https://é..example/"] {
      #expect(CitationLocation(url) == .invalid("'\(url)' has an invalid host name; check the address"), "\(url)")
    }
    for url in ["https://a:0/", "https://a:65536/", "https://a:8o/", "https://é.example:123456/"] {
      #expect(CitationLocation(url) == .invalid("'\(url)' has an invalid port; check the address"), "\(url)")
    }
    for url in ["http:/x", "http:x", "https:"] {
      #expect(
        CitationLocation(url) == .invalid("'\(url)' is not a complete web address; write it as https://host/path"),
        "\(url)")
    }
    if case .invalid(let reason) = CitationLocation("httpx://a") {
      #expect(reason.contains("scheme is not accepted"))
    } else {
      Issue.record("httpx: accepted")
    }
  }
}

import Testing

@testable import ArticleExtraction

@Suite("Metadata")
struct MetadataTests {
  private func article(head: String, lang: String = "en", address: String? = nil) throws -> Article {
    try ArticleExtractor.extract(Array(TestPages.newsPage(head: head, lang: lang).utf8), address: address).article
  }

  @Test func jsonLDNewsArticleWithAuthorObjects() throws {
    let article = try article(
      head: """
        <script type="application/ld+json">
        {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Night buses reach the suburbs",
         "author": [{"@type": "Person", "name": "Jane Whitaker"}, {"@type": "Person", "name": "Tom Reyes"}],
         "datePublished": "2025-03-04T09:30:00+01:00", "dateModified": "2025-03-05T10:00:00Z",
         "publisher": {"@type": "Organization", "name": "The Northern Courier"}, "inLanguage": "en-GB"}
        </script>
        """)
    #expect(article.title == "Night buses reach the suburbs")
    #expect(article.authors == ["Jane Whitaker", "Tom Reyes"])
    #expect(article.published == "2025-03-04T09:30:00+01:00")
    #expect(article.modified == "2025-03-05T10:00:00Z")
    #expect(article.publisher == "The Northern Courier")
    #expect(article.language == "en-GB")
  }

  @Test func jsonLDAuthorAsStringAndGraphReferences() throws {
    let asString = try article(
      head:
        #"<script type="application/ld+json">{"@type": "Article", "headline": "H", "author": "By Jane Whitaker"}</script>"#
    )
    #expect(asString.authors == ["Jane Whitaker"])

    let graph = try article(
      head: """
        <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
          {"@type": "WebPage", "@id": "https://courier.example/p#page", "datePublished": "2025-03-04"},
          {"@type": "Person", "@id": "https://courier.example/#jane", "name": "Jane Whitaker"},
          {"@type": "BlogPosting", "headline": "From the graph", "author": {"@id": "https://courier.example/#jane"},
           "publisher": {"@id": "https://courier.example/#org"}},
          {"@type": "Organization", "@id": "https://courier.example/#org", "name": "Courier"}]}</script>
        """)
    #expect(graph.title == "From the graph")
    #expect(graph.authors == ["Jane Whitaker"])
    #expect(graph.published == "2025-03-04")
    #expect(graph.publisher == "Courier")
  }

  @Test func sloppyJSONLDIsStillRead() throws {
    // A raw line break inside a string, a trailing comma and an HTML comment wrapper.
    let article = try article(
      head: """
        <script type="application/ld+json"><!--
        {"@type": ["NewsArticle"], "headline": "Buses &#8216;at last&#8217;
        for the north", "author": {"name": "Jane Whitaker",},}
        --></script>
        """)
    #expect(article.title == "Buses ‘at last’ for the north")
    #expect(article.authors == ["Jane Whitaker"])
  }

  @Test func openGraphAndMetaTags() throws {
    let article = try article(
      head: """
        <meta property="og:title" content="OG headline"><meta property="og:site_name" content="The Northern Courier">
        <meta name="author" content="Jane Whitaker, Staff Reporter">
        <meta property="article:published_time" content="2025-03-04T09:30:00Z">
        <meta property="article:modified_time" content="2025-03-04T11:00:00+0000">
        <link rel="canonical" href="/news/night-buses">
        """, address: "https://courier.example/news/night-buses?utm_source=x")
    #expect(article.title == "OG headline")
    #expect(article.authors == ["Jane Whitaker"])
    #expect(article.published == "2025-03-04T09:30:00Z")
    #expect(article.modified == "2025-03-04T11:00:00Z")
    #expect(article.publisher == "The Northern Courier")
    #expect(article.canonicalURL == "https://courier.example/news/night-buses")
    #expect(article.url == "https://courier.example/news/night-buses?utm_source=x")
    #expect(article.language == "en")
  }

  @Test func titleLosesTheSiteNameAndFallsBackToTheHeading() throws {
    let article = try article(head: "<title>Council extends night buses to the suburbs | The Northern Courier</title>")
    #expect(article.title == "Council extends night buses to the suburbs")
    let withPublisher = try self.article(
      head: """
        <meta property="og:title" content="Night buses - The Northern Courier">
        <meta property="og:site_name" content="The Northern Courier">
        """)
    #expect(withPublisher.title == "Night buses")
  }

  @Test func timeElementAndLanguageFromHTML() throws {
    let html = TestPages.newsPage(head: "<meta charset=utf-8>", lang: "pt_br").replacingOccurrences(
      of: "<div class=\"byline\">", with: "<time datetime=\"2025-03-04\" pubdate>4 March</time><div class=\"byline\">")
    let article = try ArticleExtractor.extract(Array(html.utf8)).article
    #expect(article.published == "2025-03-04")
    #expect(article.language == "pt-BR")
  }

  @Test func datesAreReadIntoISO8601() {
    let cases: [(String, String?)] = [
      ("2019-11-19T13:03:00.000Z", "2019-11-19T13:03:00Z"),
      ("2019-11-20T06:35:39+0000", "2019-11-20T06:35:39Z"),
      ("2019-11-20 13:42:06+08:00", "2019-11-20T13:42:06+08:00"),
      ("2019-11-18T17:01:27.893", "2019-11-18T17:01:27"),
      ("Mon, 18 Nov 2019 16:07:38 -0600", "2019-11-18T16:07:38-06:00"),
      ("November 19, 2019, 07:47 PM EST", "2019-11-19T19:47:00-05:00"),
      ("Tue Nov 19 2019 03:05:46 GMT+0000", "2019-11-19T03:05:46Z"),
      ("Fri 6:45 PM, Feb 16, 2018", "2018-02-16T18:45:00"),
      ("20 Nov 2019 08:02 GMT", "2019-11-20T08:02:00Z"),
      ("2018-09-15", "2018-09-15"),
      ("11/19/2019", "2019-11-19"),
      ("20191118", "2019-11-18"),
      ("0001-01-01T00:00:00Z", nil),
      ("05/10/2018", nil),
      ("2019-02-30", nil),
      ("yesterday", nil),
    ]
    for (text, expected) in cases {
      #expect(DateReader.normalize(text) == expected, "\(text)")
    }
  }

  @Test func authorStringsBecomeNames() {
    let cases: [(String, [String])] = [
      ("By Jane Whitaker and Tom Reyes", ["Jane Whitaker", "Tom Reyes"]),
      ("TOM KRISHER, AP Auto Writer", ["TOM KRISHER"]),
      ("Analysis by Chris Cillizza, CNN Editor-at-large", ["Chris Cillizza"]),
      ("Bryan DeArdo @BryanDeArdo Nov 18, 2019 at 9:24 pm ET • 2 min read", ["Bryan DeArdo"]),
      ("Greg Roumeliotis, Joshua Franklin, Koh Gui Qing", ["Greg Roumeliotis", "Joshua Franklin", "Koh Gui Qing"]),
      ("Text: Jane Whitaker", ["Jane Whitaker"]),
      ("https://www.facebook.com/someone", []),
    ]
    for (text, expected) in cases {
      #expect(AuthorNames.split(text) == expected, "\(text)")
    }
  }

  @Test func missingMetadataStaysEmpty() throws {
    let article = try article(head: "<meta charset=utf-8>", lang: "")
    #expect(article.title == "Council extends night buses to the suburbs")  // from the <h1>
    #expect(article.authors.isEmpty)
    #expect(article.published == nil)
    #expect(article.publisher == nil)
    #expect(article.language == nil)
    #expect(article.canonicalURL == nil)
  }
}

extension String {
  func replacingOccurrences(of target: String, with replacement: String) -> String {
    pieces(separatedBy: target).joined(separator: replacement)
  }
}

import Foundation
import TestSupport
import Testing

/// `claims extract`: the article of a page, fetched from a server on 127.0.0.1 or read, without
/// a ledger.
@Suite struct ExtractCommandTests {
  static let html = [("Content-Type", "text/html; charset=utf-8")]

  /// The metadata lines `extract` prints for `NewsPages.page()` fetched from `url`.
  static func metadata(url: String?) -> String {
    var lines = [
      "Title: \(NewsPages.headline)", "Authors: Jane Whitaker, Tom Reyes", "Published: 2025-03-04T09:30:00Z",
      "Modified: 2025-03-05T10:00:00Z", "Publisher: The Northern Courier", "Language: en-GB",
    ]
    if let url { lines.append("URL: \(url)") }
    lines.append("Canonical URL: https://courier.example/news/night-buses")
    return lines.joined(separator: "\n") + "\n"
  }

  @Test func printsTheMetadataThenTheBodyWithoutALedger() throws {
    let scratch = ScratchDirectory()
    let server = try LocalHTTPServer(routes: [
      "/news/night-buses": .page(headers: Self.html, body: Array(NewsPages.page().utf8))
    ])
    let url = server.url("/news/night-buses")
    let result = CLIHarness.run(["extract", url], in: scratch.path)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr == "")
    #expect(result.stdout == Self.metadata(url: url) + "\n" + NewsPages.text + "\n")
    // The request names claims and its version.
    #expect(server.requests.first?.header("User-Agent")?.hasPrefix("claims/0.1.0 (+fact-checking;") == true)
    // Nothing was written where it ran.
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
  }

  @Test func jsonHasEveryFieldTheIssueNames() throws {
    let scratch = ScratchDirectory()
    let server = try LocalHTTPServer(routes: ["/a": .page(headers: Self.html, body: Array(NewsPages.page().utf8))])
    let result = CLIHarness.run(["extract", "--json", server.url("/a")], in: scratch.path)
    #expect(result.status == 0, "\(result.stderr)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(
      Set(object.keys) == [
        "url", "canonical_url", "title", "authors", "published", "modified", "publisher", "language", "text",
        "captions",
      ])
    #expect(object["url"] as? String == server.url("/a"))
    #expect(object["canonical_url"] as? String == "https://courier.example/news/night-buses")
    #expect(object["title"] as? String == NewsPages.headline)
    #expect(object["authors"] as? [String] == ["Jane Whitaker", "Tom Reyes"])
    #expect(object["published"] as? String == "2025-03-04T09:30:00Z")
    #expect(object["modified"] as? String == "2025-03-05T10:00:00Z")
    #expect(object["publisher"] as? String == "The Northern Courier")
    #expect(object["language"] as? String == "en-GB")
    #expect(object["text"] as? String == NewsPages.text)
    #expect(object["captions"] as? [String] == ["A night bus leaves the central station. Photo: Tom Reyes"])
  }

  @Test func readsFilesAndStandardInput() throws {
    let scratch = ScratchDirectory()
    try scratch.write(NewsPages.page(), to: "night-buses.html")
    let file = CLIHarness.run(["extract", "night-buses.html"], in: scratch.path)
    #expect(file.status == 0, "\(file.stderr)")
    #expect(file.stdout == Self.metadata(url: nil) + "\n" + NewsPages.text + "\n")
    let piped = CLIHarness.run(["extract", "--json", "-"], in: scratch.path, input: NewsPages.page())
    #expect(piped.status == 0, "\(piped.stderr)")
    #expect(piped.stdout.contains("\"title\": \"\(NewsPages.headline)\""))
    #expect(piped.stdout.contains("\"url\": null"))
  }

  @Test func severalPagesAreReadInOneProcess() throws {
    let scratch = ScratchDirectory()
    try scratch.write(NewsPages.page(), to: "a.html")
    let server = try LocalHTTPServer(routes: [
      "/sections": .page(headers: Self.html, body: Array(NewsPages.noArticle.utf8))
    ])
    let sections = server.url("/sections")
    let page = Self.metadata(url: nil) + "\n" + NewsPages.text + "\n"
    let text = CLIHarness.run(["extract", "a.html", "a.html"], in: scratch.path)
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stdout == "==> a.html <==\n" + page + "\n==> a.html <==\n" + page)
    // A page that fails gets its error line; the others go on; the status says one failed.
    let json = CLIHarness.run(["extract", "--json", "a.html", sections, "a.html"], in: scratch.path)
    #expect(json.status == 1)
    #expect(
      json.stderr
        == "Error: no article found in \(sections); import the page's visible text with --text-only, or save the article's text to a file by hand and import that\n"
    )
    let articles = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [Any])
    #expect(articles.count == 3)
    #expect(articles[1] is NSNull)
    #expect((articles[2] as? [String: Any])?["title"] as? String == NewsPages.headline)
    // The text of the pages that worked, headed and separated as when none failed.
    let afterAFailure = CLIHarness.run(["extract", sections, "a.html"], in: scratch.path)
    #expect(afterAFailure.status == 1)
    #expect(afterAFailure.stdout == "==> a.html <==\n" + page, "\(afterAFailure.stdout)")
    let twice = CLIHarness.run(["extract", "-", "-"], in: scratch.path)
    #expect(twice.status == 64)
    #expect(twice.stderr.hasPrefix("Error: '-' (standard input) may be given once\n"))
  }

  @Test func invalidBytesAreReplacedWithAWarningNamingHowMany() throws {
    let scratch = ScratchDirectory()
    var page = Array(NewsPages.page().utf8)
    let at = try #require(page.firstRange(of: Array("Tuesday".utf8)))
    page.replaceSubrange(at, with: [0xFF, 0xFE, 0xFD] + Array("Tuesday".utf8))
    let server = try LocalHTTPServer(routes: ["/a": .page(headers: Self.html, body: page)])
    let result = CLIHarness.run(["extract", server.url("/a")], in: scratch.path)
    #expect(result.status == 0)
    #expect(result.stderr == "warning: 3 invalid bytes for UTF-8 replaced with U+FFFD in \(server.url("/a"))\n")
    #expect(result.stdout.contains("voted on \u{FFFD}\u{FFFD}\u{FFFD}Tuesday"))
  }

  @Test func aPageInWindows1252ComesOutRight() throws {
    let scratch = ScratchDirectory()
    let quoted = NewsPages.paragraphs.map {
      $0.replacingOccurrences(of: "about 2.4 million euros", with: "\u{201C}about \u{20AC}2.4 million\u{201D}")
    }
    let page = NewsPages.windows1252(NewsPages.page(paragraphs: quoted, charset: "windows-1252"))
    let server = try LocalHTTPServer(routes: ["/latin": .page(headers: [("Content-Type", "text/html")], body: page)])
    let result = CLIHarness.run(["extract", server.url("/latin")], in: scratch.path)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr == "")
    #expect(result.stdout.contains("cost \u{201C}about \u{20AC}2.4 million\u{201D} a year"))
  }

  @Test func pagesWithoutAnArticleSayWhatToDo() throws {
    let scratch = ScratchDirectory()
    let server = try LocalHTTPServer(routes: [
      "/sections": .page(headers: Self.html, body: Array(NewsPages.noArticle.utf8)),
      "/empty": .page(headers: Self.html, body: Array("<html><body><script>x()</script></body></html>".utf8)),
    ])
    let url = server.url("/sections")
    expectExactRefusal(
      CLIHarness.run(["extract", url], in: scratch.path),
      "no article found in \(url); import the page's visible text with --text-only, or save the article's text to a file by hand and import that"
    )
    let visible = CLIHarness.run(["extract", "--text-only", url], in: scratch.path)
    #expect(visible.status == 0, "\(visible.stderr)")
    #expect(
      visible.stdout == "Title: Courier: sections\nURL: \(url)\n\nTram line to close\n\nParking fees rise\n\nSign in\n")
    expectExactRefusal(
      CLIHarness.run(["extract", "--text-only", server.url("/empty")], in: scratch.path),
      "no text found in \(server.url("/empty")); save the article's text to a file by hand and import that")
  }
}

/// Checks that a command failed with exactly `Error: <message>` on stderr, nothing on stdout, and
/// exit status 1.
func expectExactRefusal(
  _ result: ProcessResult, _ message: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(result.status == 1, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
  #expect(result.stdout == "", sourceLocation: sourceLocation)
  #expect(result.stderr == "Error: \(message)\n", sourceLocation: sourceLocation)
}

import Foundation
import TestSupport
import Testing

/// Every way a page can fail to give an article: one `Error:` line saying which, exit status 1,
/// and the ledger exactly as it was (issue 13, point 5).
@Suite struct WebImportRefusalTests {
  static let html = [("Content-Type", "text/html; charset=utf-8")]

  /// Runs `import` with `arguments` and `extract` with the same page, and checks both refuse with
  /// exactly `message`; the ledger's branch and work tree are unchanged.
  func expectBothRefuse(
    _ fixture: CLIFixture, _ arguments: [String], _ message: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let head = fixture.head
    expectExactRefusal(
      CLIHarness.run(["import"] + arguments, in: fixture.path, environment: fixture.environment), message,
      sourceLocation: sourceLocation)
    #expect(fixture.head == head, sourceLocation: sourceLocation)
    #expect(fixture.status == "", sourceLocation: sourceLocation)
    expectExactRefusal(
      CLIHarness.run(["extract"] + arguments, in: fixture.path, environment: fixture.environment), message,
      sourceLocation: sourceLocation)
  }

  @Test func httpErrorsSayWhich() throws {
    let fixture = try CLIFixture()
    let server = try LocalHTTPServer(routes: [
      "/gone": .page(status: 410), "/down": .page(status: 503), "/broken": .page(status: 500),
      "/private": .page(status: 403),
    ])
    // The server stops when it is released: keep it until every request below is made.
    defer { withExtendedLifetime(server) {} }
    expectBothRefuse(
      fixture, [server.url("/missing")], "HTTP 404 Not Found: \(server.url("/missing")); check the address")
    expectBothRefuse(
      fixture, [server.url("/gone")],
      "HTTP 410 Gone: \(server.url("/gone")); the page was removed, look for an archived copy")
    expectBothRefuse(
      fixture, [server.url("/down")],
      "HTTP 503 Service Unavailable (server error; try again later): \(server.url("/down"))")
    expectBothRefuse(
      fixture, [server.url("/broken")],
      "HTTP 500 Internal Server Error (server error; try again later): \(server.url("/broken"))")
    expectBothRefuse(fixture, [server.url("/private")], "HTTP 403 Forbidden (client error): \(server.url("/private"))")
  }

  @Test func anAddressThatDoesNotAnswer() throws {
    let fixture = try CLIFixture()
    let closed = try LocalHTTPServer()
    let url = closed.url("/story")
    closed.stop()
    expectBothRefuse(
      fixture, [url], "no answer from \(url): connection refused by '127.0.0.1'; check the address, or try again later")
    let slow = try LocalHTTPServer(routes: [
      "/slow": .delayed(milliseconds: 3000, .page(headers: Self.html, body: Array(NewsPages.page().utf8))),
      "/trickle": .trickle(
        headers: Self.html, body: Array(NewsPages.page().utf8), bytesPerWrite: 10, intervalMilliseconds: 200),
    ])
    expectBothRefuse(
      fixture, ["--timeout", "1", slow.url("/slow")],
      "no answer from \(slow.url("/slow")): timed out: no complete answer within 1 s; try again later")
    expectBothRefuse(
      fixture, ["--timeout", "1", slow.url("/trickle")],
      "no answer from \(slow.url("/trickle")): timed out: no complete answer within 1 s; try again later")
  }

  @Test func redirectLoopsAndOtherSchemes() throws {
    let fixture = try CLIFixture()
    let server = try LocalHTTPServer(routes: [
      "/a": .redirect(location: "/b"), "/b": .redirect(location: "/a"),
      "/to-file": .redirect(location: "file:///etc/passwd"),
    ])
    let (a, b) = (server.url("/a"), server.url("/b"))
    expectBothRefuse(fixture, [a], "redirect loop: \(a) -> \(b) -> \(a) -> \(b); the site redirects in a circle")
    expectBothRefuse(
      fixture, ["file:///etc/passwd"],
      "'file:' addresses are not fetched, only http and https: file:///etc/passwd; to import a file, give its path")
    expectBothRefuse(
      fixture, ["ftp://127.0.0.1/story.html"],
      "'ftp:' addresses are not fetched, only http and https: ftp://127.0.0.1/story.html")
    expectBothRefuse(
      fixture, [server.url("/to-file")],
      "\(server.url("/to-file")) redirects to 'file:///etc/passwd', which is refused: only http and https addresses are followed"
    )
  }

  @Test func pagesOverTheSizeLimit() throws {
    let fixture = try CLIFixture()
    let server = try LocalHTTPServer(routes: [
      "/huge": .endless(count: 100_000_000, declaresLength: false, headers: Self.html),
      "/declared": .endless(count: 100_000_000, declaresLength: true, headers: Self.html),
    ])
    expectBothRefuse(
      fixture, [server.url("/huge")],
      "page larger than the 20 MB limit: \(server.url("/huge")); save the article's text to a file and import that")
    expectBothRefuse(
      fixture, [server.url("/declared")],
      "page larger than the 20 MB limit: \(server.url("/declared")); save the article's text to a file and import that")
  }

  @Test func contentThatIsNotAnArticle() throws {
    let fixture = try CLIFixture()
    let server = try LocalHTTPServer(routes: [
      "/report": .page(headers: [("Content-Type", "application/pdf")], body: NewsPages.pdf),
      "/disguised": .page(headers: Self.html, body: NewsPages.pdf),
      "/photo": .page(headers: [("Content-Type", "image/png")], body: NewsPages.png),
      "/sections": .page(headers: Self.html, body: Array(NewsPages.noArticle.utf8)),
    ])
    for path in ["/report", "/disguised"] {
      expectBothRefuse(
        fixture, [server.url(path)],
        "\(server.url(path)) is a PDF document; PDFs are not supported yet: save its text to a file and import that")
    }
    expectBothRefuse(
      fixture, [server.url("/photo")],
      "\(server.url("/photo")) is a PNG image, not an HTML page or text; give the address or file of the article's page"
    )
    expectBothRefuse(
      fixture, [server.url("/sections")],
      "no article found in \(server.url("/sections")); import the page's visible text with --text-only, or save the article's text to a file by hand and import that"
    )
    let pdf = try fixture.writeBeside(String(decoding: NewsPages.pdf, as: UTF8.self), name: "report.pdf")
    expectBothRefuse(
      fixture, [pdf], "\(pdf) is a PDF document; PDFs are not supported yet: save its text to a file and import that")
  }

  @Test func filesThatCannotBeRead() throws {
    let fixture = try CLIFixture()
    expectBothRefuse(fixture, ["../none.html"], "cannot read '../none.html': No such file or directory; check the path")
    expectBothRefuse(
      fixture, ["courier.example/news/night-buses"],
      "cannot read 'courier.example/news/night-buses': No such file or directory; to fetch a web address, write it in full, starting with https://"
    )
  }

  @Test func theLedgerIsCheckedBeforeAnythingIsFetched() throws {
    let scratch = ScratchDirectory()
    let server = try LocalHTTPServer(routes: ["/a": .page(headers: Self.html, body: Array(NewsPages.page().utf8))])
    let result = CLIHarness.run(["import", server.url("/a")], in: scratch.path)
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("Error: no claims ledger in"))
    #expect(server.requests.isEmpty)
  }
}

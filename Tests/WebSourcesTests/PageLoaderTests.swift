import ArticleExtraction
import Foundation
import HTTP
import TestSupport
import Testing
import WebSources

/// Pages fetched from a server on 127.0.0.1 or read from files, and their articles.
@Suite struct PageLoaderTests {
  let html = [("Content-Type", "text/html; charset=utf-8")]

  func quickLoader(scope: ExtractionScope = .article) -> PageLoader {
    var options = FetchOptions()
    options.timeout = .seconds(2)
    options.connectTimeout = .seconds(2)
    return PageLoader(options: options, scope: scope)
  }

  func failure(_ location: PageLocation, _ loader: PageLoader? = nil) -> WebSourceError? {
    do {
      _ = try (loader ?? quickLoader()).load(location)
      return nil
    } catch {
      return error
    }
  }

  @Test func aFetchedPageGivesItsArticleBytesAndFetchFacts() throws {
    let page = Array(NewsPages.page().utf8)
    let server = try LocalHTTPServer(routes: [
      "/old": .redirect(status: 301, location: "/news/night-buses"),
      "/news/night-buses": .page(headers: html, body: page),
    ])
    let loaded = try quickLoader().load(.web(server.url("/old")))
    #expect(loaded.article.text == NewsPages.text)
    #expect(loaded.article.title == NewsPages.headline)
    #expect(loaded.article.authors == ["Jane Whitaker", "Tom Reyes"])
    #expect(loaded.article.published == "2025-03-04T09:30:00Z")
    #expect(loaded.article.publisher == "The Northern Courier")
    #expect(loaded.article.language == "en-GB")
    #expect(loaded.article.canonicalURL == "https://courier.example/news/night-buses")
    #expect(loaded.article.url == server.url("/news/night-buses"))
    #expect(loaded.bytes == page)
    #expect(loaded.isHTML)
    #expect(loaded.requestedURL == server.url("/old"))
    #expect(loaded.finalURL == server.url("/news/night-buses"))
    #expect(loaded.contentType == "text/html; charset=utf-8")
    #expect(loaded.response?.redirects.count == 1)
    #expect(loaded.warnings.isEmpty)
    #expect(server.requests.first?.header("User-Agent")?.hasPrefix("claims") == true)
  }

  @Test func theHeadersCharsetDecidesAndInvalidBytesAreCounted() throws {
    let quoted = NewsPages.paragraphs.map {
      $0.replacingOccurrences(of: "residents had", with: "\u{201C}residents\u{201D} had")
    }
    let latin = NewsPages.windows1252(NewsPages.page(paragraphs: quoted, charset: "utf-8"))
    var broken = Array(NewsPages.page().utf8)
    let at = try #require(broken.firstRange(of: Array("Tuesday".utf8)))
    broken.replaceSubrange(at, with: [0xFF, 0xFE] + Array("sday".utf8))
    let server = try LocalHTTPServer(routes: [
      // The header wins over the page's own (wrong) `<meta charset="utf-8">`.
      "/latin": .page(headers: [("Content-Type", "text/html; charset=ISO-8859-1")], body: latin),
      "/broken": .page(headers: html, body: broken),
    ])
    let latinPage = try quickLoader().load(.web(server.url("/latin")))
    #expect(latinPage.article.text.contains("\u{201C}residents\u{201D} had"))
    #expect(latinPage.extraction.encoding == "windows-1252")
    #expect(latinPage.warnings.isEmpty)
    let brokenPage = try quickLoader().load(.web(server.url("/broken")))
    #expect(brokenPage.article.text.contains("\u{FFFD}\u{FFFD}sday"))
    #expect(brokenPage.warnings == ["2 invalid bytes for UTF-8 replaced with U+FFFD in \(server.url("/broken"))"])
  }

  @Test func httpFailuresHaveTheirKinds() throws {
    let server = try LocalHTTPServer(routes: [
      "/gone": .page(status: 410), "/down": .page(status: 503), "/private": .page(status: 403),
      "/a": .redirect(location: "/b"), "/b": .redirect(location: "/a"),
      "/file": .redirect(location: "file:///etc/passwd"),
    ])
    #expect(failure(.web(server.url("/missing")))?.kind == .notFound)
    #expect(
      failure(.web(server.url("/missing")))?.message
        == "HTTP 404 Not Found: \(server.url("/missing")); check the address")
    #expect(failure(.web(server.url("/gone")))?.kind == .gone)
    #expect(failure(.web(server.url("/down")))?.kind == .serverError)
    #expect(failure(.web(server.url("/down")))?.fetchError?.status == 503)
    #expect(failure(.web(server.url("/private")))?.kind == .clientError)
    #expect(failure(.web(server.url("/a")))?.kind == .redirectLoop)
    #expect(failure(.web(server.url("/file")))?.kind == .unsupportedScheme)
    #expect(failure(.web("file:///etc/passwd"))?.kind == .unsupportedScheme)
    #expect(failure(.web("ftp://127.0.0.1/x"))?.kind == .unsupportedScheme)
    #expect(failure(.web("https:/no-host"))?.kind == .invalidAddress)
  }

  @Test func anAddressThatDoesNotAnswerIsUnreachable() throws {
    let server = try LocalHTTPServer()
    let address = server.url("/")
    server.stop()
    let refused = failure(.web(address))
    #expect(refused?.kind == .unreachable)
    #expect(
      refused?.message
        == "no answer from \(address): connection refused by '127.0.0.1'; check the address, or try again later")
    let slow = try LocalHTTPServer(routes: ["/slow": .delayed(milliseconds: 4000, .page(headers: html, body: []))])
    let timedOut = failure(.web(slow.url("/slow")))
    #expect(timedOut?.kind == .unreachable)
    #expect(
      timedOut?.message
        == "no answer from \(slow.url("/slow")): timed out: no complete answer within 2 s; try again later")
  }

  @Test func contentThatIsNotAnArticleIsRefusedByKind() throws {
    let server = try LocalHTTPServer(routes: [
      "/report.pdf": .page(headers: [("Content-Type", "application/pdf")], body: NewsPages.pdf),
      "/photo": .page(headers: [("Content-Type", "image/png")], body: NewsPages.png),
      "/sections": .page(headers: html, body: Array(NewsPages.noArticle.utf8)),
      "/huge": .endless(count: 100_000_000, declaresLength: false),
    ])
    #expect(
      failure(.web(server.url("/report.pdf")))?.message
        == "\(server.url("/report.pdf")) is a PDF document; PDFs are not supported yet")
    #expect(
      failure(.web(server.url("/photo")))?.message == "\(server.url("/photo")) is a PNG image, not an HTML page or text"
    )
    #expect(failure(.web(server.url("/sections")))?.kind == .noArticle)
    #expect(failure(.web(server.url("/huge")))?.kind == .tooLarge)
    // Visible text takes what the page shows, with no judgement.
    let visible = try quickLoader(scope: .visibleText).load(.web(server.url("/sections")))
    #expect(visible.article.text == "Tram line to close\n\nParking fees rise\n\nSign in")
  }

  @Test func filesAndBytesAreReadAsPages() throws {
    let scratch = ScratchDirectory()
    try scratch.write(NewsPages.page(), to: "night-buses.html")
    try scratch.write(NewsPages.paragraphs[0], to: "notes.txt")
    let page = try quickLoader().load(.file(path: scratch.path("night-buses.html"), name: "night-buses.html"))
    #expect(page.article.text == NewsPages.text)
    #expect(page.article.url == nil)
    #expect(page.response == nil)
    let text = try quickLoader().load(.file(path: scratch.path("notes.txt"), name: "notes.txt"))
    #expect(text.extraction.format == .plainText)
    #expect(!text.isHTML)
    let piped = try quickLoader().load(.bytes(Array(NewsPages.page().utf8), name: "standard input"))
    #expect(piped.article.title == NewsPages.headline)
    #expect(
      failure(.file(path: scratch.path("none.html"), name: "none.html"))?.message
        == "cannot read 'none.html': No such file or directory; check the path")
    #expect(
      failure(.file(path: scratch.path("courier.example/news"), name: "courier.example/news"))?.message
        == "cannot read 'courier.example/news': No such file or directory; to fetch a web address, write it in full, starting with https://"
    )
    #expect(failure(.file(path: scratch.path, name: "."))?.kind == .unreadableFile)
    var small = quickLoader()
    small.options.maximumBytes = 1000
    #expect(failure(.file(path: scratch.path("night-buses.html"), name: "night-buses.html"), small)?.kind == .tooLarge)
  }

  @Test func argumentsWithASchemeAreAddresses() {
    #expect(PageLocation.argument("https://courier.example/a", path: "/x") == .web("https://courier.example/a"))
    #expect(PageLocation.argument("file:///etc/passwd", path: "/x") == .web("file:///etc/passwd"))
    #expect(
      PageLocation.argument("story.html", path: "/w/story.html") == .file(path: "/w/story.html", name: "story.html"))
    #expect(
      PageLocation.argument("C:story.html", path: "/w/C:story.html")
        == .file(path: "/w/C:story.html", name: "C:story.html"))
    #expect(PageLocation.argument("notes/a:b.html", path: "/w/a") == .file(path: "/w/a", name: "notes/a:b.html"))
  }
}

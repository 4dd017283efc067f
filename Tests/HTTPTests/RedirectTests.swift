import HTTP
import HTTPMessage
import TestSupport
import Testing

/// Redirects: each hop recorded, loops and long chains told apart, other schemes refused.
@Suite struct RedirectTests {
  @Test func chainIsFollowedAndEveryHopRecorded() throws {
    let server = try LocalHTTPServer(routes: [
      "/a": .redirect(status: 301, location: "/b"),
      "/b": .redirect(status: 302, location: "c?x=1"),
      "/c": .redirect(status: 307, location: "http://127.0.0.1:0/never"),  // replaced below
      "/final": .page(headers: [("Content-Type", "text/plain")], body: Array("done".utf8)),
    ])
    server.setRoute("/c", .redirect(status: 308, location: server.url("/final")))
    let response = try HTTPClient().fetch(server.url("/a"))
    #expect(response.body == Array("done".utf8))
    #expect(response.requestedURL == server.url("/a"))
    #expect(response.url == server.url("/final"))
    #expect(response.redirects.map(\.status) == [301, 302, 308])
    #expect(response.redirects.map(\.location) == ["/b", "c?x=1", server.url("/final")])
    #expect(response.redirects.map(\.target) == [server.url("/b"), server.url("/c?x=1"), server.url("/final")])
    #expect(response.redirects[0].exchange.statusLine == "HTTP/1.1 301 Moved Permanently")
  }

  @Test func loopIsReportedWithItsPath() throws {
    let server = try LocalHTTPServer(routes: [
      "/one": .redirect(location: "/two"), "/two": .redirect(location: "/one"),
    ])
    let error = try fetchError(server.url("/one"))
    #expect(error.kind == .redirectLoop)
    #expect(
      error.message
        == "redirect loop: \(server.url("/one")) -> \(server.url("/two")) -> \(server.url("/one")) -> \(server.url("/two"))"
    )
    #expect(server.hitCount("/one") == 2)
  }

  @Test func redirectBackAfterACookieIsNotALoop() throws {
    let server = try LocalHTTPServer(routes: [
      "/paywall": .sequence([
        .page(status: 302, headers: [("Location", "/paywall"), ("Set-Cookie", "seen=1; Path=/")]),
        .page(body: Array("article".utf8)),
      ])
    ])
    let response = try HTTPClient().fetch(server.url("/paywall"))
    #expect(response.body == Array("article".utf8))
    #expect(server.requests.last?.header("Cookie") == "seen=1")
  }

  @Test func chainLongerThanTheLimitIsRefused() throws {
    var routes: [String: LocalHTTPServer.Route] = [:]
    for step in 0..<6 { routes["/\(step)"] = .redirect(location: "/\(step + 1)") }
    routes["/6"] = .page(body: [1])
    let server = try LocalHTTPServer(routes: routes)
    var options = FetchOptions()
    options.maximumRedirects = 3
    let error = try fetchError(server.url("/0"), options: options)
    #expect(error.kind == .tooManyRedirects)
    #expect(error.message == "more than 3 redirects, starting at \(server.url("/0"))")
    options.maximumRedirects = 6
    #expect(try HTTPClient().fetch(server.url("/0"), options: options).redirects.count == 6)
  }

  @Test(arguments: ["file:///etc/passwd", "ftp://127.0.0.1/file", "data:text/plain,hi", "javascript:alert(1)"])
  func redirectToAnotherSchemeIsRefused(location: String) throws {
    let server = try LocalHTTPServer(routes: ["/jump": .redirect(location: location)])
    let error = try fetchError(server.url("/jump"))
    #expect(error.kind == .unsupportedScheme)
    #expect(
      error.message
        == "\(server.url("/jump")) redirects to '\(location)', which is refused: only http and https addresses are followed"
    )
    #expect(server.requests.count == 1)
  }

  @Test func redirectIsReturnedWhenNotFollowed() throws {
    let server = try LocalHTTPServer(routes: ["/a": .redirect(status: 301, location: "/b")])
    var options = FetchOptions()
    options.followsRedirects = false
    let response = try HTTPClient().fetch(server.url("/a"), options: options)
    #expect(response.status == 301)
    #expect(response.headers.value(for: "Location") == "/b")
  }

  func fetchError(_ url: String, options: FetchOptions = FetchOptions()) throws -> FetchError {
    do {
      let response = try HTTPClient().fetch(url, options: options)
      throw Fixtures.Invalid(description: "expected an error, got HTTP \(response.status)")
    } catch let error as FetchError {
      return error
    }
  }
}

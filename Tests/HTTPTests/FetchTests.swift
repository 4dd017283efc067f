import Foundation
import HTTP
import HTTPMessage
import TestSupport
import Testing

/// Fetching against a server on 127.0.0.1: bytes kept as received, codings undone, headers sent.
@Suite struct FetchTests {
  let html = Array("<html><head><title>Budget</title></head><body><p>Caf\u{e9} council.</p></body></html>".utf8)

  @Test func keepsStatusLineHeadersAndBodyExactlyAsReceived() throws {
    let server = try LocalHTTPServer(routes: [
      "/page": .page(headers: [("Content-Type", "text/html; charset=UTF-8"), ("X-Custom", "a  b")], body: html)
    ])
    let response = try HTTPClient().fetch(server.url("/page"))
    #expect(response.status == 200)
    #expect(response.statusLine == "HTTP/1.1 200 OK")
    let expectedHead =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\nX-Custom: a  b\r\n"
      + "Content-Length: \(html.count)\r\n\r\n"
    #expect(response.rawHeaders == Array(expectedHead.utf8))
    #expect(response.headers.value(for: "x-custom") == "a  b")
    #expect(response.rawBody == html)
    #expect(response.body == html)
    #expect(response.contentType == "text/html")
    #expect(response.charset == "utf-8")
    #expect(response.requestedURL == server.url("/page"))
    #expect(response.url == server.url("/page"))
    #expect(response.redirects.isEmpty)
    #expect(response.ipAddress == "127.0.0.1")
    #expect(response.retrievedAt > 1_700_000_000)
    #expect(response.timings.total >= response.timings.firstByte)
    #expect(response.timings.firstByte > .zero)
  }

  @Test func requestNamesClaimsAndOffersTheCodingsItDecodes() throws {
    let server = try LocalHTTPServer(routes: ["/": .page(body: html)])
    var options = FetchOptions()
    options.userAgent = FetchOptions.userAgent(version: "1.2.3")
    let response = try HTTPClient().fetch(server.url("/"), options: options)
    let request = try #require(server.requests.first)
    #expect(request.header("User-Agent")?.hasPrefix("claims/1.2.3 (+fact-checking; ") == true)
    #expect(request.header("Accept-Encoding") == "gzip, deflate, br")
    let sent = String(decoding: response.exchange.requestHead, as: UTF8.self)
    #expect(sent.hasPrefix("GET / HTTP/1.1\r\n"))
    #expect(sent.contains("\r\nUser-Agent: claims/1.2.3 (+fact-checking; "))
    #expect(sent.hasSuffix("\r\n\r\n"))
  }

  @Test func gzipBodyIsKeptCompressedAndDecoded() throws {
    let compressed = try gzipTool(html)
    let server = try LocalHTTPServer(routes: [
      "/gz": .page(headers: [("Content-Type", "text/html"), ("Content-Encoding", "gzip")], body: compressed)
    ])
    let response = try HTTPClient().fetch(server.url("/gz"))
    #expect(response.rawBody == compressed)
    #expect(response.body == html)
  }

  @Test func deflateAndBrotliBodiesAreDecoded() throws {
    let server = try LocalHTTPServer(routes: [
      "/deflate": .page(headers: [("Content-Encoding", "deflate")], body: try Deflate.compress(html)),
      "/br": .page(headers: [("Content-Encoding", "br")], body: try Brotli.compress(html)),
    ])
    let client = try HTTPClient()
    #expect(try client.fetch(server.url("/deflate")).body == html)
    #expect(try client.fetch(server.url("/br")).body == html)
  }

  @Test func chunkedBodyKeepsItsFramingRawAndIsJoinedDecoded() throws {
    let compressed = try gzipTool(html)
    let server = try LocalHTTPServer(routes: [
      "/chunked": .chunked(chunks: [Array(html[0..<10]), Array(html[10...])]),
      "/chunked-gzip": .chunked(
        headers: [("Content-Encoding", "gzip")], chunks: [Array(compressed[0..<7]), Array(compressed[7...])]),
    ])
    let client = try HTTPClient()
    let plain = try client.fetch(server.url("/chunked"))
    #expect(plain.body == html)
    #expect(
      plain.rawBody == Array("a\r\n".utf8) + html[0..<10] + Array("\r\n\(String(html.count - 10, radix: 16))\r\n".utf8)
        + html[10...] + Array("\r\n0\r\n\r\n".utf8))
    #expect(try client.fetch(server.url("/chunked-gzip")).body == html)
  }

  @Test func bodyWithoutLengthEndsWhenTheServerCloses() throws {
    let server = try LocalHTTPServer(routes: ["/close": .closeDelimited(body: html)])
    let response = try HTTPClient().fetch(server.url("/close"))
    #expect(response.body == html)
    #expect(response.headers.value(for: "Content-Length") == nil)
  }

  @Test func binaryContentComesBackByteForByte() throws {
    let pdf = Array("%PDF-1.7\n".utf8) + (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7) }
    let server = try LocalHTTPServer(routes: [
      "/doc.pdf": .page(headers: [("Content-Type", "application/pdf")], body: pdf)
    ])
    let response = try HTTPClient().fetch(server.url("/doc.pdf"))
    #expect(response.body == pdf)
    #expect(response.contentType == "application/pdf")
    #expect(response.charset == nil)
  }

  @Test func charsetComesFromTheContentTypeHeader() throws {
    let latin1: [UInt8] = Array("<p>Caf".utf8) + [0xe9] + Array("</p>".utf8)
    let server = try LocalHTTPServer(routes: [
      "/latin": .page(headers: [("Content-Type", "text/html;charset=\"ISO-8859-1\"")], body: latin1),
      "/none": .page(headers: [("Content-Type", "text/html")], body: latin1),
    ])
    let client = try HTTPClient()
    let declared = try client.fetch(server.url("/latin"))
    #expect(declared.charset == "iso-8859-1")
    #expect(declared.body == latin1)
    #expect(try client.fetch(server.url("/none")).charset == nil)
  }

  @Test func pageThatChangesIsFetchedAnewEachTime() throws {
    let server = try LocalHTTPServer(routes: [
      "/news": .sequence([.page(body: Array("first".utf8)), .page(body: Array("second".utf8))])
    ])
    let client = try HTTPClient()
    #expect(try client.fetch(server.url("/news")).body == Array("first".utf8))
    #expect(try client.fetch(server.url("/news")).body == Array("second".utf8))
    server.setRoute("/news", .page(status: 410))
    #expect(throws: FetchError.self) { try client.fetch(server.url("/news")) }
    #expect(server.hitCount("/news") == 3)
  }

  @Test func unknownContentCodingIsUndecodable() throws {
    let server = try LocalHTTPServer(routes: ["/z": .page(headers: [("Content-Encoding", "zstd")], body: html)])
    let error = try fetchError(server.url("/z"))
    #expect(error.kind == .undecodable)
    #expect(error.message.contains("unsupported content coding 'zstd'"))
  }

  @Test func answerThatIsNotHTTPFailsAsABrokenConnection() throws {
    let server = try LocalHTTPServer(routes: ["/": .raw(Array("SSH-2.0-OpenSSH\r\n\r\n".utf8))])
    let error = try fetchError(server.url("/"))
    #expect(error.kind == .connectionFailed)
  }

  @Test func oneClientFetchesOneAfterAnotherOnOneConnection() throws {
    let server = try LocalHTTPServer(routes: ["/a": .page(body: [1]), "/b": .page(body: [2])])
    let client = try HTTPClient()
    for _ in 0..<3 {
      #expect(try client.fetch(server.url("/a")).body == [1])
      #expect(try client.fetch(server.url("/b")).body == [2])
    }
    #expect(server.requests.count == 6)
  }

  func fetchError(_ url: String, options: FetchOptions = FetchOptions()) throws -> FetchError {
    do {
      let response = try HTTPClient().fetch(url, options: options)
      throw Fixtures.Invalid(description: "expected an error, got HTTP \(response.status)")
    } catch let error as FetchError {
      return error
    }
  }

  func gzipTool(_ bytes: [UInt8]) throws -> [UInt8] {
    let scratch = ScratchDirectory()
    try scratch.write(bytes, to: "body")
    let result = try ProcessRunner.run("/bin/gzip", ["-kn", "body"], in: scratch.path)
    guard result.status == 0 else { throw Fixtures.Invalid(description: "gzip failed: \(result.stderr)") }
    return Array(try Data(contentsOf: URL(fileURLWithPath: scratch.path("body.gz"))))
  }
}

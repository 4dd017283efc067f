import Foundation
import HTTP
import HTTPMessage
import TestSupport
import Testing

/// Each failure has its kind and a one-line message that says what happened.
@Suite struct FetchErrorTests {
  @Test(arguments: ["file:///etc/passwd", "ftp://127.0.0.1/x", "data:text/html,<p>x</p>", "gopher://127.0.0.1/"])
  func nonWebSchemesAreRefusedBeforeAnyRequest(url: String) throws {
    let error = try fetchError(url)
    #expect(error.kind == .unsupportedScheme)
    #expect(error.message.contains("only http and https"))
    #expect(!error.message.contains("\n"))
  }

  @Test(arguments: ["example.org/page", "", "http://", "https:///path"])
  func textThatIsNotAnAbsoluteAddressIsInvalid(url: String) throws {
    #expect(try fetchError(url).kind == .invalidURL)
  }

  @Test func notFoundAndGoneAreToldApart() throws {
    let server = try LocalHTTPServer(routes: ["/gone": .page(status: 410, body: Array("gone".utf8))])
    let missing = try fetchError(server.url("/missing"))
    #expect(missing.kind == .notFound)
    #expect(missing.status == 404)
    #expect(missing.message == "HTTP 404 Not Found: \(server.url("/missing"))")
    let gone = try fetchError(server.url("/gone"))
    #expect(gone.kind == .gone)
    #expect(gone.message == "HTTP 410 Gone: \(server.url("/gone"))")
    #expect(gone.response?.body == Array("gone".utf8))
  }

  @Test func otherClientAndServerErrorsSayWhich() throws {
    let server = try LocalHTTPServer(routes: [
      "/403": .page(status: 403), "/500": .page(status: 500), "/503": .page(status: 503),
    ])
    let forbidden = try fetchError(server.url("/403"))
    #expect(forbidden.kind == .clientError)
    #expect(forbidden.message == "HTTP 403 Forbidden (client error): \(server.url("/403"))")
    let internalError = try fetchError(server.url("/500"))
    #expect(internalError.kind == .serverError)
    #expect(internalError.isTransient)
    let unavailable = try fetchError(server.url("/503"))
    #expect(unavailable.kind == .serverError)
    #expect(
      unavailable.message == "HTTP 503 Service Unavailable (server error; try again later): \(server.url("/503"))")
  }

  @Test func errorStatusIsReturnedWhenAccepted() throws {
    let server = try LocalHTTPServer(routes: ["/503": .page(status: 503, body: [1, 2])])
    var options = FetchOptions()
    options.acceptsErrorStatus = true
    let response = try HTTPClient().fetch(server.url("/503"), options: options)
    #expect(response.status == 503)
    #expect(response.body == [1, 2])
  }

  @Test func refusedConnectionIsReported() throws {
    let port = try ClosedPort.make()
    let error = try fetchError("http://127.0.0.1:\(port)/")
    #expect(error.kind == .connectionRefused)
    #expect(error.message.hasPrefix("connection refused by '127.0.0.1'"))
  }

  @Test func connectTimeoutIsReported() throws {
    let stalled = try StalledListener()
    var options = FetchOptions()
    options.connectTimeout = .milliseconds(300)
    options.timeout = .seconds(3)
    let started = ContinuousClock().now
    let error = try fetchError(stalled.url("/"), options: options)
    #expect(error.kind == .timedOut)
    #expect(error.message == "timed out: no connection within 300 ms: \(stalled.url("/"))")
    #expect(ContinuousClock().now - started < .seconds(3))
  }

  @Test func slowAnswerTimesOutAtTheTotalLimit() throws {
    let server = try LocalHTTPServer(routes: ["/slow": .delayed(milliseconds: 3000, .page(body: [1]))])
    var options = FetchOptions()
    options.timeout = .milliseconds(400)
    let started = ContinuousClock().now
    let error = try fetchError(server.url("/slow"), options: options)
    #expect(error.kind == .timedOut)
    #expect(error.message == "timed out: no complete answer within 400 ms: \(server.url("/slow"))")
    #expect(ContinuousClock().now - started < .milliseconds(2500))
  }

  @Test func answerThatArrivesInTimeIsTaken() throws {
    let server = try LocalHTTPServer(routes: ["/slow": .delayed(milliseconds: 200, .page(body: [1]))])
    var options = FetchOptions()
    options.timeout = .seconds(5)
    #expect(try HTTPClient().fetch(server.url("/slow"), options: options).body == [1])
  }

  @Test func tricklingAnswerTimesOutAtTheLowSpeedLimit() throws {
    let body = [UInt8](repeating: 65, count: 200)
    let server = try LocalHTTPServer(routes: [
      "/trickle": .trickle(body: body, bytesPerWrite: 2, intervalMilliseconds: 100)
    ])
    var options = FetchOptions()
    options.lowSpeedLimit = 1000
    options.lowSpeedTime = .seconds(1)
    let started = ContinuousClock().now
    let error = try fetchError(server.url("/trickle"), options: options)
    #expect(error.kind == .timedOut)
    #expect(error.message == "timed out: under 1000 bytes/s for 1 s: \(server.url("/trickle"))")
    #expect(ContinuousClock().now - started < .seconds(5))
  }

  @Test func hundredMegabytesAreCutAtTheLimitQuickly() throws {
    let server = try LocalHTTPServer(routes: [
      "/declared": .endless(count: 100_000_000, declaresLength: true),
      "/undeclared": .endless(count: 100_000_000, declaresLength: false),
    ])
    for path in ["/declared", "/undeclared"] {
      let started = ContinuousClock().now
      let error = try fetchError(server.url(path))
      #expect(error.kind == .tooLarge)
      #expect(error.message == "page larger than the 20 MB limit: \(server.url(path))")
      #expect(ContinuousClock().now - started < .seconds(5))
    }
  }

  @Test func sizeLimitAppliesToTheDecodedBodyToo() throws {
    let bomb = try gzipTool([UInt8](repeating: 0, count: 5_000_000))
    let server = try LocalHTTPServer(routes: [
      "/bomb": .page(headers: [("Content-Encoding", "gzip")], body: bomb),
      "/big": .page(body: [UInt8](repeating: 1, count: 2000)),
    ])
    var options = FetchOptions()
    options.maximumBytes = 1_000_000
    let error = try fetchError(server.url("/bomb"), options: options)
    #expect(error.kind == .tooLarge)
    #expect(error.message == "page larger than the 1 MB limit once decoded: \(server.url("/bomb"))")
    options.maximumBytes = 1500
    let big = try fetchError(server.url("/big"), options: options)
    #expect(big.kind == .tooLarge)
    #expect(big.message.contains("1500 bytes limit"))
  }

  @Test func tlsFailureIsReported() throws {
    // A plain HTTP server answering a TLS handshake: the handshake fails, and no byte leaves 127.0.0.1.
    let server = try LocalHTTPServer(routes: ["/": .page(body: [1])])
    let error = try fetchError("https://127.0.0.1:\(server.port)/")
    #expect(error.kind == .tls)
    #expect(error.message.hasPrefix("TLS failure with '127.0.0.1'"))
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

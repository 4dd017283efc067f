import ClaimModel
import Evidence
import HTTP
import TestSupport
import Testing
import WebArchive

/// A page archived once, then fetched again by `evidence check` after it changed (or not).
@Suite struct HealthCheckTests {
  static let time = Timestamp(secondsSince1970: 1_800_000_000)
  static let quote = "We counted 12 homes with structural damage"

  /// Archives `/story` as first served, then classifies a second fetch of it.
  private func check(
    then route: LocalHTTPServer.Route, extra: [String: LocalHTTPServer.Route] = [:], options: FetchOptions? = nil
  ) throws -> CitationHealth {
    let server = try LocalHTTPServer(
      routes: ["/story": .sequence([.page(headers: TestPages.html, body: TestPages.original), route])].merging(extra) {
        $1
      })
    let archiver = try PageArchiver(options: TestPages.options)
    let page = try archiver.fetch(server.url("/story"))
    let (archive, _) = try PageArchiver.archive(page, quote: Self.quote)
    let outcome = Result { () throws(FetchError) in
      try HTTPClient().fetch(server.url("/story"), options: options ?? TestPages.options)
    }
    return HealthCheck.classify(HealthCheck.Archived(archive: archive), outcome: outcome, at: Self.time)
  }

  @Test func theSamePageIsUnchanged() throws {
    let health = try check(then: .page(headers: TestPages.html, body: TestPages.original))
    #expect(health.state == .unchanged)
    #expect(health.checked == Self.time)
  }

  @Test func aChangedPageThatKeepsTheQuoteIsChangedNotDrifted() throws {
    let health = try check(then: .page(headers: TestPages.html, body: TestPages.extended))
    #expect(health.state == .changed)
    #expect(!health.state.isFailure)
  }

  @Test func aPageThatLostTheQuoteHasDriftedAndSaysWhatIsThereNow() throws {
    let health = try check(then: .page(headers: TestPages.html, body: TestPages.corrected))
    #expect(health.state == .drifted)
    #expect(health.state.isFailure)
    #expect(health.now == "We counted 14 homes with structural damage")
  }

  @Test func aPageThatDisappearedIsGone() throws {
    for status in [404, 410] {
      let health = try check(then: .page(status: status))
      #expect(health.state == .gone, "HTTP \(status)")
      #expect(health.detail?.contains("HTTP \(status)") == true)
    }
  }

  @Test func aHostThatNoLongerResolvesIsGone() {
    let archive = CitationArchive(
      captureSHA256: String(repeating: "a", count: 64), captureBytes: 1, retrieved: Self.time,
      finalURL: "https://old.example/story", status: 200, contentType: "text/html", textSHA256: nil, quote: nil)
    let error = FetchError(.cannotResolve, "cannot resolve host 'old.example': …", url: "https://old.example/story")
    let health = HealthCheck.classify(
      HealthCheck.Archived(archive: archive), outcome: .failure(error), at: Self.time)
    #expect(health.state == .gone)
  }

  @Test func aPageThatRedirectsElsewhereHasMovedAndSaysWhere() throws {
    let health = try check(
      then: .redirect(status: 301, location: "/moved"),
      extra: ["/moved": .page(headers: TestPages.html, body: TestPages.original)])
    #expect(health.state == .moved)
    #expect(health.movedTo?.hasSuffix("/moved") == true)
  }

  @Test func aMovedPageWithoutTheQuoteHasDrifted() throws {
    let health = try check(
      then: .redirect(status: 301, location: "/moved"),
      extra: ["/moved": .page(headers: TestPages.html, body: TestPages.corrected)])
    #expect(health.state == .drifted)
    #expect(health.movedTo?.hasSuffix("/moved") == true)
  }

  @Test func aServerErrorOrASlowPageIsUnreachableNotGone() throws {
    #expect(try check(then: .page(status: 503)).state == .unreachable)
    var impatient = TestPages.options
    impatient.timeout = .milliseconds(500)
    let slow = try check(
      then: .delayed(milliseconds: 2_000, .page(headers: TestPages.html, body: TestPages.original)), options: impatient)
    #expect(slow.state == .unreachable)
    #expect(slow.detail?.contains("timed out") == true)
  }

  @Test func aBinaryDocumentIsComparedByItsBytes() throws {
    let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 7, count: 500)
    let server = try LocalHTTPServer(routes: [
      "/chart.png": .sequence([
        .page(headers: [("Content-Type", "image/png")], body: png),
        .page(headers: [("Content-Type", "image/png")], body: png),
        .page(headers: [("Content-Type", "image/png")], body: png + [1]),
      ])
    ])
    let page = try PageArchiver(options: TestPages.options).fetch(server.url("/chart.png"))
    let archived = HealthCheck.Archived(archive: page.archive(quote: nil), bodySHA256: PageText.sha256(png))
    let client = try HTTPClient()
    let same = HealthCheck.classify(
      archived, outcome: Result { () throws(FetchError) in try client.fetch(server.url("/chart.png")) }, at: Self.time)
    #expect(same.state == .unchanged)
    let changed = HealthCheck.classify(
      archived, outcome: Result { () throws(FetchError) in try client.fetch(server.url("/chart.png")) }, at: Self.time)
    #expect(changed.state == .changed)
  }
}

@Suite struct ArchiveCheckTests {
  @Test func anIntactArchiveAndEveryWayOfDamagingIt() throws {
    let server = try LocalHTTPServer(routes: ["/story": .page(headers: TestPages.html, body: TestPages.original)])
    let page = try PageArchiver(options: TestPages.options).fetch(server.url("/story"))
    let (archive, _) = try PageArchiver.archive(page, quote: HealthCheckTests.quote)
    let text = try #require(page.text).bytes
    let time = HealthCheckTests.time
    let capture = page.capture.bytes
    #expect(ArchiveCheck.check(archive, captureProblem: nil, text: text, at: time).state == .intact)
    #expect(ArchiveCheck.checkCapture(capture, digest: archive.captureSHA256) == nil)
    #expect(ArchiveCheck.checkCapture(nil, digest: archive.captureSHA256)?.contains("missing") == true)
    var flipped = capture
    flipped[flipped.count - 10] ^= 1
    #expect(ArchiveCheck.checkCapture(flipped, digest: archive.captureSHA256)?.contains("does not match") == true)
    // A capture whose name matches its bytes but whose records' digests do not.
    #expect(ArchiveCheck.checkCapture(flipped, digest: PageText.sha256(flipped))?.contains("not valid WARC") == true)
    #expect(ArchiveCheck.check(archive, captureProblem: nil, text: nil, at: time).state == .damaged)
    #expect(ArchiveCheck.check(archive, captureProblem: nil, text: text + [0x20], at: time).state == .damaged)
  }
}

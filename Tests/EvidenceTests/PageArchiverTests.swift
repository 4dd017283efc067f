import ClaimModel
import Evidence
import HTTP
import HTTPMessage
import TestSupport
import Testing
import WebArchive

@Suite struct PageArchiverTests {
  private func archiver() throws -> PageArchiver { try PageArchiver(options: TestPages.options) }

  @Test func aPageIsCapturedAsWARCWithItsTextAndTheQuoteFoundInIt() throws {
    let server = try LocalHTTPServer(routes: ["/story": .page(headers: TestPages.html, body: TestPages.original)])
    let page = try archiver().fetch(server.url("/story"))
    let (archive, warning) = try PageArchiver.archive(page, quote: "We counted 12 homes with structural damage")
    #expect(warning == nil)
    #expect(archive.status == 200)
    #expect(archive.contentType == "text/html")
    #expect(archive.finalURL == server.url("/story"))
    #expect(archive.captureSHA256 == PageText.sha256(page.capture.bytes))
    #expect(archive.captureBytes == page.capture.bytes.count)
    let text = try #require(page.text)
    #expect(archive.textSHA256 == PageText.sha256(Array(text.text.utf8)))
    #expect(text.text.hasPrefix("County damage report\n\nThe county said on Monday"))
    let quote = try #require(archive.quote)
    #expect(QuoteLocator.holds(quote, in: Array(text.text.unicodeScalars)))
    // The capture reads back with every digest checked: a response, then its request.
    let records = try WARCReader.records(in: page.capture.bytes)
    #expect(records.map(\.type) == ["response", "request"])
    #expect(ArchiveCheck.checkCapture(page.capture.bytes, digest: archive.captureSHA256) == nil)
  }

  @Test func aQuoteThePageLacksIsRefusedWithTheNearestPassage() throws {
    let server = try LocalHTTPServer(routes: ["/story": .page(headers: TestPages.html, body: TestPages.original)])
    let page = try archiver().fetch(server.url("/story"))
    #expect {
      try PageArchiver.archive(page, quote: "We counted 14 homes with structural damage")
    } throws: { error in
      guard let error = error as? EvidenceError, error.kind == .quoteNotFound else { return false }
      return error.message.contains(
        "the nearest passage (6 of 7 words) reads: “We counted 12 homes with structural damage")
    }
  }

  @Test func aRedirectIsFollowedAndEveryExchangeKept() throws {
    let server = try LocalHTTPServer(routes: [
      "/old": .redirect(status: 301, location: "/new"),
      "/new": .page(headers: TestPages.html, body: TestPages.original),
    ])
    let page = try archiver().fetch(server.url("/old"))
    #expect(page.finalURL == server.url("/new"))
    let records = try WARCReader.records(in: page.capture.bytes)
    #expect(records.map(\.type) == ["response", "request", "response", "request"])
    #expect(
      records.map(\.targetURI) == [server.url("/old"), server.url("/old"), server.url("/new"), server.url("/new")])
  }

  @Test func aRedirectToALocalSchemeIsRefused() throws {
    let server = try LocalHTTPServer(routes: ["/trap": .redirect(location: "file:///etc/passwd")])
    #expect {
      try archiver().fetch(server.url("/trap"))
    } throws: { error in
      (error as? EvidenceError)?.message.contains("redirects to 'file:///etc/passwd', which is refused") == true
    }
  }

  @Test func aFileAddressIsNeverFetched() throws {
    #expect {
      try archiver().fetch("file:///etc/passwd")
    } throws: { error in
      (error as? EvidenceError)?.kind == .fetchFailed
    }
  }

  @Test func aGzipPageKeepsItsGzipBytesInTheArchiveAndIsReadDecoded() throws {
    let gzipped = try Gzip.compress(TestPages.original)
    let server = try LocalHTTPServer(routes: [
      "/gz": .page(headers: TestPages.html + [("Content-Encoding", "gzip")], body: gzipped)
    ])
    let page = try archiver().fetch(server.url("/gz"))
    let response = try #require(try WARCReader.records(in: page.capture.bytes).first)
    #expect(Array(try response.payload()) == gzipped)
    #expect(try response.decodedPayload() == TestPages.original)
    let (archive, _) = try PageArchiver.archive(page, quote: "twelve homes were damaged")
    #expect(archive.quote != nil)
  }

  @Test func aBinaryDocumentIsArchivedAndHashedButNotRead() throws {
    let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 7, count: 2_000)
    let pdf = Array("%PDF-1.7\n1 0 obj << >> endobj\n".utf8) + [UInt8](repeating: 0x20, count: 500)
    let server = try LocalHTTPServer(routes: [
      "/chart.png": .page(headers: [("Content-Type", "image/png")], body: png),
      "/report.pdf": .page(headers: [("Content-Type", "application/pdf")], body: pdf),
    ])
    for (path, type) in [("/chart.png", "image/png"), ("/report.pdf", "application/pdf")] {
      let page = try archiver().fetch(server.url(path))
      #expect(page.text == nil)
      let (archive, warning) = try PageArchiver.archive(page, quote: "a passage")
      #expect(archive.contentType == type)
      #expect(archive.textSHA256 == nil)
      #expect(archive.quote == nil)
      #expect(warning?.contains("is archived and hashed") == true)
    }
  }

  @Test func aPageOverTheSizeLimitIsRefused() throws {
    let server = try LocalHTTPServer(routes: ["/huge": .endless(count: 21_000_000, declaresLength: false)])
    #expect {
      try archiver().fetch(server.url("/huge"))
    } throws: { error in
      (error as? EvidenceError)?.message.contains("larger than the 20 MB limit") == true
    }
  }

  @Test func anErrorStatusIsNotArchived() throws {
    let server = try LocalHTTPServer(routes: ["/gone": .page(status: 410)])
    #expect {
      try archiver().fetch(server.url("/gone"))
    } throws: { error in
      (error as? EvidenceError)?.message.contains("HTTP 410") == true
    }
  }
}

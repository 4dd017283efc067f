import ClaimModel
import Foundation
import HTTP
import HTTPMessage
import TestSupport
import Testing
import WebArchive

/// Captures of real fetches from a local server, written and read back, checked by warcio.
@Suite struct WARCOutputTests {
  let html = Array(String(repeating: "<p>The council approved the budget.</p>\n", count: 50).utf8)

  /// A fetch through a redirect to a chunked gzip page, archived.
  func capture() throws -> (WARCCapture, HTTPResponse, LocalHTTPServer) {
    let compressed = try Gzip.compress(html)
    let server = try LocalHTTPServer(routes: [
      "/old": .redirect(status: 301, location: "/story"),
      "/story": .chunked(
        headers: [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip")],
        chunks: [Array(compressed[..<(compressed.count / 2)]), Array(compressed[(compressed.count / 2)...])]),
    ])
    let response = try HTTPClient().fetch(server.url("/old"))
    return (WARCCapture(exchanges: Self.exchanges(of: response)), response, server)
  }

  /// The adapter the ledger uses: every hop of a fetch as a WARC exchange.
  static func exchanges(of response: HTTPResponse) -> [WARCCapture.Exchange] {
    (response.redirects.map(\.exchange) + [response.exchange]).map { exchange in
      WARCCapture.Exchange(
        targetURI: exchange.url, date: WARCDate(secondsSince1970: exchange.requestTime),
        ipAddress: exchange.ipAddress, requestHead: exchange.requestHead, responseHead: exchange.responseHead,
        responseBody: exchange.rawBody)
    }
  }

  @Test func captureHoldsAResponseAndARequestPerExchange() throws {
    let (capture, response, server) = try capture()
    #expect(capture.records.map(\.type) == ["response", "request", "response", "request"])
    #expect(
      capture.records.map(\.targetURI) == [
        server.url("/old"), server.url("/old"), server.url("/story"), server.url("/story"),
      ])
    let final = try #require(capture.finalResponse)
    #expect(final.block == response.rawHeaders + response.rawBody)
    #expect(final.contentType == "application/http;msgtype=response")
    #expect(final.ipAddress == "127.0.0.1")
    #expect(capture.records[3].field("WARC-Concurrent-To") == final.recordID)
    #expect(capture.records[3].contentType == "application/http;msgtype=request")
    #expect(
      final.recordID.wholeMatch(of: /<urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}>/)
        != nil)
    #expect(try final.decodedPayload() == html)
    #expect(final.date == WARCDate(secondsSince1970: response.retrievedAt))
  }

  @Test func digestsAreWhatSha256sumComputes() throws {
    let (capture, response, _) = try capture()
    let scratch = ScratchDirectory()
    try scratch.write(capture.bytes, to: "capture.warc")
    try scratch.write(response.rawBody, to: "payload")
    try scratch.write(response.rawHeaders + response.rawBody, to: "block")
    let sums = try ProcessRunner.run("/usr/bin/sha256sum", ["capture.warc", "payload", "block"], in: scratch.path)
    #expect(sums.status == 0)
    let lines = sums.stdout.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) ?? "" }
    let final = try #require(capture.finalResponse)
    #expect(
      lines == [
        capture.digest, String(final.payloadDigest?.dropFirst(7) ?? ""), String(final.blockDigest?.dropFirst(7) ?? ""),
      ])
  }

  @Test func sameFetchArchivesToTheSameBytes() throws {
    let (capture, response, _) = try capture()
    let again = WARCCapture(exchanges: Self.exchanges(of: response))
    #expect(again.bytes == capture.bytes)
    #expect(again.digest == capture.digest)
    let read = try WARCCapture.read(capture.bytes)
    #expect(read.digest == capture.digest)
    #expect(read.records.count == 4)
  }

  @Test func warcioChecksAndIndexesTheExport() throws {
    guard Warcio.isAvailable else {
      print(Warcio.skipMessage)
      return
    }
    let (capture, _, server) = try capture()
    let info = WARCFile.warcinfo(
      filename: "export.warc.gz", date: WARCDate(secondsSince1970: 1_767_225_600), software: "claims/test")
    let scratch = ScratchDirectory()
    try scratch.write(try WARCFile.gzipped([info] + capture.records), to: "export.warc.gz")
    try scratch.write(capture.bytes, to: "capture.warc")
    for file in ["export.warc.gz", "capture.warc"] {
      let check = try Warcio.run(["check", "-v", file], in: scratch.path)
      #expect(check.status == 0, "warcio check \(file): \(check.stdout)\(check.stderr)")
      #expect(!check.stdout.contains("failed"))
      #expect(check.stdout.components(separatedBy: "digest pass").count - 1 == (file == "capture.warc" ? 4 : 5))
    }
    let index = try Warcio.run(
      ["index", "-f", "warc-type,warc-target-uri,http:status,warc-payload-digest", "export.warc.gz"], in: scratch.path)
    #expect(index.status == 0, "\(index.stderr)")
    let lines = index.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 5)
    #expect(lines[0].contains("\"warc-type\": \"warcinfo\""))
    #expect(lines[1].contains("\"http:status\": \"301\""))
    #expect(lines[3].contains("\"warc-target-uri\": \"\(server.url("/story"))\""))
    #expect(lines[3].contains("\"http:status\": \"200\""))
    #expect(lines[3].contains("\"warc-payload-digest\": \"\(capture.finalResponse?.payloadDigest ?? "-")\""))
  }

  @Test func gzippedExportReadsBackWithEveryDigestChecked() throws {
    let (capture, _, _) = try capture()
    let file = try WARCFile.gzipped(capture.records)
    let records = try WARCReader.records(in: file)
    #expect(records.map(\.serialized) == capture.records.map(\.serialized))
    var members = 0
    try Gzip.decompressMembers(file) { _, _ in members += 1 }
    #expect(members == 4)
  }

  @Test func binaryPageIsArchivedAndHashedAsReceived() throws {
    let pdf = Array("%PDF-1.4\n".utf8) + (0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 13) }
    let server = try LocalHTTPServer(routes: [
      "/a.pdf": .page(headers: [("Content-Type", "application/pdf")], body: pdf)
    ])
    let response = try HTTPClient().fetch(server.url("/a.pdf"))
    let capture = WARCCapture(exchanges: Self.exchanges(of: response))
    let final = try #require(capture.finalResponse)
    #expect(final.payloadDigest == "sha256:" + SHA256.hexDigest(of: pdf))
    #expect(Array(try final.payload()) == pdf)
  }
}

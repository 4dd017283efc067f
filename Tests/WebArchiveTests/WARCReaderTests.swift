import ClaimModel
import HTTPMessage
import Testing
import WebArchive

/// Reading refuses what does not add up, and never does more than parse and hash.
@Suite struct WARCReaderTests {
  let exchange = WARCCapture.Exchange(
    targetURI: "https://news.example/story", date: WARCDate(secondsSince1970: 1_767_225_600), ipAddress: "192.0.2.7",
    requestHead: Array("GET /story HTTP/1.1\r\nHost: news.example\r\n\r\n".utf8),
    responseHead: Array("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 27\r\n\r\n".utf8),
    responseBody: Array("<script>alert(1)</script>\n".utf8) + [0])

  @Test func changedBodyByteFailsThePayloadAndBlockDigests() throws {
    let capture = WARCCapture(exchanges: [exchange])
    var bytes = capture.bytes
    let position = try #require(bytes.firstRange(of: Array("alert".utf8))).lowerBound
    bytes[position] = UInt8(ascii: "A")
    do {
      _ = try WARCReader.records(in: bytes)
      Issue.record("a changed byte was accepted")
    } catch {
      #expect(error.kind == .digestMismatch)
      #expect(error.message.contains("block digest does not match"))
    }
  }

  @Test func changedPayloadWithMatchingBlockDigestStillFails() throws {
    let record = try #require(WARCCapture(exchanges: [exchange]).finalResponse)
    var block = record.block
    block[block.count - 1] = 1
    let fields = record.fields.map { field in
      field.name == "WARC-Block-Digest" ? HeaderField(name: field.name, value: WARCDigest.make(block)) : field
    }
    do {
      try WARCReader.verify(WARCRecord(fields: fields, block: block))
      Issue.record("a wrong payload digest was accepted")
    } catch {
      #expect(error.kind == .digestMismatch)
      #expect(error.message.contains("payload digest"))
    }
  }

  @Test func truncatedAndForeignBytesAreRefused() throws {
    let bytes = WARCCapture(exchanges: [exchange]).bytes
    #expect(throws: WARCError.self) { try WARCReader.records(in: Array(bytes.dropLast(10))) }
    #expect(throws: WARCError.self) { try WARCReader.records(in: Array("<html>hello</html>\r\n\r\n".utf8)) }
    let gz = try WARCFile.gzipped(WARCCapture(exchanges: [exchange]).records)
    #expect(throws: WARCError.self) { try WARCReader.records(in: Array(gz.dropLast(5))) }
  }

  @Test func recordWithoutDigestIsRefusedWhenDigestsAreRequired() throws {
    let record = try #require(WARCCapture(exchanges: [exchange]).finalResponse)
    let stripped = WARCRecord(
      fields: record.fields.filter { !$0.name.hasSuffix("Digest") }, block: record.block)
    do {
      _ = try WARCReader.records(in: stripped.serialized)
      Issue.record("a record without digest was accepted")
    } catch {
      #expect(error.kind == .missingDigest)
    }
    #expect(try WARCReader.records(in: stripped.serialized, requireDigests: false).count == 1)
  }

  @Test func base32DigestsAreReadAndOtherAlgorithmsRefused() throws {
    let block = Array("hello".utf8)
    // sha256("hello") in base32, as Python's base64.b32encode writes it.
    let base32 = "sha256:FTZE3OS7WCRQ4JXIHMVMLOPCTYNRMHS4D6TUEXTTAQZWFE4LTASA===="
    let record = WARCRecord(
      fields: [
        HeaderField(name: "WARC-Type", value: "resource"), HeaderField(name: "WARC-Block-Digest", value: base32),
        HeaderField(name: "Content-Length", value: "5"),
      ], block: block)
    try WARCReader.verify(record)
    let sha1 = WARCRecord(
      fields: [
        HeaderField(name: "WARC-Type", value: "resource"),
        HeaderField(name: "WARC-Block-Digest", value: "sha1:VL2MMHO4YXUKFWV63YHTWSBM3GXKSQ2N"),
        HeaderField(name: "Content-Length", value: "5"),
      ], block: block)
    do {
      try WARCReader.verify(sha1)
      Issue.record("an unchecked algorithm was accepted")
    } catch {
      #expect(error.kind == .unsupportedDigest)
    }
  }

  @Test func datesAreWrittenAndReadInUTC() throws {
    #expect(WARCDate(secondsSince1970: 0).description == "1970-01-01T00:00:00Z")
    #expect(WARCDate(secondsSince1970: 951_782_400).description == "2000-02-29T00:00:00Z")
    #expect(WARCDate(secondsSince1970: 1_767_225_599).description == "2025-12-31T23:59:59Z")
    #expect(WARCDate("2025-12-31T23:59:59Z")?.secondsSince1970 == 1_767_225_599)
    #expect(WARCDate("2025-12-31T23:59:59.123456Z")?.secondsSince1970 == 1_767_225_599)
    #expect(WARCDate("2025-02-29T00:00:00Z") == nil)
    #expect(WARCDate("2025-12-31 23:59:59") == nil)
  }

  @Test func archivedScriptIsOnlyData() throws {
    let record = try #require(WARCCapture(exchanges: [exchange]).finalResponse)
    #expect(try record.decodedPayload() == exchange.responseBody)
    #expect(try record.httpMessage().head.status == 200)
  }
}

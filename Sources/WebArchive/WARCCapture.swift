import HTTPMessage

/// One fetch archived: a `response` and a `request` record for each exchange (redirects first,
/// then the final page), as ISO 28500 asks, with its content address.
///
/// The bytes are a function of the inputs alone (record ids are derived, not random), so the same
/// capture always has the same digest and a ledger stores it once however many citations use it.
public struct WARCCapture: Sendable {
  /// One request and answer as they went over the wire.
  public struct Exchange: Sendable {
    /// The address requested.
    public var targetURI: String
    /// When the request was sent.
    public var date: WARCDate
    /// The server's address, when known.
    public var ipAddress: String?
    /// The request line and headers as sent, through the empty line.
    public var requestHead: [UInt8]
    /// The request body (empty for GET).
    public var requestBody: [UInt8]
    /// The status line and headers as received, through the empty line.
    public var responseHead: [UInt8]
    /// The body exactly as received (chunked framing and content coding intact).
    public var responseBody: [UInt8]

    /// Makes an exchange.
    public init(
      targetURI: String, date: WARCDate, ipAddress: String?, requestHead: [UInt8], requestBody: [UInt8] = [],
      responseHead: [UInt8], responseBody: [UInt8]
    ) {
      self.targetURI = targetURI
      self.date = date
      self.ipAddress = ipAddress
      self.requestHead = requestHead
      self.requestBody = requestBody
      self.responseHead = responseHead
      self.responseBody = responseBody
    }
  }

  /// The records: for each exchange, its response then its request.
  public let records: [WARCRecord]
  /// The records serialized one after another, uncompressed: what the ledger stores.
  public let bytes: [UInt8]
  /// SHA-256 of `bytes` in lowercase hex: the capture's content address (`sha256sum` agrees).
  public let digest: String

  /// Archives `exchanges` in order (redirects first, the final answer last).
  public init(exchanges: [Exchange]) {
    var records: [WARCRecord] = []
    for exchange in exchanges {
      let response = Self.record(
        type: "response", uri: exchange.targetURI, date: exchange.date, ipAddress: exchange.ipAddress,
        head: exchange.responseHead, body: exchange.responseBody, concurrentTo: nil)
      let request = Self.record(
        type: "request", uri: exchange.targetURI, date: exchange.date, ipAddress: nil,
        head: exchange.requestHead, body: exchange.requestBody, concurrentTo: response.recordID)
      records += [response, request]
    }
    self.init(records: records)
  }

  /// A capture of records already made (read back from the ledger).
  public init(records: [WARCRecord]) {
    self.records = records
    var bytes: [UInt8] = []
    bytes.reserveCapacity(records.reduce(0) { $0 + $1.block.count + 512 })
    for record in records { record.serialize(into: &bytes) }
    self.bytes = bytes
    digest = SHA256Digest.hex(SHA256Digest.digest(bytes))
  }

  /// The final `response` record: the page itself.
  public var finalResponse: WARCRecord? { records.last { $0.type == "response" } }

  /// Reads a capture from its stored bytes, checking every record's digests.
  ///
  /// - Throws: a `WARCError` when the bytes are not WARC or any digest fails.
  public static func read(_ bytes: [UInt8]) throws(WARCError) -> WARCCapture {
    let capture = WARCCapture(records: try WARCReader.records(in: bytes))
    guard capture.bytes == bytes else {
      throw WARCError(.malformed, "the capture is not in the layout claims writes")
    }
    return capture
  }

  private static func record(
    type: String, uri: String, date: WARCDate, ipAddress: String?, head: [UInt8], body: [UInt8], concurrentTo: String?
  ) -> WARCRecord {
    let blockDigest = head.withUnsafeBytes { head in
      body.withUnsafeBytes { body in WARCDigest.algorithm + ":" + SHA256Digest.hex(SHA256Digest.digest([head, body])) }
    }
    let payloadDigest = WARCDigest.make(body)
    let block = head + body
    let id = recordID(type: type, uri: uri, date: date, blockDigest: blockDigest)
    var fields = [
      HeaderField(name: "WARC-Type", value: type),
      HeaderField(name: "WARC-Record-ID", value: id),
      HeaderField(name: "WARC-Date", value: date.description),
      HeaderField(name: "WARC-Target-URI", value: fieldValue(uri)),
    ]
    if let concurrentTo { fields.append(HeaderField(name: "WARC-Concurrent-To", value: concurrentTo)) }
    if let ipAddress { fields.append(HeaderField(name: "WARC-IP-Address", value: fieldValue(ipAddress))) }
    fields += [
      HeaderField(name: "WARC-Block-Digest", value: blockDigest),
      HeaderField(name: "WARC-Payload-Digest", value: payloadDigest),
      HeaderField(name: "Content-Type", value: "application/http;msgtype=\(type)"),
      HeaderField(name: "Content-Length", value: "\(block.count)"),
    ]
    return WARCRecord(fields: fields, block: block)
  }

  /// `<urn:uuid:…>` derived from what makes the record unique, in the layout of an RFC 9562
  /// version 8 (custom) UUID.
  static func recordID(type: String, uri: String, date: WARCDate, blockDigest: String) -> String {
    let material = Array("claims-warc-record-v1\0\(type)\0\(uri)\0\(date)\0\(blockDigest)".utf8)
    var bytes = Array(SHA256Digest.digest(material).prefix(16))
    bytes[6] = bytes[6] & 0x0f | 0x80
    bytes[8] = bytes[8] & 0x3f | 0x80
    let hex = SHA256Digest.hex(bytes)
    let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
      hex.utf8.dropFirst(range.lowerBound).prefix(range.count)
    }
    return "<urn:uuid:" + parts.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "-") + ">"
  }

  /// A field value on one line: line breaks (which a URI never holds) become spaces.
  static func fieldValue(_ text: String) -> String {
    String(text.map { $0 == "\r" || $0 == "\n" ? " " : $0 })
  }
}

public import HTTPMessage

/// One request and its answer on the wire: the bytes exactly as sent and received, which is what
/// a WARC `request` and `response` record hold.
public struct HTTPExchange: Sendable {
  /// The address requested.
  public let url: String
  /// The request line and header lines as libcurl sent them, through the empty line.
  public let requestHead: [UInt8]
  /// The status line and header lines as received, through the empty line.
  public let responseHead: [UInt8]
  /// `responseHead` parsed.
  public let head: MessageHead
  /// The body exactly as received: transfer coding (chunked framing) and content coding intact.
  public let rawBody: [UInt8]
  /// The address of the server that answered, when known.
  public let ipAddress: String?
  /// When the request was sent, in seconds since 1970-01-01 UTC.
  public let requestTime: Int64

  /// The HTTP status code.
  public var status: Int { head.status ?? 0 }
  /// The status line without its line end (`HTTP/1.1 200 OK`).
  public var statusLine: String { head.startLine }

  /// Makes an exchange from its parts.
  public init(
    url: String, requestHead: [UInt8], responseHead: [UInt8], head: MessageHead, rawBody: [UInt8],
    ipAddress: String?, requestTime: Int64
  ) {
    self.url = url
    self.requestHead = requestHead
    self.responseHead = responseHead
    self.head = head
    self.rawBody = rawBody
    self.ipAddress = ipAddress
    self.requestTime = requestTime
  }

  /// The body with the transfer coding undone (chunked framing removed), still content-coded.
  public func transferDecodedBody(limit: Int = .max) throws(CodingError) -> [UInt8] {
    let codings = head.value(for: "Transfer-Encoding").map(ContentDecoding.codings(in:)) ?? []
    return codings.last == "chunked" ? try ChunkedCoding.decode(rawBody, limit: limit) : rawBody
  }
}

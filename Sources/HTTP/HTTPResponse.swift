public import HTTPMessage

/// The answer to a fetch: where it ended up, how it got there, and the body as received and as
/// decoded.
public struct HTTPResponse: Sendable {
  /// The address asked for.
  public let requestedURL: String
  /// Each redirect followed, in order.
  public let redirects: [HTTPRedirect]
  /// The final request and answer, bytes as on the wire.
  public let exchange: HTTPExchange
  /// The body with transfer and content codings undone (gzip, deflate, br).
  public let body: [UInt8]
  /// How long it took.
  public let timings: FetchTimings

  /// Makes a response from its parts.
  public init(
    requestedURL: String, redirects: [HTTPRedirect], exchange: HTTPExchange, body: [UInt8], timings: FetchTimings
  ) {
    self.requestedURL = requestedURL
    self.redirects = redirects
    self.exchange = exchange
    self.body = body
    self.timings = timings
  }

  /// The final address, after redirects.
  public var url: String { exchange.url }
  /// The HTTP status of the final answer.
  public var status: Int { exchange.status }
  /// The final status line as received, without its line end.
  public var statusLine: String { exchange.statusLine }
  /// The final header block exactly as received, status line through the empty line.
  public var rawHeaders: [UInt8] { exchange.responseHead }
  /// The final header fields, parsed.
  public var headers: MessageHead { exchange.head }
  /// The final body exactly as received (chunked framing and content coding intact).
  public var rawBody: [UInt8] { exchange.rawBody }
  /// The media type of `Content-Type` (`text/html`), lowercased; nil when absent or unreadable.
  public var contentType: String? { exchange.head.mediaType?.essence }
  /// The `charset` of `Content-Type`, lowercased; nil when the header names none.
  public var charset: String? { exchange.head.mediaType?.charset }
  /// The address of the server that gave the final answer, when known.
  public var ipAddress: String? { exchange.ipAddress }
  /// When the final request was sent, in seconds since 1970-01-01 UTC.
  public var retrievedAt: Int64 { exchange.requestTime }
}

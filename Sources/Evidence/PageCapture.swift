import ArticleExtraction
public import ClaimModel
public import HTTP
public import WebArchive

/// A fetched page as the ledger keeps it: the WARC capture of the fetch (every redirect, then the
/// final answer, as received), and the page's text when it is HTML or text.
///
/// Built from a response alone (no network, no files), so tests and benchmarks use the same path
/// as `claims cite --archive`.
public struct PageCapture: Sendable {
  /// The WARC records of the fetch; `capture.bytes` is the `.warc` file, `capture.digest` its name.
  public let capture: WARCCapture
  /// Where the fetch ended, after redirects.
  public let finalURL: String
  /// The final answer's status.
  public let status: Int
  /// The final answer's media type, when it named one.
  public let contentType: String?
  /// When the first request was sent.
  public let retrieved: Timestamp
  /// The page's text (title, body, captions), when the page was read; see ``PageText``.
  public let text: PageText?
  /// Why the page has no text (a PDF, an image, a page in which no article was found).
  public let unreadReason: String?

  /// Captures `response`; reads its text unless it is not HTML or text.
  public init(_ response: HTTPResponse) {
    let exchanges = (response.redirects.map(\.exchange) + [response.exchange]).map { exchange in
      WARCCapture.Exchange(
        targetURI: exchange.url, date: WARCDate(secondsSince1970: exchange.requestTime),
        ipAddress: exchange.ipAddress, requestHead: exchange.requestHead, responseHead: exchange.responseHead,
        responseBody: exchange.rawBody)
    }
    capture = WARCCapture(exchanges: exchanges)
    finalURL = response.url
    status = response.status
    contentType = response.contentType
    let first = response.redirects.first?.exchange.requestTime ?? response.retrievedAt
    retrieved = Timestamp(secondsSince1970: first)
    let reading = PageText.read(response.body, contentType: response.contentType, address: response.url)
    text = reading.text
    unreadReason = reading.reason
  }

  /// What a citation records of this capture, with its quote's place in the text.
  public func archive(quote: QuoteAnchor?) -> CitationArchive {
    CitationArchive(
      captureSHA256: capture.digest, captureBytes: capture.bytes.count, retrieved: retrieved, finalURL: finalURL,
      status: status, contentType: contentType, textSHA256: text?.sha256, quote: quote)
  }
}

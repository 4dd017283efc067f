public import ClaimModel
public import HTTP

/// Fetches a cited page and makes what the ledger keeps of it: the capture, the text, and the
/// citation's archive record with the quote found in the text.
public struct PageArchiver {
  /// The options every fetch uses (the size limit, timeouts, the `User-Agent`).
  public var options: FetchOptions
  private let client: HTTPClient

  public init(options: FetchOptions) throws(EvidenceError) {
    self.options = options
    do {
      client = try HTTPClient()
    } catch {
      throw EvidenceError(.fetchFailed, error.message)
    }
  }

  /// Fetches `url` and captures the answer.
  /// - Throws: ``EvidenceError`` when the fetch fails or the page does not answer 2xx (a 404 is no
  ///   evidence of anything).
  public func fetch(_ url: String) throws(EvidenceError) -> PageCapture {
    PageCapture(try fetchResponse(url))
  }

  /// Fetches `url`: the answer, when it is 2xx.
  /// - Throws: ``EvidenceError`` when the fetch fails or the page does not answer 2xx.
  public func fetchResponse(_ url: String) throws(EvidenceError) -> HTTPResponse {
    let response: HTTPResponse
    do {
      response = try client.fetch(url, options: options)
    } catch {
      throw EvidenceError(.fetchFailed, "cannot archive \(url): \(error.message)")
    }
    guard (200..<300).contains(response.status) else {
      throw EvidenceError(.fetchFailed, "cannot archive \(url): it answers \(response.statusLine)")
    }
    return response
  }

  /// The archive record of `page` for a citation quoting `quote`.
  /// - Throws: ``EvidenceError`` `.quoteNotFound` when the page's text does not hold the quote,
  ///   with the nearest passage in the message.
  /// - Returns: the record, and a warning when the quote could not be looked up (a PDF).
  public static func archive(_ page: PageCapture, quote: String?) throws(EvidenceError) -> (
    CitationArchive, warning: String?
  ) {
    guard let quote, !quote.allSatisfy(\.isWhitespace) else { return (page.archive(quote: nil), nil) }
    guard let text = page.text else {
      let reason = page.unreadReason ?? "its text cannot be read"
      return (page.archive(quote: nil), "the quote was not looked up in \(page.finalURL): \(reason)")
    }
    switch QuoteLocator.locate(quote, in: text.text) {
    case .found(let anchor):
      return (page.archive(quote: anchor), nil)
    case .absent(let nearest):
      throw EvidenceError(.quoteNotFound, quoteNotFound(in: page.finalURL, nearest: nearest))
    }
  }

  /// "the quote is not in …; the nearest passage …".
  static func quoteNotFound(in url: String, nearest: QuoteLocator.NearestPassage?) -> String {
    var message = "the quote is not in the text of \(url)"
    if let nearest {
      message +=
        "; the nearest passage (\(nearest.sharedWords) of \(String.count(nearest.quoteWords, "word"))) reads: “\(nearest.text)”"
    } else {
      message += ", and no passage shares a word with it"
    }
    return message + ". Quote the page as it reads (spacing and quotation marks may differ), or cite without --quote"
  }
}

/// Why a page could not be archived or a quote not kept.
public struct EvidenceError: Error, Sendable, CustomStringConvertible {
  public enum Kind: Sendable, Equatable {
    /// The fetch failed or the page did not answer 2xx.
    case fetchFailed
    /// The quote is not in the page's text.
    case quoteNotFound
  }

  public let kind: Kind
  public let message: String

  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { message }
}

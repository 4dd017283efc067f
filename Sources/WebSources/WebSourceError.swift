import ArticleExtraction
public import HTTP

/// Why no article could be had from a page: a kind to branch on and one line for people (without
/// the `Error:` prefix or advice on command-line options, which the caller adds by kind).
public struct WebSourceError: Error, Sendable, CustomStringConvertible {
  /// What went wrong.
  public enum Kind: Equatable, Sendable {
    /// The text is not a usable web address (no host, malformed).
    case invalidAddress
    /// A `file:`, `ftp:` or other address that is not http(s), asked for or redirected to.
    case unsupportedScheme
    /// The address does not answer: the name does not resolve, the connection is refused or
    /// breaks, the TLS handshake fails, or no answer comes in time.
    case unreachable
    /// HTTP 404.
    case notFound
    /// HTTP 410.
    case gone
    /// HTTP 5xx.
    case serverError
    /// Another HTTP 4xx.
    case clientError
    /// Redirects that come back to where they were.
    case redirectLoop
    /// More redirects than the limit.
    case tooManyRedirects
    /// The page is larger than the limit.
    case tooLarge
    /// The page's content coding is unknown or its bytes are corrupt.
    case undecodable
    /// A PDF document.
    case pdf
    /// Bytes that are neither HTML nor text (an image, an archive...).
    case notHTML
    /// HTML in which no article (or, for visible text, no text at all) was found.
    case noArticle
    /// A file that cannot be read: missing, a directory, unreadable.
    case unreadableFile
  }

  /// What went wrong.
  public let kind: Kind
  /// One line for people.
  public let message: String
  /// The fetch's own error, when the failure was the fetch's: it carries the answer of an HTTP
  /// error status (for an archive) and libcurl's details.
  public let fetchError: FetchError?

  /// Makes an error.
  public init(_ kind: Kind, _ message: String, fetchError: FetchError? = nil) {
    self.kind = kind
    self.message = message
    self.fetchError = fetchError
  }

  public var description: String { message }
}

/// Why a fetch failed: a kind to branch on, a one-line message for people, and the response when
/// the server answered with an error status.
public struct FetchError: Error, Sendable, CustomStringConvertible {
  /// What went wrong.
  public enum Kind: Equatable, Sendable {
    /// The text is not an absolute http(s) address.
    case invalidURL
    /// A scheme other than http and https (`file:`, `ftp:`, `data:`…), asked for or redirected to.
    case unsupportedScheme
    /// The host name does not resolve.
    case cannotResolve
    /// The host refused the connection.
    case connectionRefused
    /// The connection broke, or the server closed it without an answer.
    case connectionFailed
    /// No connection in time, the whole fetch took too long, or the transfer was too slow.
    case timedOut
    /// The TLS handshake or the certificate check failed.
    case tls
    /// HTTP 404.
    case notFound
    /// HTTP 410.
    case gone
    /// Another HTTP 4xx.
    case clientError
    /// HTTP 5xx: the server's trouble, possibly passing.
    case serverError
    /// More redirects than the limit.
    case tooManyRedirects
    /// Redirects that come back to where they were.
    case redirectLoop
    /// The body (as received or decoded) is larger than the limit.
    case tooLarge
    /// The body's content coding is unknown or its bytes are corrupt.
    case undecodable
    /// Anything else libcurl reports.
    case other
  }

  /// The kind of failure.
  public let kind: Kind
  /// One line for people, e.g. `HTTP 404 Not Found: https://example.org/a`.
  public let message: String
  /// The address being fetched when it failed.
  public let url: String
  /// The HTTP status of an error answer (`.notFound`, `.gone`, `.clientError`, `.serverError`).
  public var status: Int? { response?.status }
  /// The answer as received, for an HTTP error status (so it can still be archived).
  public let response: HTTPResponse?

  /// Makes an error.
  public init(_ kind: Kind, _ message: String, url: String, response: HTTPResponse? = nil) {
    self.kind = kind
    self.message = message
    self.url = url
    self.response = response
  }

  public var description: String { message }

  /// Whether trying again later may succeed (timeouts, refused or broken connections, 5xx).
  public var isTransient: Bool {
    switch kind {
    case .timedOut, .connectionRefused, .connectionFailed, .serverError: true
    default: false
    }
  }
}

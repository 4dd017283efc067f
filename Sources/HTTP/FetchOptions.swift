public import HTTPMessage

/// How `HTTPClient.fetch` fetches: limits, timeouts, redirects and request headers.
public struct FetchOptions: Sendable {
  /// Whether redirects are followed; when not, a redirect is itself the response.
  public var followsRedirects = true
  /// The most redirects followed before giving up with `.tooManyRedirects`.
  public var maximumRedirects = 10
  /// The longest wait for a connection to one address.
  public var connectTimeout: Duration = .seconds(10)
  /// The longest a whole fetch may take, redirects included.
  public var timeout: Duration = .seconds(60)
  /// A transfer slower than `lowSpeedLimit` bytes per second for `lowSpeedTime` is abandoned.
  public var lowSpeedLimit = 100
  /// See `lowSpeedLimit`; libcurl counts whole seconds, so this rounds up to at least 1 s.
  public var lowSpeedTime: Duration = .seconds(20)
  /// The most body bytes accepted, as received and again once decoded (a small gzip body may
  /// inflate to far more). Transfers stop as soon as they pass it.
  public var maximumBytes = 20_000_000
  /// The `User-Agent` header.
  public var userAgent = FetchOptions.userAgent(version: nil)
  /// The `Accept` header.
  public var accept = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.8"
  /// Further request headers, after the ones above.
  public var additionalHeaders: [HeaderField] = []
  /// Whether a 4xx or 5xx answer is returned as a response rather than thrown as an error.
  public var acceptsErrorStatus = false

  /// The default options.
  public init() {}

  /// `claims/<version> (+fact-checking; …)`: says who fetches and why, so a site's operator can
  /// tell the tool's requests apart.
  public static func userAgent(version: String?) -> String {
    let product = version.map { "claims/\($0)" } ?? "claims"
    return "\(product) (+fact-checking; fetches only the pages its user cites)"
  }
}

internal import CCurl
import HTTPMessage

#if canImport(Glibc)
  import Glibc
#endif

/// Fetches web pages over HTTP/1.1 with libcurl, one at a time, keeping every byte as received.
///
/// Owns one libcurl handle, so connections are reused from one fetch to the next. Not for sharing
/// between threads: give each thread its own client (`ConcurrentFetch` does).
public final class HTTPClient {
  private let easy: EasyHandle
  private let transfer = Transfer()

  /// Makes a client.
  public init() throws(FetchError) {
    easy = try EasyHandle()
  }

  /// Fetches `url`, following redirects within the options' limits.
  ///
  /// Nothing is requested unless `url` is an absolute http or https address. Redirects are followed
  /// here rather than by libcurl, so that each one is recorded, redirects to other schemes are
  /// refused, and loops are told apart from long chains.
  /// - Throws: a `FetchError` whose kind says what went wrong; for an HTTP error status (unless
  ///   `acceptsErrorStatus`) it carries the response.
  public func fetch(_ url: String, options: FetchOptions = FetchOptions()) throws(FetchError) -> HTTPResponse {
    let clock = ContinuousClock()
    let start = clock.now
    let deadline = start + options.timeout
    var address = try HTTPAddress(url)
    try configure(options)
    var redirects: [HTTPRedirect] = []
    // A loop is the same address redirecting to the same target again (the first visit may have
    // set a cookie and be answered differently the second time).
    var seen: Set<[String]> = []
    while true {
      let hop = try perform(address.url, options: options, deadline: deadline)
      let exchange = hop.exchange
      if options.followsRedirects, [301, 302, 303, 307, 308].contains(exchange.status),
        let location = exchange.head.value(for: "Location")
      {
        let target = try redirectTarget(from: exchange, location: location, resolved: hop.redirectURL)
        redirects.append(HTTPRedirect(exchange: exchange, location: location, target: target.url))
        guard seen.insert([exchange.url, target.url]).inserted else {
          let path = (redirects.map(\.url) + [target.url]).joined(separator: " -> ")
          throw FetchError(.redirectLoop, "redirect loop: \(path)", url: url)
        }
        guard redirects.count <= options.maximumRedirects else {
          throw FetchError(
            .tooManyRedirects, "more than \(options.maximumRedirects) redirects, starting at \(url)", url: url)
        }
        address = target
        continue
      }
      let decoded = try decodeBody(of: exchange, limit: options.maximumBytes)
      var timings = hop.timings
      timings.total = clock.now - start
      let response = HTTPResponse(
        requestedURL: url, redirects: redirects, exchange: exchange, body: decoded, timings: timings)
      if exchange.status >= 400 && !options.acceptsErrorStatus {
        throw FetchError(status: response)
      }
      return response
    }
  }

  /// Sets what stays the same for every request of one fetch.
  private func configure(_ options: FetchOptions) throws(FetchError) {
    try easy.set(CURLOPT_PROTOCOLS_STR, "http,https")
    try easy.set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
    try easy.set(CURLOPT_FOLLOWLOCATION, 0)
    // Threads other than the main one fetch too; libcurl must not use signals for timeouts.
    try easy.set(CURLOPT_NOSIGNAL, 1)
    // HTTP/1.1 so that the status line and headers are the bytes on the wire, as WARC keeps them.
    try easy.set(CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_1_1))
    // Bodies arrive as sent (chunked, gzip): they are archived so and decoded here.
    try easy.set(CURLOPT_HTTP_CONTENT_DECODING, 0)
    try easy.set(CURLOPT_HTTP_TRANSFER_DECODING, 0)
    try easy.set(CURLOPT_CONNECTTIMEOUT_MS, milliseconds(options.connectTimeout))
    try easy.set(CURLOPT_LOW_SPEED_LIMIT, max(0, options.lowSpeedLimit))
    try easy.set(CURLOPT_LOW_SPEED_TIME, max(1, (milliseconds(options.lowSpeedTime) + 999) / 1000))
    try easy.set(CURLOPT_MAXFILESIZE_LARGE, offset: Int64(options.maximumBytes))
    try easy.set(CURLOPT_USERAGENT, options.userAgent)
    var headers = ["Accept: \(options.accept)", "Accept-Encoding: \(ContentDecoding.acceptEncoding)"]
    headers += options.additionalHeaders.map { "\($0.name): \($0.value)" }
    try easy.setHeaders(headers)
    // Cookies live for one fetch only: some sites set one and redirect back to the same page.
    try easy.set(CURLOPT_COOKIEFILE, "")
    try easy.set(CURLOPT_COOKIELIST, "ALL")
    try easy.set(CURLOPT_WRITEFUNCTION, callback: Transfer.bodyCallback)
    try easy.set(CURLOPT_WRITEDATA, pointer: transfer.context)
    try easy.set(CURLOPT_HEADERFUNCTION, callback: Transfer.headerCallback)
    try easy.set(CURLOPT_HEADERDATA, pointer: transfer.context)
    // The request head as sent reaches us only through the debug callback, which needs VERBOSE.
    try easy.setDebugCallback(Transfer.debugCallback)
    try easy.set(CURLOPT_DEBUGDATA, pointer: transfer.context)
    try easy.set(CURLOPT_VERBOSE, 1)
  }

  private struct Hop {
    var exchange: HTTPExchange
    var redirectURL: String?
    var timings: FetchTimings
  }

  /// One request and answer (`curl_easy_perform`).
  private func perform(_ url: String, options: FetchOptions, deadline: ContinuousClock.Instant) throws(FetchError)
    -> Hop
  {
    let remaining = deadline - ContinuousClock().now
    guard remaining > .zero else { throw FetchError.timedOut(url: url, after: options.timeout, phase: .total) }
    try easy.set(CURLOPT_URL, url)
    try easy.set(CURLOPT_TIMEOUT_MS, max(1, milliseconds(remaining)))
    transfer.reset(bodyLimit: options.maximumBytes)
    easy.clearErrorMessage()
    let requestTime = Self.now()
    let code = withExtendedLifetime(transfer) { claims_curl_easy_perform(easy.pointer) }
    if code != CURLE_OK {
      throw FetchError(curlCode: code, detail: easy.errorMessage, url: url, context: failureContext(options))
    }
    let head: MessageHead
    do {
      head = try MessageHead.parse(transfer.responseHead).head
    } catch {
      throw FetchError(.connectionFailed, "the server's answer is not HTTP (\(error.message)): \(url)", url: url)
    }
    let exchange = HTTPExchange(
      url: url, requestHead: transfer.requestHead, responseHead: transfer.responseHead, head: head,
      rawBody: transfer.body, ipAddress: easy.string(CURLINFO_PRIMARY_IP).flatMap { $0.isEmpty ? nil : $0 },
      requestTime: requestTime)
    var timings = FetchTimings()
    timings.nameLookup = .microseconds(easy.offset(CURLINFO_NAMELOOKUP_TIME_T))
    timings.connect = .microseconds(easy.offset(CURLINFO_CONNECT_TIME_T))
    timings.tlsHandshake = .microseconds(easy.offset(CURLINFO_APPCONNECT_TIME_T))
    timings.firstByte = .microseconds(easy.offset(CURLINFO_STARTTRANSFER_TIME_T))
    timings.transfer = .microseconds(easy.offset(CURLINFO_TOTAL_TIME_T))
    return Hop(exchange: exchange, redirectURL: easy.string(CURLINFO_REDIRECT_URL), timings: timings)
  }

  private func failureContext(_ options: FetchOptions) -> FetchError.CurlContext {
    FetchError.CurlContext(
      bodyTooLarge: transfer.bodyTooLarge, headTooLarge: transfer.headTooLarge, limit: options.maximumBytes,
      connected: easy.offset(CURLINFO_CONNECT_TIME_T) > 0, options: options)
  }

  /// The checked address a redirect points to.
  private func redirectTarget(from exchange: HTTPExchange, location: String, resolved: String?) throws(FetchError)
    -> HTTPAddress
  {
    // libcurl resolves a relative Location against the request; a Location with a scheme of its
    // own is checked as written, so `file:` and the like are refused by name.
    let written = location.trimmingSpaces()
    let target = HTTPAddress.scheme(of: written) != nil ? written : (resolved ?? written)
    do {
      return try HTTPAddress(target)
    } catch {
      throw FetchError(
        error.kind == .unsupportedScheme ? .unsupportedScheme : .invalidURL,
        "\(exchange.url) redirects to '\(target)', which is refused: only http and https addresses are followed",
        url: exchange.url)
    }
  }

  private func decodeBody(of exchange: HTTPExchange, limit: Int) throws(FetchError) -> [UInt8] {
    do {
      let body = try exchange.transferDecodedBody(limit: limit)
      return try ContentDecoding.decode(
        body, contentEncoding: exchange.head.value(for: "Content-Encoding"), limit: limit)
    } catch {
      if error.kind == .tooLarge {
        throw FetchError(
          .tooLarge, "page larger than the \(ByteCount.text(limit)) limit once decoded: \(exchange.url)",
          url: exchange.url)
      }
      throw FetchError(.undecodable, "cannot decode the page (\(error.message)): \(exchange.url)", url: exchange.url)
    }
  }

  /// Seconds since 1970-01-01 UTC.
  private static func now() -> Int64 {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    return Int64(time.tv_sec)
  }
}

@available(*, unavailable)
extension HTTPClient: Sendable {}

func milliseconds(_ duration: Duration) -> Int {
  let (seconds, attoseconds) = duration.components
  return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
}

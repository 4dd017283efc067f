internal import CCurl
import HTTPMessage

extension FetchError {
  /// What the client knew when libcurl failed, to tell the causes apart.
  struct CurlContext {
    var bodyTooLarge = false
    var headTooLarge = false
    var limit = 0
    /// Whether a TCP connection had been made.
    var connected = false
    var options = FetchOptions()
  }

  enum TimeoutPhase { case connect, total, lowSpeed }

  /// The error for a failed `curl_easy_perform`.
  init(curlCode code: CURLcode, detail: String, url: String, context: CurlContext) {
    let host = (try? HTTPAddress(url).host) ?? url
    let reason =
      detail.isEmpty ? (claims_curl_easy_strerror(code).map { String(cString: $0) } ?? "\(code.rawValue)") : detail
    switch code {
    case CURLE_WRITE_ERROR where context.bodyTooLarge, CURLE_FILESIZE_EXCEEDED:
      self.init(.tooLarge, "page larger than the \(ByteCount.text(context.limit)) limit: \(url)", url: url)
    case CURLE_WRITE_ERROR where context.headTooLarge:
      self.init(
        .tooLarge, "the server's headers are larger than \(ByteCount.text(Transfer.headLimit)): \(url)", url: url)
    case CURLE_COULDNT_RESOLVE_HOST:
      self.init(.cannotResolve, "cannot resolve host '\(host)': \(url)", url: url)
    case CURLE_COULDNT_CONNECT:
      self.init(.connectionRefused, "connection refused by '\(host)' (\(reason)): \(url)", url: url)
    case CURLE_OPERATION_TIMEDOUT:
      let phase: TimeoutPhase =
        !context.connected ? .connect : (reason.hasPrefix("Operation too slow") ? .lowSpeed : .total)
      self = .timedOut(
        url: url, after: phase == .connect ? context.options.connectTimeout : context.options.timeout,
        phase: phase, options: context.options)
    case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
      CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS,
      CURLE_SSL_CRL_BADFILE, CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_ENGINE_INITFAILED, CURLE_USE_SSL_FAILED:
      self.init(.tls, "TLS failure with '\(host)' (\(reason)): \(url)", url: url)
    case CURLE_UNSUPPORTED_PROTOCOL:
      // Schemes are checked before libcurl sees an address, so this is an answer that is not HTTP
      // (libcurl refuses HTTP/0.9).
      self.init(.connectionFailed, "the server's answer is not HTTP (\(reason)): \(url)", url: url)
    case CURLE_URL_MALFORMAT:
      self.init(.invalidURL, "'\(url)' is not a valid web address (\(reason))", url: url)
    case CURLE_GOT_NOTHING, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_PARTIAL_FILE, CURLE_WEIRD_SERVER_REPLY,
      CURLE_HTTP2, CURLE_HTTP2_STREAM:
      self.init(.connectionFailed, "connection to '\(host)' failed (\(reason)): \(url)", url: url)
    default:
      self.init(.other, "fetching failed (\(reason)): \(url)", url: url)
    }
  }

  static func timedOut(url: String, after limit: Duration, phase: TimeoutPhase, options: FetchOptions = FetchOptions())
    -> FetchError
  {
    switch phase {
    case .connect:
      FetchError(.timedOut, "timed out: no connection within \(text(limit)): \(url)", url: url)
    case .total:
      FetchError(.timedOut, "timed out: no complete answer within \(text(options.timeout)): \(url)", url: url)
    case .lowSpeed:
      FetchError(
        .timedOut,
        "timed out: under \(options.lowSpeedLimit) bytes/s for \(text(options.lowSpeedTime)): \(url)", url: url)
    }
  }

  /// The error for an HTTP error status.
  init(status response: HTTPResponse) {
    let status = response.status
    let reason = response.headers.reasonPhrase.isEmpty ? "" : " \(response.headers.reasonPhrase)"
    let url = response.url
    switch status {
    case 404: self.init(.notFound, "HTTP 404\(reason): \(url)", url: url, response: response)
    case 410: self.init(.gone, "HTTP 410\(reason): \(url)", url: url, response: response)
    case 500...599:
      self.init(
        .serverError, "HTTP \(status)\(reason) (server error; try again later): \(url)", url: url, response: response)
    default:
      self.init(.clientError, "HTTP \(status)\(reason) (client error): \(url)", url: url, response: response)
    }
  }

  private static func text(_ duration: Duration) -> String {
    let ms = milliseconds(duration)
    return ms % 1000 == 0 ? "\(ms / 1000) s" : "\(ms) ms"
  }
}

extension FetchError {
  /// The error for libcurl's result code `rawCode` (a `CURLcode`), with no transfer state; lets
  /// tests check the mapping of failures no local server can cause (a name that does not resolve).
  init(curlCodeValue rawCode: UInt32, detail: String, url: String) {
    self.init(curlCode: CURLcode(rawValue: rawCode), detail: detail, url: url, context: CurlContext())
  }
}

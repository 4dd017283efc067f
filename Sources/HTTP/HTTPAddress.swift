internal import CCurl

/// An absolute http or https address, checked and normalised by libcurl's URL parser before any
/// request is made.
public struct HTTPAddress: Hashable, Sendable, CustomStringConvertible {
  /// The normalised address (scheme and host lowercased, default path `/`).
  public let url: String
  /// `http` or `https`.
  public let scheme: String
  /// The host name or address, lowercased.
  public let host: String

  /// Checks `text`: only absolute `http:` and `https:` addresses with a host are accepted.
  ///
  /// - Throws: `.unsupportedScheme` for `file:`, `ftp:`, `data:` and every other scheme;
  ///   `.invalidURL` for anything that is not an absolute address.
  public init(_ text: String) throws(FetchError) {
    let trimmed = text.trimmingSpaces()
    guard let scheme = Self.scheme(of: trimmed) else {
      throw FetchError(
        .invalidURL, "'\(trimmed)' is not a web address; write it in full, starting with https:// or http://",
        url: trimmed)
    }
    guard scheme == "http" || scheme == "https" else {
      throw FetchError(
        .unsupportedScheme, "'\(scheme):' addresses are not fetched, only http and https: \(trimmed)", url: trimmed)
    }
    // `https:/path` and `https:///path` would let libcurl guess a host; an address names its own.
    let rest = trimmed.dropFirst(scheme.count + 1)
    guard rest.hasPrefix("//"), let hostStart = rest.dropFirst(2).first, !"/?#".contains(hostStart) else {
      throw FetchError(.invalidURL, "'\(trimmed)' has no host name", url: trimmed)
    }
    _ = curlReady
    let parsed = try CurlURL(trimmed)
    guard let host = parsed.part(CURLUPART_HOST), !host.isEmpty, let url = parsed.part(CURLUPART_URL) else {
      throw FetchError(.invalidURL, "'\(trimmed)' has no host name", url: trimmed)
    }
    self.url = url
    self.scheme = scheme
    self.host = host.lowercased()
  }

  public var description: String { url }

  /// The scheme before the first colon, lowercased, when the text starts with a valid one.
  static func scheme(of text: String) -> String? {
    guard let colon = text.firstIndex(of: ":") else { return nil }
    let scheme = text[..<colon]
    guard let first = scheme.first, first.isASCII, first.isLetter,
      scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
    else { return nil }
    return scheme.lowercased()
  }
}

/// A libcurl URL handle (`curl_url`), freed in `deinit` (`curl_url_cleanup`).
final class CurlURL {
  private let handle: OpaquePointer

  init(_ text: String) throws(FetchError) {
    guard let handle = claims_curl_url() else {
      throw FetchError(.other, "libcurl could not parse addresses", url: text)
    }
    self.handle = handle
    let code = text.withCString { claims_curl_url_set(handle, CURLUPART_URL, $0, 0) }
    guard code == CURLUE_OK else {
      let reason = claims_curl_url_strerror(code).map { String(cString: $0) } ?? "error \(code.rawValue)"
      throw FetchError(.invalidURL, "'\(text)' is not a valid web address (\(reason.lowercased()))", url: text)
    }
  }

  deinit {
    claims_curl_url_cleanup(handle)
  }

  /// One part of the address (`curl_url_get`), or nil when it is absent.
  func part(_ part: CURLUPart) -> String? {
    var value: UnsafeMutablePointer<CChar>?
    guard claims_curl_url_get(handle, part, &value, 0) == CURLUE_OK, let value else { return nil }
    defer { claims_curl_free(value) }
    return String(cString: value)
  }
}

extension String {
  func trimmingSpaces() -> String {
    var text = Substring(self)
    while let first = text.first, first.isWhitespace { text.removeFirst() }
    while let last = text.last, last.isWhitespace { text.removeLast() }
    return String(text)
  }
}

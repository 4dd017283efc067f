public import ArticleExtraction
public import HTTP
import HTTPMessage

/// A page fetched or read and its article found: what `claims extract` prints and `claims import`
/// stores.
public struct LoadedPage: Sendable {
  /// Where it came from.
  public let location: PageLocation
  /// The article, with the page's metadata; `url` is the final address of a fetch.
  public let article: Article
  /// How the bytes were read (HTML or plain text), the character set used, and how many invalid
  /// bytes were replaced.
  public let extraction: Extraction
  /// The page as received (transfer and content codings undone) or read, byte for byte.
  public let bytes: [UInt8]
  /// The fetch, for a web address: status line, headers and raw body as on the wire, redirects,
  /// timings; nil for a file or standard input.
  public let response: HTTPResponse?

  /// Whether the page was read as HTML (and so worth keeping beside its text).
  public var isHTML: Bool { extraction.format == .html }

  /// The address asked for, for a fetched page.
  public var requestedURL: String? { response?.requestedURL }
  /// The final address after redirects, for a fetched page.
  public var finalURL: String? { response?.url }
  /// The `Content-Type` header as received, for a fetched page.
  public var contentType: String? { response?.headers.value(for: "Content-Type") }
  /// When the final request was sent, in seconds since 1970-01-01 UTC, for a fetched page.
  public var retrievedAt: Int64? { response?.retrievedAt }

  /// What the caller should warn about: bytes not valid in the page's character set, replaced
  /// with U+FFFD (`3 invalid bytes for windows-1252 replaced with U+FFFD in …`).
  public var warnings: [String] {
    let count = extraction.invalidByteCount
    guard count > 0 else { return [] }
    let bytes = count == 1 ? "1 invalid byte" : "\(count) invalid bytes"
    return ["\(bytes) for \(extraction.encoding) replaced with U+FFFD in \(location.name)"]
  }
}

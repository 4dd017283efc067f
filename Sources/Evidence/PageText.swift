import ArticleExtraction
import WebArchive

/// The text of a cited page that quotes are looked up in and stored beside the capture: the
/// article's headline, body and picture captions as `ArticleExtraction` reads them, each a
/// paragraph of its own (separated by a blank line).
///
/// The text is stored in the ledger (`Evidence/<aa>/<digest>.txt`) rather than extracted again
/// when needed, so a quote's position never moves when the extractor improves, and checking
/// thousands of quotes offline reads text instead of parsing pages.
public struct PageText: Sendable, Equatable {
  /// The text.
  public let text: String
  /// Its UTF-8 bytes, as stored.
  public let bytes: [UInt8]
  /// SHA-256 of `bytes`, in hex.
  public let sha256: String

  public init(_ text: String) {
    self.text = text
    bytes = Array(text.utf8)
    sha256 = Self.sha256(bytes)
  }

  /// SHA-256 of `bytes` in lowercase hex, as `sha256sum` prints it.
  public static func sha256(_ bytes: [UInt8]) -> String {
    let digest = bytes.withUnsafeBytes { WARCDigest.sha256($0) }
    let digits = Array("0123456789abcdef".utf8)
    var hex: [UInt8] = []
    hex.reserveCapacity(64)
    for byte in digest {
      hex.append(digits[Int(byte >> 4)])
      hex.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: hex, as: UTF8.self)
  }

  /// The text of a page, or why it has none: only HTML and text are read; a PDF or another
  /// binary format is kept and hashed, not read.
  public static func read(_ body: [UInt8], contentType: String?, address: String?) -> (
    text: PageText?, reason: String?
  ) {
    if let contentType, !isReadable(contentType) {
      return (nil, "a \(contentType) document is archived and hashed; its text is not extracted")
    }
    do {
      let extraction = try ArticleExtractor.extract(body, contentType: contentType, address: address)
      let article = extraction.article
      var parts: [String] = []
      if let title = article.title, !title.isEmpty, !article.text.hasPrefix(title) { parts.append(title) }
      if !article.text.isEmpty { parts.append(article.text) }
      parts += article.captions.filter { !$0.isEmpty }
      guard !parts.isEmpty else { return (nil, "no text was found in the page") }
      return (PageText(parts.joined(separator: "\n\n")), nil)
    } catch {
      switch error.kind {
      case .pdf: return (nil, "a PDF is archived and hashed; its text is not extracted yet")
      case .notHTML: return (nil, "\(error.message); it is archived and hashed, not read")
      case .noArticle: return (nil, "no article text was found in the page")
      case .tooLarge: return (nil, error.message)
      }
    }
  }

  /// Whether a media type is one whose text is read: HTML, XHTML and plain text.
  static func isReadable(_ contentType: String) -> Bool {
    let type = contentType.lowercased()
    return type == "text/html" || type == "application/xhtml+xml" || type == "text/plain"
  }
}

import HTML

/// Finds the article in a web page: bytes in, `Article` out. Pure: no network, no files, no
/// terminal; the caller fetches or reads the bytes and reports warnings.
public enum ArticleExtractor {
  /// Pages larger than this are refused (a fetch is limited to less than this anyway).
  public static let maximumBytes = 64 << 20

  /// Reads a page.
  /// - Parameters:
  ///   - bytes: the page exactly as received or read.
  ///   - contentType: the HTTP `Content-Type` header, when the page was fetched; its charset
  ///     decides the character set unless the bytes start with a byte-order mark, and
  ///     `text/plain` makes the bytes plain text.
  ///   - address: where the page came from (a URL, or a file path); becomes `Article.url` when
  ///     it is a URL, resolves a relative canonical link, and a path ending in `.txt` makes the
  ///     bytes plain text.
  ///   - scope: `.article` finds the article; `.visibleText` keeps all of the page's visible text.
  /// - Throws: `ExtractionError` with kind `.pdf` or `.notHTML` for binary formats, `.noArticle`
  ///   when no text in the page reads as an article, `.tooLarge` over `maximumBytes`.
  public static func extract(
    _ bytes: [UInt8], contentType: String? = nil, address: String? = nil, scope: ExtractionScope = .article
  ) throws(ExtractionError) -> Extraction {
    guard bytes.count <= maximumBytes else {
      throw ExtractionError(
        kind: .tooLarge, message: "the page is \(bytes.count) bytes, over the limit of \(maximumBytes)")
    }
    let sniffed = ContentSniffer.sniff(bytes)
    switch sniffed {
    case .pdf:
      throw ExtractionError(kind: .pdf, message: "this is a PDF document; PDFs are not supported yet")
    case .binary(let name):
      throw ExtractionError(kind: .notHTML, message: "this is \(name), not an HTML page or text")
    case .html, .text:
      break
    }
    let url = address.flatMap { isWebAddress($0) ? $0 : nil }
    let (encoding, bomLength) = CharsetDetector.detect(bytes, contentType: contentType)
    let (text, invalidBytes) = TextDecoder.decode(bytes[bomLength...], as: encoding)
    if isPlainText(sniffed: sniffed, contentType: contentType, address: address) {
      return Extraction(
        article: Article(url: url, text: text), format: .plainText, encoding: encoding.name,
        invalidByteCount: invalidBytes)
    }
    let article = try extractArticle(fromHTML: text, url: url, scope: scope)
    return Extraction(article: article, format: .html, encoding: encoding.name, invalidByteCount: invalidBytes)
  }

  /// Finds the article in HTML already decoded to text.
  /// - Throws: `ExtractionError` with kind `.noArticle` or `.tooLarge`.
  public static func extractArticle(
    fromHTML html: String, url: String? = nil, scope: ExtractionScope = .article
  ) throws(ExtractionError) -> Article {
    let document: HTMLDocument
    do {
      document = try HTMLDocument(parsing: html)
    } catch {
      throw ExtractionError(kind: .tooLarge, message: error.message)
    }
    let model = PageReader.read(document)
    let metadata = MetadataResolver(tags: model.metadata, address: url)
    let title = metadata.title
    if scope == .visibleText {
      let paragraphs = model.blocks.map(\.text).filter { !$0.isEmpty }
      guard !paragraphs.isEmpty else {
        throw ExtractionError(kind: .noArticle, message: "the page has no visible text")
      }
      return Article(
        url: url, canonicalURL: metadata.canonicalURL(base: url), title: title, authors: metadata.authors,
        published: metadata.published, modified: metadata.modified, publisher: metadata.publisher,
        language: metadata.language, text: paragraphs.joined(separator: "\n\n"))
    }
    let hint = ArticleBodyHint(metadata.jsonLD?.articleBody)
    var body = BodyExtractor(model: model, title: title, hint: hint).extract()
    if body?.paragraphs.isEmpty ?? true, let stated = metadata.jsonLD?.articleBody, stated.utf8.count >= 200 {
      // Nothing in the markup reads as the article (a page that renders it by script), but the
      // page states its text.
      body = BodyExtractor.Result(paragraphs: [stated], captions: [])
    }
    guard let body, !body.paragraphs.isEmpty else {
      throw ExtractionError(kind: .noArticle, message: "no article text was found in the page")
    }
    return Article(
      url: url, canonicalURL: metadata.canonicalURL(base: url), title: title, authors: metadata.authors,
      published: metadata.published, modified: metadata.modified, publisher: metadata.publisher,
      language: metadata.language, text: body.paragraphs.joined(separator: "\n\n"), captions: body.captions)
  }

  private static func isWebAddress(_ address: String) -> Bool {
    let lowered = address.lowercasedASCII()
    return lowered.hasPrefix("http://") || lowered.hasPrefix("https://")
  }

  private static func isPlainText(sniffed: ContentSniffer.Sniffed, contentType: String?, address: String?) -> Bool {
    if let contentType {
      let mediaType = contentType.split(separator: ";").first.map {
        String($0).trimmingASCIIWhitespace().lowercasedASCII()
      }
      if mediaType == "text/plain" { return true }
      if mediaType == "text/html" || mediaType == "application/xhtml+xml" { return false }
    }
    if let address {
      let path = address.split(separator: "?").first.map(String.init)?.lowercasedASCII() ?? ""
      if path.hasSuffix(".txt") || path.hasSuffix(".text") { return true }
      if path.hasSuffix(".html") || path.hasSuffix(".htm") || path.hasSuffix(".xhtml") { return false }
    }
    return sniffed == .text
  }
}

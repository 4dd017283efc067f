import ArticleExtraction

extension WebSourceError {
  /// The error for a page whose bytes gave no article, naming the page.
  init(reading name: String, _ error: ExtractionError, scope: ExtractionScope) {
    switch error.kind {
    case .pdf:
      self.init(.pdf, "\(name) is a PDF document; PDFs are not supported yet")
    case .notHTML:
      // The extractor says "this is a PNG image, not an HTML page or text".
      let what = error.message.hasPrefix("this is ") ? String(error.message.dropFirst(8)) : error.message
      self.init(.notHTML, "\(name) is \(what)")
    case .noArticle:
      self.init(.noArticle, scope == .visibleText ? "no text found in \(name)" : "no article found in \(name)")
    case .tooLarge:
      self.init(.tooLarge, "\(name) cannot be read: \(error.message)")
    }
  }
}

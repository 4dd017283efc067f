/// What a web page says about itself and the article found in it.
///
/// Metadata fields are nil (or empty) when the page does not state them; nothing is guessed from
/// the body text. Dates are kept as the page writes them (usually ISO 8601).
public struct Article: Sendable, Equatable {
  /// The address the page was fetched from or read as, when the caller knows it.
  public var url: String?
  /// The page's `<link rel="canonical">` (or `og:url`, JSON-LD `url`), resolved against `url`.
  public var canonicalURL: String?
  /// The headline.
  public var title: String?
  /// The authors' names, in the page's order, each once.
  public var authors: [String]
  /// When the article was first published.
  public var published: String?
  /// When the article was last modified.
  public var modified: String?
  /// The publication's name.
  public var publisher: String?
  /// The language of the page (`en`, `pt-BR`), from JSON-LD, `<html lang>` or `<meta>`.
  public var language: String?
  /// The body: paragraphs separated by one blank line, headings as their own paragraphs;
  /// navigation, share bars, related lists, comments, cookie notices, ads, bylines and
  /// captions left out.
  public var text: String
  /// Captions of the article's pictures, in order, kept apart from `text`.
  public var captions: [String]

  /// Makes an article.
  public init(
    url: String? = nil, canonicalURL: String? = nil, title: String? = nil, authors: [String] = [],
    published: String? = nil, modified: String? = nil, publisher: String? = nil, language: String? = nil,
    text: String, captions: [String] = []
  ) {
    self.url = url
    self.canonicalURL = canonicalURL
    self.title = title
    self.authors = authors
    self.published = published
    self.modified = modified
    self.publisher = publisher
    self.language = language
    self.text = text
    self.captions = captions
  }
}

/// The result of reading one page: the article and what the reading noticed on the way.
public struct Extraction: Sendable, Equatable {
  /// How the bytes were read.
  public enum Format: String, Sendable, Equatable {
    /// Parsed as HTML and the article found in it.
    case html
    /// Taken as plain text: the text is the input itself.
    case plainText = "text"
  }

  /// The article.
  public var article: Article
  /// How the bytes were read.
  public var format: Format
  /// The character set the bytes were decoded with, by its WHATWG name (`UTF-8`, `windows-1252`).
  public var encoding: String
  /// Bytes that were not valid in that character set and became U+FFFD; the caller should warn
  /// ("N invalid bytes replaced") when it is not zero.
  public var invalidByteCount: Int

  /// Makes an extraction.
  public init(article: Article, format: Format, encoding: String, invalidByteCount: Int) {
    self.article = article
    self.format = format
    self.encoding = encoding
    self.invalidByteCount = invalidByteCount
  }
}

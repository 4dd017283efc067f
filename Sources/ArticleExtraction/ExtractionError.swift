/// Why no article could be taken from some bytes.
public struct ExtractionError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What went wrong, for code to branch on.
  public enum Kind: Equatable, Sendable {
    /// A PDF document: its text is not extracted (yet).
    case pdf
    /// Bytes that are neither HTML nor text (an image, an archive, an executable...).
    case notHTML
    /// HTML in which nothing reads as an article body.
    case noArticle
    /// More bytes than an extraction accepts.
    case tooLarge
  }

  /// What went wrong.
  public let kind: Kind
  /// A sentence for people, without the `Error:` prefix.
  public let message: String

  /// Makes an error.
  public init(kind: Kind, message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { message }
}

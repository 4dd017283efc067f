/// Why a byte string could not be parsed as HTML at all. Malformed markup is never an error:
/// the parser recovers as browsers do.
public struct HTMLParseError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What went wrong.
  public enum Kind: Equatable, Sendable {
    /// The input is larger than `HTMLParseLimits.maximumBytes`.
    case tooLarge
    /// libxml2 could not allocate its parser.
    case outOfMemory
  }

  /// What went wrong, for code to branch on.
  public let kind: Kind
  /// A sentence for people.
  public let message: String

  /// Makes an error.
  public init(kind: Kind, message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { message }
}

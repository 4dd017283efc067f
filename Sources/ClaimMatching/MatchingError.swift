/// Why a query could not be answered or an index could not be read.
public struct MatchingError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What went wrong, for code to branch on.
  public enum Kind: Sendable, Equatable {
    /// The query is empty or only white space.
    case emptyQuery
    /// The query holds links (and perhaps handles, hashtags or emoji) but no words to match.
    case nothingToMatch
    /// The index bytes are damaged or truncated.
    case corruptIndex
    /// The index was written by a different version of the matcher; rebuild it.
    case unsupportedIndexVersion
  }

  public var kind: Kind
  /// One line saying what is wrong and what to do.
  public var message: String

  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { message }
}

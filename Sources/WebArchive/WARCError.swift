/// Why WARC bytes were refused, with a kind to branch on and a one-line message.
public struct WARCError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What went wrong.
  public enum Kind: Equatable, Sendable {
    /// Not WARC: no version line, a field without a colon, a bad `Content-Length`.
    case malformed
    /// The bytes stop inside a record.
    case truncated
    /// A block or payload digest does not match the bytes.
    case digestMismatch
    /// A record that should carry a digest carries none.
    case missingDigest
    /// A digest algorithm other than SHA-256, which cannot be checked here.
    case unsupportedDigest
    /// More bytes than the reader's limit.
    case tooLarge
  }

  /// The kind of failure.
  public let kind: Kind
  /// One line for people.
  public let message: String

  /// Makes an error.
  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { message }
}

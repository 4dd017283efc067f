/// A failure to read or write an HTTP coding (chunked, gzip, deflate, br) or message head, with a kind
/// to branch on and a one-line message.
public struct CodingError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What went wrong.
  public enum Kind: Equatable, Sendable {
    /// The bytes are not a valid stream of the coding they claim (bad header, bad checksum).
    case corrupt
    /// The stream stops before its end.
    case truncated
    /// The decoded bytes would exceed the caller's limit; decoding stopped there.
    case tooLarge
    /// A coding this module does not know (`compress`, `zstd`, …).
    case unsupportedCoding
    /// The library could not allocate its state.
    case resources
  }

  /// The kind of failure.
  public let kind: Kind
  /// One line saying what went wrong, without a trailing period.
  public let message: String

  /// Makes an error of `kind` with `message`.
  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { message }

  static func tooLarge(limit: Int) -> CodingError {
    CodingError(.tooLarge, "decoded content is larger than the limit of \(ByteCount.text(limit))")
  }
}

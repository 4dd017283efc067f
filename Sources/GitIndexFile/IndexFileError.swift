/// Why the index file could not be read or updated here. Every kind but ``Kind/locked`` and
/// ``Kind/io`` means the same to a caller: hand the whole job to libgit2.
public struct IndexFileError: Error, Equatable, Sendable, CustomStringConvertible {
  public enum Kind: Equatable, Sendable {
    /// There is no index file.
    case missing
    /// The index, or the change asked of it, holds something this module does not handle: a split
    /// index, sparse directories, an unknown required extension, conflict stages on a touched
    /// path, a file replacing a directory, racily clean entries, an unusual path.
    case unsupported
    /// The file breaks the format: bad signature or checksum, entries out of order, a truncated
    /// entry or extension.
    case corrupt
    /// Another process holds `index.lock`.
    case locked
    /// The file system refused a read or write.
    case io
  }

  public let kind: Kind
  public let message: String

  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { message }
}

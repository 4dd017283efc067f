/// One header field of an HTTP message, as it was written (name case kept).
public struct HeaderField: Equatable, Sendable {
  /// The field name as received (`Content-Type`); compare case-insensitively.
  public let name: String
  /// The value with surrounding spaces and tabs removed; folded lines joined by one space.
  public let value: String

  /// Makes a field.
  public init(name: String, value: String) {
    self.name = name
    self.value = value
  }
}

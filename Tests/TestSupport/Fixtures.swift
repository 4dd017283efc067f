public import ClaimModel

/// Model values for tests, failing the test instead of crashing on a typo.
public enum Fixtures {
  public struct Invalid: Error, CustomStringConvertible {
    public var description: String

    public init(description: String) {
      self.description = description
    }
  }

  public static func identity(_ text: String) throws -> Identity {
    guard let identity = Identity(parsing: text) else { throw Invalid(description: "bad identity \(text)") }
    return identity
  }

  public static func timestamp(_ text: String) throws -> Timestamp {
    guard let timestamp = Timestamp(text) else { throw Invalid(description: "bad timestamp \(text)") }
    return timestamp
  }

  public static func source(_ text: String) throws -> SourceID {
    guard let source = SourceID(text) else { throw Invalid(description: "bad source id \(text)") }
    return source
  }

  public static func claimID(_ text: String) throws -> ClaimID {
    guard let id = ClaimID(text) else { throw Invalid(description: "bad claim id \(text)") }
    return id
  }
}

/// Why a record could not be read: bad JSON, a missing or mistyped field, an unsupported version.
public struct RecordError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What went wrong, for code to act on. Code never inspects ``problem`` or ``remedy``.
  public enum Kind: String, Equatable, Sendable {
    /// The bytes are not JSON this reader accepts (syntax, depth, size, encoding).
    case invalidJSON
    /// A field is missing, has the wrong type, or holds a value out of its range; or the whole
    /// value is not the record's shape.
    case invalidField
    /// The record's `format_version` is newer than this build understands: upgrade claims.
    case newerFormat
    /// Something the reader was asked to pick (a CSL-JSON reference by id) is not there.
    case notFound
    /// Several candidates fit and none was chosen (a CSL-JSON file with several references).
    case ambiguous
  }

  /// What kind of failure this is.
  public var kind: Kind
  /// What is wrong, in words a reviewer can act on.
  public var problem: String
  /// What to do about it, when that is not fixing or removing the file (a newer format: upgrade).
  public var remedy: String?

  public init(_ kind: Kind, _ problem: String, remedy: String? = nil) {
    self.kind = kind
    self.problem = problem
    self.remedy = remedy
  }

  public var description: String { remedy.map { "\(problem); \($0)" } ?? problem }
}

/// Typed access to the members of a JSON object, with errors that name the field.
struct FieldReader {
  let members: [String: JSONValue]

  init(_ value: JSONValue, what: String) throws(RecordError) {
    guard case .object(let members) = value else {
      throw RecordError(.invalidField, "\(what) must be a JSON object, not \(value.typeName)")
    }
    self.members = members
  }

  func string(_ key: String) throws(RecordError) -> String {
    guard let value = members[key] else { throw RecordError(.invalidField, "missing field '\(key)'") }
    guard case .string(let string) = value else {
      throw RecordError(.invalidField, "field '\(key)' must be a string, not \(value.typeName)")
    }
    return string
  }

  func optionalString(_ key: String) throws(RecordError) -> String? {
    guard let value = members[key], value != .null else { return nil }
    guard case .string(let string) = value else {
      throw RecordError(.invalidField, "field '\(key)' must be a string, not \(value.typeName)")
    }
    return string
  }

  func integer(_ key: String) throws(RecordError) -> Int {
    guard let value = members[key] else { throw RecordError(.invalidField, "missing field '\(key)'") }
    guard case .integer(let integer) = value else {
      throw RecordError(.invalidField, "field '\(key)' must be an integer, not \(value.typeName)")
    }
    return integer
  }

  func optionalInteger(_ key: String) throws(RecordError) -> Int? {
    guard let value = members[key], value != .null else { return nil }
    guard case .integer(let integer) = value else {
      throw RecordError(.invalidField, "field '\(key)' must be an integer, not \(value.typeName)")
    }
    return integer
  }

  func optionalBool(_ key: String) throws(RecordError) -> Bool? {
    guard let value = members[key], value != .null else { return nil }
    guard case .bool(let flag) = value else {
      throw RecordError(.invalidField, "field '\(key)' must be true or false, not \(value.typeName)")
    }
    return flag
  }

  func array(_ key: String) throws(RecordError) -> [JSONValue] {
    guard let value = members[key], value != .null else { return [] }
    guard case .array(let elements) = value else {
      throw RecordError(.invalidField, "field '\(key)' must be an array, not \(value.typeName)")
    }
    return elements
  }

  func object(_ key: String) throws(RecordError) -> JSONValue {
    guard let value = members[key] else { throw RecordError(.invalidField, "missing field '\(key)'") }
    return value
  }

  func optionalObject(_ key: String) -> JSONValue? {
    guard let value = members[key], value != .null else { return nil }
    return value
  }

  /// Checks `format_version` against what this build understands.
  func checkFormatVersion(supported: Int) throws(RecordError) {
    let version = try integer("format_version")
    guard version >= 1 else {
      throw RecordError(.invalidField, "field 'format_version' must be 1 or more, not \(version)")
    }
    guard version <= supported else {
      throw RecordError(
        .newerFormat, "format version \(version) is newer than this claims understands (\(supported))",
        remedy: "upgrade claims")
    }
  }
}

/// Builds the members of a JSON object, leaving out absent optionals so records stay short.
struct FieldWriter {
  private(set) var members: [String: JSONValue] = [:]

  mutating func set(_ key: String, _ value: JSONValue) {
    members[key] = value
  }

  mutating func set(_ key: String, _ value: String?) {
    if let value { members[key] = .string(value) }
  }

  mutating func set(_ key: String, _ value: Int?) {
    if let value { members[key] = .integer(value) }
  }

  var value: JSONValue { .object(members) }
}

/// The few JSON-LD conventions the ClaimReview reader needs: types with or without the schema.org
/// prefix, values as text, `{"@value": …}` or a list, things named by `name`.
enum JSONLD {
  /// The `@type`s of a node, without a `schema:` or `http(s)://schema.org/` prefix.
  static func types(of members: [String: JSONValue]) -> Set<String> {
    var names: Set<String> = []
    let values: [JSONValue]
    switch members["@type"] {
    case .array(let elements)?: values = elements
    case let value?: values = [value]
    case nil: values = []
    }
    for case .string(let name) in values {
      var name = Substring(name)
      for prefix in ["https://schema.org/", "http://schema.org/", "schema:"] where name.hasPrefix(prefix) {
        name = name.dropFirst(prefix.count)
      }
      names.insert(String(name))
    }
    return names
  }

  /// The first element of a list, or the value itself.
  static func first(_ value: JSONValue?) -> JSONValue? {
    if case .array(let elements)? = value { return elements.first }
    return value
  }

  /// Text: a string, `{"@value": string}`, or the first of a list of them; trimmed, nil when empty.
  static func text(_ value: JSONValue?) -> String? {
    switch first(value) {
    case .string(let text)?:
      let trimmed = text.trimmingWhitespace()
      return trimmed.isEmpty ? nil : trimmed
    case .object(let members)?:
      if let literal = members["@value"] { return text(literal) }
      return nil
    default:
      return nil
    }
  }

  /// The name of a thing: its `name` (else `alternateName`), or plain text standing for it.
  static func name(_ value: JSONValue?) -> String? {
    switch first(value) {
    case .object(let members)?: return text(members["name"]) ?? text(members["alternateName"])
    case let other: return text(other)
    }
  }

  /// An address: text, or a thing's `url` (else `@id`).
  static func address(_ value: JSONValue?) -> String? {
    switch first(value) {
    case .object(let members)?: return text(members["url"]) ?? text(members["@id"])
    case let other: return text(other)
    }
  }

  static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
}

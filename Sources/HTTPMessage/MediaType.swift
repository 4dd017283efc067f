/// A media type from a `Content-Type` value (RFC 9110 §8.3.1): `text/html; charset=UTF-8`.
public struct MediaType: Equatable, Sendable {
  /// `type/subtype`, lowercased (`text/html`).
  public let essence: String
  /// The parameters in order, names lowercased, values unquoted.
  public let parameters: [(name: String, value: String)]

  /// Parses a `Content-Type` value; nil when it has no `type/subtype`.
  public init?(_ text: String) {
    let parts = Self.splitParameters(text)
    guard let first = parts.first else { return nil }
    let essence = first.trimmingSpaces().lowercased()
    let pieces = essence.split(separator: "/", omittingEmptySubsequences: false)
    guard pieces.count == 2, !pieces[0].isEmpty, !pieces[1].isEmpty, !essence.contains(" ") else { return nil }
    self.essence = essence
    var parameters: [(name: String, value: String)] = []
    for part in parts.dropFirst() {
      guard let equals = part.firstIndex(of: "=") else { continue }
      let name = part[..<equals].trimmingSpaces().lowercased()
      var value = part[part.index(after: equals)...].trimmingSpaces()
      if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
        value = Self.unquote(value.dropFirst().dropLast())
      }
      if !name.isEmpty { parameters.append((name, value)) }
    }
    self.parameters = parameters
  }

  /// The `charset` parameter, lowercased (`utf-8`, `windows-1252`), or nil when absent or empty.
  public var charset: String? {
    guard let value = parameters.first(where: { $0.name == "charset" })?.value, !value.isEmpty else { return nil }
    return value.lowercased()
  }

  /// Whether this is HTML or XHTML.
  public var isHTML: Bool { essence == "text/html" || essence == "application/xhtml+xml" }

  /// Whether this is text a reader can take as it is (`text/*` other than HTML).
  public var isPlainText: Bool { essence.hasPrefix("text/") && !isHTML }

  public static func == (lhs: MediaType, rhs: MediaType) -> Bool {
    lhs.essence == rhs.essence && lhs.parameters.elementsEqual(rhs.parameters) { $0 == $1 }
  }

  /// Splits at semicolons outside double quotes.
  private static func splitParameters(_ text: String) -> [String] {
    var parts: [String] = []
    var current = ""
    var quoted = false
    var escaped = false
    for character in text {
      if escaped {
        escaped = false
      } else if quoted && character == "\\" {
        escaped = true
      } else if character == "\"" {
        quoted.toggle()
      } else if character == ";" && !quoted {
        parts.append(current)
        current = ""
        continue
      }
      current.append(character)
    }
    parts.append(current)
    return parts
  }

  private static func unquote(_ text: Substring) -> String {
    var result = ""
    var escaped = false
    for character in text {
      if !escaped && character == "\\" {
        escaped = true
        continue
      }
      escaped = false
      result.append(character)
    }
    return result
  }
}

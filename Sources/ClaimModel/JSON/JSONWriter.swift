/// Writes JSON in the ledger's one canonical layout: two-space indent, keys sorted by code point,
/// `"key": value`, and a trailing newline, so that `git diff` shows one field per line.
///
/// The layout is byte-for-byte that of Python's `json.dumps(value, indent=2, sort_keys=True,
/// ensure_ascii=False)`, which the tests use as an independent oracle.
public enum JSONWriter {
  /// The canonical text of `value`, ending in a newline.
  public static func canonicalText(of value: JSONValue) -> String {
    var output = ""
    output.reserveCapacity(512)
    write(value, indent: 0, into: &output)
    output.append("\n")
    return output
  }

  /// The canonical bytes of `value`, ending in a newline.
  public static func canonicalBytes(of value: JSONValue) -> [UInt8] {
    Array(canonicalText(of: value).utf8)
  }

  /// A compact one-line rendering, for JSON Lines and machine output.
  public static func compactText(of value: JSONValue) -> String {
    var output = ""
    writeCompact(value, into: &output)
    return output
  }

  private static func write(_ value: JSONValue, indent: Int, into output: inout String) {
    switch value {
    case .array(let elements):
      guard !elements.isEmpty else {
        output.append("[]")
        return
      }
      output.append("[\n")
      for (index, element) in elements.enumerated() {
        appendIndent(indent + 1, to: &output)
        write(element, indent: indent + 1, into: &output)
        output.append(index == elements.count - 1 ? "\n" : ",\n")
      }
      appendIndent(indent, to: &output)
      output.append("]")
    case .object(let members):
      guard !members.isEmpty else {
        output.append("{}")
        return
      }
      output.append("{\n")
      let keys = sortedKeys(members)
      for (index, key) in keys.enumerated() {
        appendIndent(indent + 1, to: &output)
        appendQuoted(key, to: &output)
        output.append(": ")
        // Keys come from the dictionary itself, so the lookup cannot fail.
        write(members[key] ?? .null, indent: indent + 1, into: &output)
        output.append(index == keys.count - 1 ? "\n" : ",\n")
      }
      appendIndent(indent, to: &output)
      output.append("}")
    default:
      writeScalar(value, into: &output)
    }
  }

  private static func writeCompact(_ value: JSONValue, into output: inout String) {
    switch value {
    case .array(let elements):
      output.append("[")
      for (index, element) in elements.enumerated() {
        if index > 0 { output.append(",") }
        writeCompact(element, into: &output)
      }
      output.append("]")
    case .object(let members):
      output.append("{")
      for (index, key) in sortedKeys(members).enumerated() {
        if index > 0 { output.append(",") }
        appendQuoted(key, to: &output)
        output.append(":")
        writeCompact(members[key] ?? .null, into: &output)
      }
      output.append("}")
    default:
      writeScalar(value, into: &output)
    }
  }

  private static func writeScalar(_ value: JSONValue, into output: inout String) {
    switch value {
    case .null: output.append("null")
    case .bool(let flag): output.append(flag ? "true" : "false")
    case .integer(let integer): output.append(String(integer))
    case .double(let double): output.append(double.isFinite ? "\(double)" : "null")
    case .string(let string): appendQuoted(string, to: &output)
    case .array, .object: break
    }
  }

  static func sortedKeys(_ members: [String: JSONValue]) -> [String] {
    members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  private static func appendIndent(_ level: Int, to output: inout String) {
    for _ in 0..<level { output.append("  ") }
  }

  private static let hexDigits = Array("0123456789abcdef")

  private static func appendQuoted(_ string: String, to output: inout String) {
    output.append("\"")
    var needsEscaping = false
    for byte in string.utf8 where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
      needsEscaping = true
      break
    }
    guard needsEscaping else {
      output.append(string)
      output.append("\"")
      return
    }
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": output.append("\\\"")
      case "\\": output.append("\\\\")
      case "\n": output.append("\\n")
      case "\r": output.append("\\r")
      case "\t": output.append("\\t")
      case "\u{08}": output.append("\\b")
      case "\u{0C}": output.append("\\f")
      case "\u{00}"..."\u{1F}":
        let value = Int(scalar.value)
        output.append("\\u00")
        output.append(hexDigits[value >> 4])
        output.append(hexDigits[value & 0xF])
      default:
        output.unicodeScalars.append(scalar)
      }
    }
    output.append("\"")
  }
}

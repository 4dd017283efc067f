/// Writes JSON in the ledger's one canonical layout: two-space indent, keys sorted by code point,
/// `"key": value`, and a trailing newline, so that `git diff` shows one field per line.
///
/// The layout is byte-for-byte that of Python's `json.dumps(value, indent=2, sort_keys=True,
/// ensure_ascii=False)`, which the tests use as an independent oracle. It writes bytes, not a
/// `String`, since reports write megabytes of it.
public enum JSONWriter {
  /// The canonical text of `value`, ending in a newline.
  public static func canonicalText(of value: JSONValue) -> String {
    String(decoding: canonicalBytes(of: value), as: UTF8.self)
  }

  /// The canonical bytes of `value`, ending in a newline.
  public static func canonicalBytes(of value: JSONValue) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(512)
    write(value, indent: 0, into: &output)
    output.append(0x0A)
    return output
  }

  /// A compact one-line rendering, for JSON Lines and machine output.
  public static func compactText(of value: JSONValue) -> String {
    var output: [UInt8] = []
    writeCompact(value, into: &output)
    return String(decoding: output, as: UTF8.self)
  }

  private static func write(_ value: JSONValue, indent: Int, into output: inout [UInt8]) {
    switch value {
    case .array(let elements):
      guard !elements.isEmpty else {
        output.append(contentsOf: [0x5B, 0x5D])
        return
      }
      output.append(contentsOf: [0x5B, 0x0A])
      for (index, element) in elements.enumerated() {
        appendIndent(indent + 1, to: &output)
        write(element, indent: indent + 1, into: &output)
        if index < elements.count - 1 { output.append(0x2C) }
        output.append(0x0A)
      }
      appendIndent(indent, to: &output)
      output.append(0x5D)
    case .object(let members):
      guard !members.isEmpty else {
        output.append(contentsOf: [0x7B, 0x7D])
        return
      }
      output.append(contentsOf: [0x7B, 0x0A])
      let keys = sortedKeys(members)
      for (index, key) in keys.enumerated() {
        appendIndent(indent + 1, to: &output)
        appendQuoted(key, to: &output)
        output.append(contentsOf: [0x3A, 0x20])
        // Keys come from the dictionary itself, so the lookup cannot fail.
        write(members[key] ?? .null, indent: indent + 1, into: &output)
        if index < keys.count - 1 { output.append(0x2C) }
        output.append(0x0A)
      }
      appendIndent(indent, to: &output)
      output.append(0x7D)
    default:
      writeScalar(value, into: &output)
    }
  }

  private static func writeCompact(_ value: JSONValue, into output: inout [UInt8]) {
    switch value {
    case .array(let elements):
      output.append(0x5B)
      for (index, element) in elements.enumerated() {
        if index > 0 { output.append(0x2C) }
        writeCompact(element, into: &output)
      }
      output.append(0x5D)
    case .object(let members):
      output.append(0x7B)
      for (index, key) in sortedKeys(members).enumerated() {
        if index > 0 { output.append(0x2C) }
        appendQuoted(key, to: &output)
        output.append(0x3A)
        writeCompact(members[key] ?? .null, into: &output)
      }
      output.append(0x7D)
    default:
      writeScalar(value, into: &output)
    }
  }

  private static func writeScalar(_ value: JSONValue, into output: inout [UInt8]) {
    switch value {
    case .null: output.append(contentsOf: "null".utf8)
    case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
    case .integer(let integer): output.append(contentsOf: String(integer).utf8)
    case .double(let double): output.append(contentsOf: (double.isFinite ? "\(double)" : "null").utf8)
    case .string(let string): appendQuoted(string, to: &output)
    case .array, .object: break
    }
  }

  static func sortedKeys(_ members: [String: JSONValue]) -> [String] {
    members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  private static func appendIndent(_ level: Int, to output: inout [UInt8]) {
    for _ in 0..<(level * 2) { output.append(0x20) }
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  private static func appendQuoted(_ string: String, to output: inout [UInt8]) {
    output.append(0x22)
    for byte in string.utf8 {
      switch byte {
      case 0x22: output.append(contentsOf: [0x5C, 0x22])
      case 0x5C: output.append(contentsOf: [0x5C, 0x5C])
      case 0x0A: output.append(contentsOf: [0x5C, 0x6E])
      case 0x0D: output.append(contentsOf: [0x5C, 0x72])
      case 0x09: output.append(contentsOf: [0x5C, 0x74])
      case 0x08: output.append(contentsOf: [0x5C, 0x62])
      case 0x0C: output.append(contentsOf: [0x5C, 0x66])
      case 0x00..<0x20:
        output.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]])
      default:
        output.append(byte)
      }
    }
    output.append(0x22)
  }
}

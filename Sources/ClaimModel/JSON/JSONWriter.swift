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
    var writer = JSONStreamWriter(capacity: 512)
    writer.value(value)
    writer.raw(CollectionOfOne(0x0A))
    return writer.bytes
  }

  /// A compact one-line rendering, for JSON Lines and machine output.
  public static func compactText(of value: JSONValue) -> String {
    let output = ByteStorage(capacity: 256)
    writeCompact(value, into: output)
    return String(decoding: UnsafeBufferPointer(start: output.pointer, count: output.count), as: UTF8.self)
  }

  private static func writeCompact(_ value: JSONValue, into output: ByteStorage) {
    switch value {
    case .array(let elements):
      output.append(0x5B)
      for (index, element) in elements.enumerated() {
        if index > 0 { output.append(0x2C) }
        writeCompact(element, into: output)
      }
      output.append(0x5D)
    case .object(let members):
      output.append(0x7B)
      for (index, key) in sortedKeys(members).enumerated() {
        if index > 0 { output.append(0x2C) }
        output.appendQuoted(key)
        output.append(0x3A)
        writeCompact(members[key] ?? .null, into: output)
      }
      output.append(0x7D)
    case .null: output.append("null")
    case .bool(let flag): output.append(flag ? "true" : "false")
    case .integer(let integer): output.appendDecimal(integer)
    case .double(let double): output.append(contentsOf: (double.isFinite ? "\(double)" : "null").utf8)
    case .string(let string): output.appendQuoted(string)
    }
  }

  static func sortedKeys(_ members: [String: JSONValue]) -> [String] {
    members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }
}

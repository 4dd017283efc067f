/// Writes JSON in the canonical layout of ``JSONWriter`` token by token, straight into bytes, for
/// documents too large to build as one ``JSONValue`` first (a report of 100,000 claims is over
/// 100 MB of it).
///
/// The caller writes an object's keys in code-point order; ``JSONWriter`` sorts a ``JSONValue``'s
/// keys and then writes through this type, so both give the same bytes. Debug builds check the
/// order.
///
/// A writer may start inside a document (`depth`), so a piece of one can be written on its own and
/// spliced in later: with `depth: 2`, an object's members are indented six spaces and its closing
/// brace four.
public struct JSONStreamWriter {
  /// What has been written so far.
  public var bytes: [UInt8]
  private var depth: Int
  /// One entry per open container: whether it is an array, and whether it has a member yet.
  private var open: [(isArray: Bool, hasMembers: Bool)] = []
  #if DEBUG
    private var lastKeys: [[UInt8]] = []
  #endif

  /// A writer whose values sit `depth` levels deep in the document.
  public init(depth: Int = 0, capacity: Int = 256) {
    self.depth = depth
    bytes = []
    bytes.reserveCapacity(capacity)
    open.reserveCapacity(8)
  }

  // MARK: Containers

  /// Opens an object; write its keys in code-point order.
  public mutating func beginObject() {
    beforeValue()
    bytes.append(0x7B)
    push(isArray: false)
  }

  /// Closes the innermost object.
  public mutating func endObject() { close(0x7D) }

  /// Opens an array.
  public mutating func beginArray() {
    beforeValue()
    bytes.append(0x5B)
    push(isArray: true)
  }

  /// Closes the innermost array.
  public mutating func endArray() { close(0x5D) }

  /// Writes the key of the next member of the innermost object. Keys are the writer's own names,
  /// written as they are: they must not need escaping.
  public mutating func key(_ name: StaticString) {
    name.withUTF8Buffer { buffer in startMember(buffer) }
  }

  /// Writes the key of the next member of the innermost object, escaped as needed. (Named apart
  /// from ``key(_:)``, which a string literal would otherwise not reach.)
  public mutating func key(named name: String) {
    startMember(nil)
    appendQuoted(name)
    bytes.appendASCII(": ")
  }

  // MARK: Scalars

  /// Writes a string.
  public mutating func string(_ value: String) {
    beforeValue()
    appendQuoted(value)
  }

  /// Writes a string, or `null` when there is none.
  public mutating func string(_ value: String?) {
    guard let value else { return null() }
    string(value)
  }

  /// Writes one string made of `parts` (a name and an address, say) without joining them first.
  public mutating func string(joining parts: String...) {
    beforeValue()
    bytes.append(0x22)
    for part in parts { JSONStreamWriter.appendEscaped(part, to: &bytes) }
    bytes.append(0x22)
  }

  /// Writes an integer.
  public mutating func integer(_ value: Int) {
    beforeValue()
    JSONStreamWriter.appendDecimal(value, to: &bytes)
  }

  /// Writes `true` or `false`.
  public mutating func bool(_ value: Bool) {
    beforeValue()
    if value {
      bytes.appendASCII("true")
    } else {
      bytes.appendASCII("false")
    }
  }

  /// Writes `null`.
  public mutating func null() {
    beforeValue()
    bytes.appendASCII("null")
  }

  /// Writes a number as Swift prints it (`0.5`, `1e-05`), as Python's `json` does; `null` when it
  /// is not finite.
  public mutating func double(_ value: Double) {
    guard value.isFinite else { return null() }
    beforeValue()
    bytes.append(contentsOf: "\(value)".utf8)
  }

  /// Writes a whole value, its objects' keys sorted.
  public mutating func value(_ value: JSONValue) {
    switch value {
    case .null: null()
    case .bool(let flag): bool(flag)
    case .integer(let integer): self.integer(integer)
    case .double(let double): self.double(double)
    case .string(let text): string(text)
    case .array(let elements):
      beginArray()
      for element in elements { self.value(element) }
      endArray()
    case .object(let members):
      beginObject()
      for name in JSONWriter.sortedKeys(members) {
        key(named: name)
        self.value(members[name] ?? .null)
      }
      endObject()
    }
  }

  /// Appends bytes as they are: a separator, or a piece written by another writer.
  public mutating func raw(_ piece: some Collection<UInt8>) {
    bytes.append(contentsOf: piece)
  }

  // MARK: Layout

  private mutating func push(isArray: Bool) {
    open.append((isArray, false))
    depth += 1
    #if DEBUG
      lastKeys.append([])
    #endif
  }

  private mutating func close(_ bracket: UInt8) {
    guard let container = open.popLast() else { preconditionFailure("no open container to close") }
    depth -= 1
    #if DEBUG
      lastKeys.removeLast()
    #endif
    if container.hasMembers { appendLineBreak(comma: false) }
    bytes.append(bracket)
  }

  /// Starts the next member: the comma after the previous one, a line break and the indentation.
  private mutating func startMember(_ staticKey: UnsafeBufferPointer<UInt8>?) {
    guard let last = open.indices.last else { return }
    #if DEBUG
      if let staticKey {
        let name = Array(staticKey)
        assert(
          lastKeys[last].isEmpty || lastKeys[last].lexicographicallyPrecedes(name),
          "JSON keys out of code-point order: \(String(decoding: name, as: UTF8.self))")
        lastKeys[last] = name
      }
    #endif
    appendLineBreak(comma: open[last].hasMembers)
    open[last].hasMembers = true
    if let staticKey {
      bytes.append(0x22)
      bytes.append(contentsOf: staticKey)
      bytes.appendASCII("\": ")
    }
  }

  /// Array elements get their own line; object members already have one from their key.
  private mutating func beforeValue() {
    guard let last = open.indices.last, open[last].isArray else { return }
    startMember(nil)
  }

  /// `,\n` and the indentation of each level, made once: a report starts a million lines.
  private static let lineBreaks: [[UInt8]] = (0..<32).map { level in
    Array(",\n".utf8) + [UInt8](repeating: 0x20, count: level * 2)
  }

  /// An optional comma, a line break and the indentation of the current depth.
  private mutating func appendLineBreak(comma: Bool) {
    if depth < Self.lineBreaks.count {
      bytes.append(contentsOf: Self.lineBreaks[depth][(comma ? 0 : 1)...])
    } else {
      if comma { bytes.append(0x2C) }
      bytes.append(0x0A)
      for _ in 0..<(depth * 2) { bytes.append(0x20) }
    }
  }

  private mutating func appendQuoted(_ text: String) {
    JSONStreamWriter.appendQuoted(text, to: &bytes)
  }

  // MARK: Shared with JSONWriter

  private static let hexDigits = Array("0123456789abcdef".utf8)

  /// `text` quoted, with `"`, `\` and control characters escaped; runs that need no escaping are
  /// copied whole, which for ledger text is usually the entire string.
  static func appendQuoted(_ text: String, to output: inout [UInt8]) {
    output.append(0x22)
    appendEscaped(text, to: &output)
    output.append(0x22)
  }

  /// `text` with `"`, `\` and control characters escaped, without quotes.
  static func appendEscaped(_ text: String, to output: inout [UInt8]) {
    var text = text
    text.withUTF8 { utf8 in
      var start = 0
      for index in 0..<utf8.count {
        let byte = utf8[index]
        guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
        start = index + 1
        switch byte {
        case 0x22: output.appendASCII("\\\"")
        case 0x5C: output.appendASCII("\\\\")
        case 0x0A: output.appendASCII("\\n")
        case 0x0D: output.appendASCII("\\r")
        case 0x09: output.appendASCII("\\t")
        case 0x08: output.appendASCII("\\b")
        case 0x0C: output.appendASCII("\\f")
        default:
          output.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]])
        }
      }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
    }
  }

  /// `value` in decimal, without going through a `String`.
  static func appendDecimal(_ value: Int, to output: inout [UInt8]) {
    if value >= 0 && value < 10 {
      output.append(0x30 + UInt8(value))
      return
    }
    if value == Int.min {
      output.append(contentsOf: String(value).utf8)
      return
    }
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
    var count = 0
    var rest = value.magnitude
    withUnsafeMutableBytes(of: &digits) { buffer in
      repeat {
        buffer[23 - count] = 0x30 + UInt8(rest % 10)
        rest /= 10
        count += 1
      } while rest > 0
      if value < 0 { output.append(0x2D) }
      output.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(24 - count)...]))
    }
  }
}

extension [UInt8] {
  /// Appends a literal's bytes; unlike an array literal, nothing is allocated for it.
  @inline(__always)
  mutating func appendASCII(_ text: StaticString) {
    text.withUTF8Buffer { append(contentsOf: $0) }
  }
}

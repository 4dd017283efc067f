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
  private var storage: ByteStorage
  private var depth: Int
  /// One entry per open container: whether it is an array, and whether it has a member yet.
  private var open: [(isArray: Bool, hasMembers: Bool)] = []
  #if DEBUG
    private var lastKeys: [[UInt8]] = []
  #endif

  /// A writer whose values sit `depth` levels deep in the document.
  public init(depth: Int = 0, capacity: Int = 256) {
    self.depth = depth
    storage = ByteStorage(capacity: capacity)
    open.reserveCapacity(8)
  }

  /// What has been written so far.
  public var bytes: [UInt8] { storage.array }

  /// The buffer, copied first if another writer shares it.
  private mutating func output() -> ByteStorage {
    if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    return storage
  }

  // MARK: Containers

  /// Opens an object; write its keys in code-point order.
  public mutating func beginObject() {
    beforeValue()
    output().append(0x7B)
    push(isArray: false)
  }

  /// Closes the innermost object.
  public mutating func endObject() { close(0x7D) }

  /// Opens an array.
  public mutating func beginArray() {
    beforeValue()
    output().append(0x5B)
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
    let output = output()
    output.appendQuoted(name)
    output.append(": ")
  }

  // MARK: Scalars

  /// Writes a string.
  public mutating func string(_ value: String) {
    beforeValue()
    output().appendQuoted(value)
  }

  /// Writes a string, or `null` when there is none.
  public mutating func string(_ value: String?) {
    guard let value else { return null() }
    string(value)
  }

  /// Writes one string made of `parts` (a name and an address, say) without joining them first.
  public mutating func string(joining parts: String...) {
    beforeValue()
    let output = output()
    output.append(0x22)
    for part in parts { output.appendEscaped(part) }
    output.append(0x22)
  }

  /// Writes an integer.
  public mutating func integer(_ value: Int) {
    beforeValue()
    output().appendDecimal(value)
  }

  /// Writes `true` or `false`.
  public mutating func bool(_ value: Bool) {
    beforeValue()
    output().append(value ? "true" : "false")
  }

  /// Writes `null`.
  public mutating func null() {
    beforeValue()
    output().append("null")
  }

  /// Writes a number as Swift prints it (`0.5`, `1e-05`), as Python's `json` does; `null` when it
  /// is not finite.
  public mutating func double(_ value: Double) {
    guard value.isFinite else { return null() }
    beforeValue()
    output().append(contentsOf: "\(value)".utf8)
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
    output().append(contentsOf: piece)
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
    output().append(bracket)
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
      let output = output()
      output.append(0x22)
      output.append(staticKey)
      output.append("\": ")
    }
  }

  /// Array elements get their own line; object members already have one from their key.
  private mutating func beforeValue() {
    guard let last = open.indices.last, open[last].isArray else { return }
    startMember(nil)
  }

  /// `,\n` and thirty-two levels of indentation, from which each line break takes what it needs.
  private static let lineBreak: StaticString = ",\n                                                                "

  /// An optional comma, a line break and the indentation of the current depth.
  private mutating func appendLineBreak(comma: Bool) {
    let output = output()
    let width = depth * 2
    Self.lineBreak.withUTF8Buffer { text in
      if width + 2 <= text.count {
        output.append(UnsafeBufferPointer(rebasing: text[(comma ? 0 : 1)..<(2 + width)]))
      } else {
        if comma { output.append(0x2C) }
        output.append(0x0A)
        for _ in 0..<width { output.append(0x20) }
      }
    }
  }
}

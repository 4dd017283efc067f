/// A growable byte buffer for the JSON writers: appends are a bounds check and a copy, where an
/// `[UInt8]` append goes through generic sequence code that cost several times more per token in
/// profiles of a 100 MB report.
final class ByteStorage {
  private(set) var pointer: UnsafeMutablePointer<UInt8>
  private(set) var count = 0
  private var capacity: Int

  init(capacity: Int) {
    self.capacity = max(16, capacity)
    pointer = .allocate(capacity: self.capacity)
  }

  deinit {
    pointer.deallocate()
  }

  /// The bytes written, as an array.
  var array: [UInt8] { Array(UnsafeBufferPointer(start: pointer, count: count)) }

  /// An independent copy, for copy-on-write.
  func copy() -> ByteStorage {
    let copy = ByteStorage(capacity: capacity)
    copy.append(pointer, count)
    return copy
  }

  @inline(__always)
  func append(_ byte: UInt8) {
    if count == capacity { grow(1) }
    pointer[count] = byte
    count += 1
  }

  @inline(__always)
  func append(_ source: UnsafePointer<UInt8>, _ length: Int) {
    if count + length > capacity { grow(length) }
    (pointer + count).update(from: source, count: length)
    count += length
  }

  @inline(__always)
  func append(_ buffer: UnsafeBufferPointer<UInt8>) {
    if let base = buffer.baseAddress { append(base, buffer.count) }
  }

  /// A literal's bytes.
  @inline(__always)
  func append(_ text: StaticString) {
    text.withUTF8Buffer { append($0) }
  }

  func append(contentsOf bytes: some Collection<UInt8>) {
    if bytes.withContiguousStorageIfAvailable({ append($0) }) != nil { return }
    for byte in bytes { append(byte) }
  }

  private func grow(_ needed: Int) {
    let newCapacity = max(capacity * 2, count + needed)
    let newPointer = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newPointer.update(from: pointer, count: count)
    pointer.deallocate()
    pointer = newPointer
    capacity = newCapacity
  }

  // MARK: JSON scalars

  private static let hexDigits: StaticString = "0123456789abcdef"

  /// `text` quoted, with `"`, `\` and control characters escaped.
  func appendQuoted(_ text: String) {
    append(0x22)
    appendEscaped(text)
    append(0x22)
  }

  /// `text` with `"`, `\` and control characters escaped, without quotes; runs that need no
  /// escaping are copied whole, which for ledger text is usually the entire string. Besides the
  /// C0 controls JSON requires, DEL, the C1 controls (U+0080–U+009F, whose U+009B a terminal
  /// takes for an escape sequence), the line and paragraph separators and the bidi overrides and
  /// isolates are written as `\u` escapes, so that JSON printed to a terminal is inert.
  func appendEscaped(_ text: String) {
    var text = text
    text.withUTF8 { utf8 in
      var start = 0
      var index = 0
      while index < utf8.count {
        // Eight bytes at a time while none of them needs a look: most text needs no escape at all.
        if index + 8 <= utf8.count, let base = utf8.baseAddress,
          !ByteWord.hasSpecialByte(ByteWord.load(base, at: index), orDelete: true)
        {
          index += 8
          continue
        }
        let byte = utf8[index]
        let length = Self.escapedLength(utf8, at: index)
        guard length > 0 else {
          index += 1
          continue
        }
        append(UnsafeBufferPointer(rebasing: utf8[start..<index]))
        switch byte {
        case 0x22: append("\\\"")
        case 0x5C: append("\\\\")
        case 0x0A: append("\\n")
        case 0x0D: append("\\r")
        case 0x09: append("\\t")
        case 0x08: append("\\b")
        case 0x0C: append("\\f")
        default: appendUnicodeEscape(Self.scalarValue(utf8, at: index, length: length))
        }
        index += length
        start = index
      }
      append(UnsafeBufferPointer(rebasing: utf8[start...]))
    }
  }

  /// How many bytes at `index` form a character to escape, or 0 for one to copy.
  private static func escapedLength(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let byte = utf8[index]
    if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F { return 1 }
    guard byte == 0xC2 || byte == 0xE2, index + 1 < utf8.count else { return 0 }
    let second = utf8[index + 1]
    if byte == 0xC2 { return (0x80...0x9F).contains(second) ? 2 : 0 }
    guard index + 2 < utf8.count else { return 0 }
    let third = utf8[index + 2]
    // U+2028, U+2029, U+202A–U+202E (E2 80 A8–AE) and U+2066–U+2069 (E2 81 A6–A9).
    if second == 0x80 && (0xA8...0xAE).contains(third) { return 3 }
    if second == 0x81 && (0xA6...0xA9).contains(third) { return 3 }
    return 0
  }

  private static func scalarValue(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> UInt32 {
    switch length {
    case 1: return UInt32(utf8[index])
    case 2: return UInt32(utf8[index] & 0x1F) << 6 | UInt32(utf8[index + 1] & 0x3F)
    default:
      return UInt32(utf8[index] & 0x0F) << 12 | UInt32(utf8[index + 1] & 0x3F) << 6 | UInt32(utf8[index + 2] & 0x3F)
    }
  }

  private func appendUnicodeEscape(_ value: UInt32) {
    append("\\u")
    Self.hexDigits.withUTF8Buffer { digits in
      for shift in stride(from: 12, through: 0, by: -4) {
        append(digits[Int((value >> UInt32(shift)) & 0xF)])
      }
    }
  }

  /// `value` in decimal, without going through a `String`.
  func appendDecimal(_ value: Int) {
    if value >= 0 && value < 10 {
      append(0x30 + UInt8(value))
      return
    }
    if value < 0 { append(0x2D) }
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
    var length = 0
    var rest = value.magnitude
    withUnsafeMutableBytes(of: &digits) { buffer in
      repeat {
        buffer[23 - length] = 0x30 + UInt8(rest % 10)
        rest /= 10
        length += 1
      } while rest > 0
      append(UnsafeBufferPointer(rebasing: buffer.bindMemory(to: UInt8.self)[(24 - length)...]))
    }
  }
}

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
  /// escaping are copied whole, which for ledger text is usually the entire string.
  func appendEscaped(_ text: String) {
    var text = text
    text.withUTF8 { utf8 in
      var start = 0
      for index in 0..<utf8.count {
        let byte = utf8[index]
        guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
        append(UnsafeBufferPointer(rebasing: utf8[start..<index]))
        start = index + 1
        switch byte {
        case 0x22: append("\\\"")
        case 0x5C: append("\\\\")
        case 0x0A: append("\\n")
        case 0x0D: append("\\r")
        case 0x09: append("\\t")
        case 0x08: append("\\b")
        case 0x0C: append("\\f")
        default:
          append("\\u00")
          Self.hexDigits.withUTF8Buffer { digits in
            append(digits[Int(byte >> 4)])
            append(digits[Int(byte & 0xF)])
          }
        }
      }
      append(UnsafeBufferPointer(rebasing: utf8[start...]))
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

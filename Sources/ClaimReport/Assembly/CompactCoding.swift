/// A minimal binary form for cached report values: integers as zig-zag LEB128, strings as a length
/// and UTF-8. (The ledger's record cache has its own; this module cannot see it.)
struct CompactWriter {
  private(set) var bytes: [UInt8] = []

  init(capacity: Int = 512) {
    bytes.reserveCapacity(capacity)
  }

  mutating func write(_ value: Int) {
    var encoded = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
    while encoded >= 0x80 {
      bytes.append(UInt8(encoded & 0x7F) | 0x80)
      encoded >>= 7
    }
    bytes.append(UInt8(encoded))
  }

  mutating func write(_ value: Bool) {
    bytes.append(value ? 1 : 0)
  }

  mutating func write(_ value: String) {
    var value = value
    value.withUTF8 { utf8 in
      write(utf8.count)
      bytes.append(contentsOf: utf8)
    }
  }

  mutating func write(_ value: String?) {
    write(value != nil)
    if let value { write(value) }
  }
}

/// Reads what ``CompactWriter`` wrote; every read is bounds-checked, so a damaged cache entry fails
/// to decode instead of being trusted.
struct CompactReader {
  struct Corrupt: Error {}

  private let bytes: [UInt8]
  private var position = 0

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  var isAtEnd: Bool { position == bytes.count }

  mutating func readInt() throws(Corrupt) -> Int {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      guard position < bytes.count, shift < 64 else { throw Corrupt() }
      let byte = bytes[position]
      position += 1
      result |= UInt64(byte & 0x7F) << shift
      if byte < 0x80 { break }
      shift += 7
    }
    let value = Int64(bitPattern: result)
    return Int((value >> 1) ^ -(value & 1))
  }

  /// A count of things to come, which a damaged entry must not make huge.
  mutating func readCount() throws(Corrupt) -> Int {
    let count = try readInt()
    // Everything counted takes at least a byte.
    guard count >= 0, count <= bytes.count - position else { throw Corrupt() }
    return count
  }

  /// A non-negative figure.
  mutating func readFigure() throws(Corrupt) -> Int {
    let value = try readInt()
    guard value >= 0 else { throw Corrupt() }
    return value
  }

  mutating func readBool() throws(Corrupt) -> Bool {
    guard position < bytes.count else { throw Corrupt() }
    defer { position += 1 }
    switch bytes[position] {
    case 0: return false
    case 1: return true
    default: throw Corrupt()
    }
  }

  mutating func readString() throws(Corrupt) -> String {
    let count = try readInt()
    guard count >= 0, count <= bytes.count - position else { throw Corrupt() }
    defer { position += count }
    return bytes.withUnsafeBufferPointer { buffer in
      String(decoding: UnsafeBufferPointer(rebasing: buffer[position..<position + count]), as: UTF8.self)
    }
  }

  mutating func readOptionalString() throws(Corrupt) -> String? {
    try readBool() ? try readString() : nil
  }
}

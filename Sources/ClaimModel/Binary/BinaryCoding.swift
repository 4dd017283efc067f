/// A compact binary form for the caches of the ledger and the report (never for records, which are
/// JSON): integers as zig-zag LEB128, strings as a length and UTF-8. Inlinable, because cache reads
/// decode millions of values and cross-module calls would cost a tenth of a warm report.
package struct BinaryWriter {
  @usableFromInline var storage: [UInt8] = []

  /// What was written so far.
  package var bytes: [UInt8] { storage }

  package init(capacity: Int = 4096) {
    storage.reserveCapacity(capacity)
  }

  @inlinable
  package mutating func write(_ value: Int) {
    // Zig-zag then LEB128, so small negative numbers stay small too; on the bit pattern, so that
    // numbers beyond ±2^62 (a hand-edited ordinal) come back as they were.
    let signed = Int64(value)
    var encoded = (UInt64(bitPattern: signed) << 1) ^ UInt64(bitPattern: signed >> 63)
    while encoded >= 0x80 {
      storage.append(UInt8(encoded & 0x7F) | 0x80)
      encoded >>= 7
    }
    storage.append(UInt8(encoded))
  }

  @inlinable
  package mutating func write(_ value: Bool) {
    storage.append(value ? 1 : 0)
  }

  @inlinable
  package mutating func write(_ value: String) {
    var value = value
    value.withUTF8 { utf8 in
      write(utf8.count)
      storage.append(contentsOf: utf8)
    }
  }

  @inlinable
  package mutating func write(_ value: String?) {
    write(value != nil)
    if let value { write(value) }
  }

  @inlinable
  package mutating func write(raw: [UInt8]) {
    storage.append(contentsOf: raw)
  }
}

/// Reads what ``BinaryWriter`` wrote. Every read is bounds-checked: a truncated or damaged cache
/// entry fails to decode, and the cache is rebuilt from git, never trusted blindly.
package struct BinaryReader {
  package struct Corrupt: Error {
    package init() {}
  }

  @usableFromInline let bytes: [UInt8]
  @usableFromInline var cursor: Int

  /// Where the next read starts.
  package var position: Int { cursor }

  package init(_ bytes: [UInt8], position: Int = 0) {
    self.bytes = bytes
    self.cursor = position
  }

  package var isAtEnd: Bool { cursor == bytes.count }

  /// Moves past `count` bytes without copying them.
  @inlinable
  public mutating func skip(_ count: Int) throws(Corrupt) {
    guard count >= 0, count <= bytes.count - cursor else { throw Corrupt() }
    cursor += count
  }

  @inlinable
  package mutating func readInt() throws(Corrupt) -> Int {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      guard cursor < bytes.count, shift < 64 else { throw Corrupt() }
      let byte = bytes[cursor]
      cursor += 1
      result |= UInt64(byte & 0x7F) << shift
      if byte < 0x80 { break }
      shift += 7
    }
    return Int(Int64(bitPattern: (result >> 1) ^ (0 &- (result & 1))))
  }

  /// A count of things to come, which a damaged entry must not make huge: everything counted takes
  /// at least a byte.
  @inlinable
  package mutating func readCount() throws(Corrupt) -> Int {
    let count = try readInt()
    guard count >= 0, count <= bytes.count - cursor else { throw Corrupt() }
    return count
  }

  /// A non-negative figure.
  @inlinable
  package mutating func readFigure() throws(Corrupt) -> Int {
    let value = try readInt()
    guard value >= 0 else { throw Corrupt() }
    return value
  }

  @inlinable
  package mutating func readBool() throws(Corrupt) -> Bool {
    guard cursor < bytes.count else { throw Corrupt() }
    defer { cursor += 1 }
    switch bytes[cursor] {
    case 0: return false
    case 1: return true
    default: throw Corrupt()
    }
  }

  @inlinable
  package mutating func readString() throws(Corrupt) -> String {
    let count = try readCount()
    defer { cursor += count }
    return bytes.withUnsafeBufferPointer { buffer in
      String(decoding: UnsafeBufferPointer(rebasing: buffer[cursor..<cursor + count]), as: UTF8.self)
    }
  }

  @inlinable
  package mutating func readOptionalString() throws(Corrupt) -> String? {
    try readBool() ? try readString() : nil
  }

  @inlinable
  package mutating func readRaw(count: Int) throws(Corrupt) -> [UInt8] {
    guard count >= 0, count <= bytes.count - cursor else { throw Corrupt() }
    defer { cursor += count }
    return Array(bytes[cursor..<cursor + count])
  }
}

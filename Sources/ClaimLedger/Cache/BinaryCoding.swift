import ClaimModel

/// Appends values to a compact binary buffer for the ledger's caches.
struct BinaryWriter {
  private(set) var bytes: [UInt8] = []

  init(capacity: Int = 4096) {
    bytes.reserveCapacity(capacity)
  }

  mutating func write(_ value: Int) {
    // Zig-zag then LEB128, so small negative numbers stay small too.
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
    let utf8 = value.utf8
    write(utf8.count)
    bytes.append(contentsOf: utf8)
  }

  mutating func write(_ value: String?) {
    write(value != nil)
    if let value { write(value) }
  }

  mutating func write(raw: [UInt8]) {
    bytes.append(contentsOf: raw)
  }
}

/// Reads what ``BinaryWriter`` wrote. Every read is bounds-checked: a truncated or corrupted cache
/// file makes the read fail, and the cache is rebuilt from git, never trusted blindly.
struct BinaryReader {
  struct Corrupt: Error {}

  private let bytes: [UInt8]
  private(set) var position: Int

  init(_ bytes: [UInt8], position: Int = 0) {
    self.bytes = bytes
    self.position = position
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

  mutating func readBool() throws(Corrupt) -> Bool {
    guard position < bytes.count else { throw Corrupt() }
    defer { position += 1 }
    return bytes[position] != 0
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

  mutating func readRaw(count: Int) throws(Corrupt) -> [UInt8] {
    guard count >= 0, count <= bytes.count - position else { throw Corrupt() }
    defer { position += count }
    return Array(bytes[position..<position + count])
  }
}

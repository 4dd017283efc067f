/// Little-endian arrays and strings for the index's bytes: written and read in bulk, so a 100,000
/// document index loads in tens of milliseconds.
struct IndexByteWriter {
  private(set) var bytes: [UInt8] = []

  init(capacity: Int) {
    bytes.reserveCapacity(capacity)
  }

  mutating func write(_ value: UInt32) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  mutating func write(_ values: [UInt32]) {
    write(UInt32(values.count))
    #if _endian(little)
      values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    #else
      for value in values { write(value) }
    #endif
  }

  mutating func write(_ values: [UInt8]) {
    write(UInt32(values.count))
    bytes.append(contentsOf: values)
  }

  mutating func write(raw values: [UInt8]) {
    bytes.append(contentsOf: values)
  }

  /// Strings as one array of end offsets and one of UTF-8 bytes.
  mutating func write(strings: [String]) {
    var ends: [UInt32] = []
    ends.reserveCapacity(strings.count)
    var blob: [UInt8] = []
    for string in strings {
      blob.append(contentsOf: string.utf8)
      ends.append(UInt32(blob.count))
    }
    write(ends)
    write(blob)
  }
}

/// Reads what ``IndexByteWriter`` wrote; every read is bounds-checked and throws on damage.
struct IndexByteReader {
  private let bytes: [UInt8]
  private var position = 0

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  var isAtEnd: Bool { position == bytes.count }

  mutating func readUInt32() throws(MatchingError) -> UInt32 {
    guard bytes.count - position >= 4 else { throw Self.damaged }
    var value: UInt32 = 0
    for offset in 0..<4 { value |= UInt32(bytes[position + offset]) << (8 * offset) }
    position += 4
    return value
  }

  mutating func readUInt32s() throws(MatchingError) -> [UInt32] {
    let count = Int(try readUInt32())
    guard count <= (bytes.count - position) / 4 else { throw Self.damaged }
    var values = [UInt32](repeating: 0, count: count)
    #if _endian(little)
      values.withUnsafeMutableBytes { target in
        bytes.withUnsafeBytes { source in
          target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[position..<(position + count * 4)]))
        }
      }
      position += count * 4
    #else
      for index in 0..<count { values[index] = try readUInt32() }
    #endif
    return values
  }

  mutating func readBytes() throws(MatchingError) -> [UInt8] {
    let count = Int(try readUInt32())
    guard count <= bytes.count - position else { throw Self.damaged }
    defer { position += count }
    return Array(bytes[position..<(position + count)])
  }

  mutating func readRaw(count: Int) throws(MatchingError) -> [UInt8] {
    guard count >= 0, count <= bytes.count - position else { throw Self.damaged }
    defer { position += count }
    return Array(bytes[position..<(position + count)])
  }

  mutating func readStrings() throws(MatchingError) -> [String] {
    let ends = try readUInt32s()
    let blob = try readBytes()
    var strings: [String] = []
    strings.reserveCapacity(ends.count)
    var start = 0
    try blob.withUnsafeBufferPointer { buffer throws(MatchingError) in
      for end in ends {
        let end = Int(end)
        guard end >= start, end <= buffer.count else { throw Self.damaged }
        strings.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self))
        start = end
      }
    }
    return strings
  }

  static let damaged = MatchingError(.corruptIndex, "the matching index is damaged; rebuild it")
}

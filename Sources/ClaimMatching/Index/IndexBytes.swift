/// Little-endian arrays and strings for the index's bytes: written and read in bulk, so a 100,000
/// document index loads in tens of milliseconds.
struct IndexByteWriter {
  /// What was written, as chunks: small values gather in the last one, each large array is a chunk
  /// of its own.
  private(set) var chunks: [[UInt8]] = [[]]

  init(capacity: Int) {
    chunks[0].reserveCapacity(capacity)
  }

  /// Everything written, as one array.
  var bytes: [UInt8] { Array(chunks.joined()) }

  mutating func write(_ value: UInt32) {
    withUnsafeBytes(of: value.littleEndian) { chunks[chunks.count - 1].append(contentsOf: $0) }
  }

  mutating func write<T: FixedWidthInteger>(_ values: [T]) {
    write(UInt32(values.count))
    var chunk: [UInt8] = []
    #if _endian(little)
      values.withUnsafeBytes { chunk = Array($0) }
    #else
      chunk.reserveCapacity(values.count * MemoryLayout<T>.size)
      for value in values { withUnsafeBytes(of: value.littleEndian) { chunk.append(contentsOf: $0) } }
    #endif
    if chunk.count < 4096 {
      chunks[chunks.count - 1].append(contentsOf: chunk)
    } else {
      chunks.append(chunk)
      chunks.append([])
    }
  }

  mutating func write(raw values: [UInt8]) {
    chunks[chunks.count - 1].append(contentsOf: values)
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
    ends = []
    write(blob)
  }
}

/// Reads what ``IndexByteWriter`` wrote, in place: arrays come back as columns over the storage,
/// not copies. Every read is bounds-checked and throws on damage.
struct IndexByteReader {
  private let storage: any IndexStorage
  private let end: Int
  private(set) var position: Int

  init(_ storage: any IndexStorage, from offset: Int) {
    self.storage = storage
    end = storage.bytes.count
    position = min(max(offset, 0), end)
  }

  var isAtEnd: Bool { position == end }

  mutating func readUInt32() throws(MatchingError) -> UInt32 {
    guard end - position >= 4 else { throw Self.damaged }
    defer { position += 4 }
    return UInt32(littleEndian: storage.bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self))
  }

  /// A count-prefixed array of `T`, as a column over the storage.
  mutating func readColumn<T: FixedWidthInteger & Sendable>(of type: T.Type = T.self) throws(MatchingError)
    -> IndexColumn<T>
  {
    let count = Int(try readUInt32())
    let size = MemoryLayout<T>.size
    guard count <= (end - position) / size else { throw Self.damaged }
    defer { position += count * size }
    return IndexColumn(storage: storage, offset: position, count: count)
  }

  mutating func readRaw(count: Int) throws(MatchingError) -> [UInt8] {
    guard count >= 0, count <= end - position else { throw Self.damaged }
    defer { position += count }
    return Array(storage.bytes[position..<(position + count)])
  }

  /// Strings as their end offsets and bytes; the offsets are checked.
  mutating func readStringColumn() throws(MatchingError) -> StringColumn {
    let ends: IndexColumn<UInt32> = try readColumn()
    let blob: IndexColumn<UInt8> = try readColumn()
    guard MatchingIndex.isMonotonic(ends, from: nil, endingAt: blob.count) else { throw Self.damaged }
    return StringColumn(ends: ends, blob: blob)
  }

  mutating func readStrings() throws(MatchingError) -> [String] {
    Array(try readStringColumn())
  }

  static let damaged = MatchingError(.corruptIndex, "the matching index is damaged; rebuild it")
}

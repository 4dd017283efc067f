/// Little-endian arrays and strings for the index's bytes, handed to a sink as they are made: small
/// values gather in a buffer, a large array goes to the sink straight from its own memory, so
/// writing an index never holds a second image of it.
struct IndexByteWriter {
  /// Bytes gathered before they are handed over: about a megabyte at a time.
  private var buffer: [UInt8] = []
  private let sink: (UnsafeRawBufferPointer) -> Void
  static let bufferSize = 1 << 20

  init(sink: @escaping (UnsafeRawBufferPointer) -> Void) {
    self.sink = sink
    buffer.reserveCapacity(Self.bufferSize)
  }

  /// Hands over what is gathered; call once at the end.
  mutating func flush() {
    guard !buffer.isEmpty else { return }
    buffer.withUnsafeBytes { sink($0) }
    buffer.removeAll(keepingCapacity: true)
  }

  mutating func write(_ value: UInt32) {
    withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) }
    if buffer.count >= Self.bufferSize { flush() }
  }

  mutating func write(byte: UInt8) {
    buffer.append(byte)
    if buffer.count >= Self.bufferSize { flush() }
  }

  /// Appends raw bytes (part of an array whose count was written).
  mutating func write(raw bytes: UnsafeRawBufferPointer) {
    if bytes.count >= Self.bufferSize / 4 {
      flush()
      sink(bytes)
      return
    }
    buffer.append(contentsOf: bytes)
    if buffer.count >= Self.bufferSize { flush() }
  }

  mutating func write(raw values: [UInt8]) {
    values.withUnsafeBytes { write(raw: $0) }
  }

  /// A count-prefixed array.
  mutating func write<T: FixedWidthInteger>(_ values: [T]) {
    write(UInt32(values.count))
    #if _endian(little)
      values.withUnsafeBytes { write(raw: $0) }
    #else
      for value in values { write(element: value) }
    #endif
  }

  /// One element of an array whose count was written.
  mutating func write<T: FixedWidthInteger>(element value: T) {
    withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) }
    if buffer.count >= Self.bufferSize { flush() }
  }

  /// Strings as one array of end offsets and one of UTF-8 bytes.
  mutating func write(strings: [String]) {
    var ends: [UInt32] = []
    ends.reserveCapacity(strings.count)
    var total = 0
    for string in strings {
      total += string.utf8.count
      ends.append(UInt32(total))
    }
    write(ends)
    ends = []
    write(UInt32(total))
    for var string in strings { string.withUTF8 { write(raw: UnsafeRawBufferPointer($0)) } }
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

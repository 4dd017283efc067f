import ClaimMatching
import ClaimModel

/// Earlier checks gathered by an update, kept as the encoded entries of a ``CheckTable`` in one
/// flat buffer (each entry its key then the check), in the order they were added. A first build
/// gathers 100,000 of them: as bytes they take a quarter of what a dictionary of ``EarlierCheck``
/// values does, and the table is written from them straight to the cache file, sorted by key,
/// without a second copy. A later check of the same key replaces an earlier one.
struct CheckList {
  private var entries = BinaryWriter(capacity: 1 << 16)
  /// Where each entry starts in ``entries``, and where its key's UTF-8 bytes start and end.
  private var starts: [UInt32] = []
  private var keyStarts: [UInt32] = []
  private var keyEnds: [UInt32] = []

  init() {}

  var isEmpty: Bool { starts.isEmpty }

  /// Adds `check`, replacing any check of the same key added before.
  mutating func add(_ check: EarlierCheck) {
    let start = entries.bytes.count
    entries.write(check.key)
    let keyLength = check.key.utf8.count
    starts.append(UInt32(start))
    keyEnds.append(UInt32(start + Self.lengthOfCount(keyLength) + keyLength))
    keyStarts.append(UInt32(start + Self.lengthOfCount(keyLength)))
    check.encode(into: &entries)
  }

  /// Adds every check of `other`, after those of this list.
  mutating func append(_ other: CheckList) {
    for check in other.checks() { add(check) }
  }

  /// The checks, decoded, in the order they were added.
  func checks() -> [EarlierCheck] {
    let bytes = entries.bytes
    var result: [EarlierCheck] = []
    result.reserveCapacity(starts.count)
    for index in starts.indices {
      var reader = BinaryReader(bytes, position: Int(starts[index]))
      guard (try? reader.readString()) != nil, let check = try? EarlierCheck.decode(from: &reader) else { continue }
      result.append(check)
    }
    return result
  }

  /// Hands the layout of the table of these checks (``CheckTable``) to `sink` a part at a time:
  /// the entries sorted by key, the last of equal keys kept.
  func encode(to sink: (UnsafeRawBufferPointer) -> Void) {
    let bytes = entries.bytes
    let order = sortedEntries(bytes)
    var offsets: [UInt8] = []
    offsets.reserveCapacity(order.count * 4 + 16)
    withUnsafeBytes(of: UInt64(order.count).littleEndian) { offsets.append(contentsOf: $0) }
    var size = 0
    for index in order {
      withUnsafeBytes(of: UInt32(size).littleEndian) { offsets.append(contentsOf: $0) }
      size += end(of: index, in: bytes) - Int(starts[index])
    }
    withUnsafeBytes(of: UInt64(size).littleEndian) { offsets.append(contentsOf: $0) }
    offsets.withUnsafeBytes { sink($0) }
    offsets = []
    var buffer: [UInt8] = []
    buffer.reserveCapacity(1 << 20)
    bytes.withUnsafeBytes { raw in
      for index in order {
        buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[Int(starts[index])..<end(of: index, in: bytes)]))
        if buffer.count >= 1 << 20 {
          buffer.withUnsafeBytes { sink($0) }
          buffer.removeAll(keepingCapacity: true)
        }
      }
    }
    if !buffer.isEmpty { buffer.withUnsafeBytes { sink($0) } }
  }

  /// The table of these checks, in memory.
  var table: CheckTable {
    var bytes: [UInt8] = []
    encode { bytes.append(contentsOf: $0) }
    return CheckTable(encoded: bytes)
  }

  private func end(of index: Int, in bytes: [UInt8]) -> Int {
    index + 1 < starts.count ? Int(starts[index + 1]) : bytes.count
  }

  /// The entries' positions sorted by key (UTF-8 bytes), each key once: the last added.
  private func sortedEntries(_ bytes: [UInt8]) -> [Int] {
    var order = Array(starts.indices)
    bytes.withUnsafeBytes { raw in
      func key(_ index: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: raw[Int(keyStarts[index])..<Int(keyEnds[index])])
      }
      // Equal keys in the order added, so the last of a run is the one to keep.
      order.sort { first, second in
        let (left, right) = (key(first), key(second))
        if left.elementsEqual(right) { return first < second }
        return left.lexicographicallyPrecedes(right)
      }
      var kept: [Int] = []
      kept.reserveCapacity(order.count)
      for (position, index) in order.enumerated() {
        if position + 1 < order.count, key(order[position + 1]).elementsEqual(key(index)) { continue }
        kept.append(index)
      }
      order = kept
    }
    return order
  }

  /// How many bytes ``BinaryWriter`` writes a non-negative count in (zig-zag LEB128).
  private static func lengthOfCount(_ value: Int) -> Int {
    var encoded = UInt64(value) << 1
    var length = 1
    while encoded >= 0x80 {
      encoded >>= 7
      length += 1
    }
    return length
  }
}

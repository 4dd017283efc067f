import ClaimMatching
import ClaimModel

/// The earlier checks of the matching index by key, as the cache stores them: entries sorted by
/// key, each found by a binary search over a table of offsets and decoded only when asked for, so
/// a warm `claims match` decodes the handful of checks it shows, not a million. Read in place from
/// an ``IndexStorage`` (the mapped `base.bin`, or a copy of `delta.bin`): opening it copies nothing.
///
/// Layout: the entry count (8 bytes, little-endian), one `UInt32` start offset per entry, the size
/// of the entries (8 bytes), then the entries, each its key then the check
/// (``EarlierCheck/encode(into:)``).
struct CheckTable: Sendable {
  private let storage: any IndexStorage
  private let offsetsStart: Int
  let count: Int
  private let entriesStart: Int
  private let entriesSize: Int

  /// The table whose layout starts at `offset` of `storage`, and where it ends.
  /// - Throws: `BinaryReader.Corrupt` when it runs past the storage or its offsets do.
  static func decode(from storage: any IndexStorage, at offset: Int) throws(BinaryReader.Corrupt) -> (
    table: CheckTable, end: Int
  ) {
    let bytes = storage.bytes
    func word64(_ at: Int) throws(BinaryReader.Corrupt) -> Int {
      guard at >= 0, at <= bytes.count - 8 else { throw BinaryReader.Corrupt() }
      let value = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
      guard value < UInt64(Int32.max) * 4 else { throw BinaryReader.Corrupt() }
      return Int(value)
    }
    let count = try word64(offset)
    guard count <= (bytes.count - offset - 8) / 4 else { throw BinaryReader.Corrupt() }
    let offsetsStart = offset + 8
    let size = try word64(offsetsStart + 4 * count)
    let entriesStart = offsetsStart + 4 * count + 8
    guard size <= bytes.count - entriesStart else { throw BinaryReader.Corrupt() }
    let table = CheckTable(
      storage: storage, offsetsStart: offsetsStart, count: count, entriesStart: entriesStart, entriesSize: size)
    var previous = 0
    for index in 0..<count {
      let start = table.offset(index)
      guard start >= previous, start < max(size, 1) else { throw BinaryReader.Corrupt() }
      previous = start
    }
    return (table, entriesStart + size)
  }

  private init(storage: any IndexStorage, offsetsStart: Int, count: Int, entriesStart: Int, entriesSize: Int) {
    self.storage = storage
    self.offsetsStart = offsetsStart
    self.count = count
    self.entriesStart = entriesStart
    self.entriesSize = entriesSize
  }

  /// A table of `checks`, in memory.
  init(_ checks: [String: EarlierCheck]) {
    var list = CheckList()
    for check in checks.values { list.add(check) }
    self = list.table
  }

  /// The table whose layout is `bytes` (as ``CheckList/encode(to:)`` writes it), in memory.
  init(encoded bytes: [UInt8]) {
    // The layout was just written; it always reads back.
    let decoded = try? Self.decode(from: OwnedIndexStorage(copying: bytes), at: 0)
    self =
      decoded?.table
      ?? CheckTable(
        storage: OwnedIndexStorage(copying: []), offsetsStart: 0, count: 0, entriesStart: 0, entriesSize: 0)
  }

  /// The check of `key`, or nil.
  func check(_ key: String) -> EarlierCheck? {
    let wanted = Array(key.utf8)
    var low = 0
    var high = count
    while low < high {
      let middle = (low + high) / 2
      var reader = BinaryReader(entry(middle))
      guard let found = try? reader.readString() else { return nil }
      if found.utf8.elementsEqual(wanted) { return try? EarlierCheck.decode(from: &reader) }
      if found.utf8.lexicographicallyPrecedes(wanted) { low = middle + 1 } else { high = middle }
    }
    return nil
  }

  /// Every check, by key (to update the table).
  func all() -> [String: EarlierCheck] {
    var result: [String: EarlierCheck] = [:]
    result.reserveCapacity(count)
    for index in 0..<count {
      var reader = BinaryReader(entry(index))
      guard let key = try? reader.readString(), let check = try? EarlierCheck.decode(from: &reader) else { continue }
      result[key] = check
    }
    return result
  }

  /// Writes this table's layout.
  func encode(into writer: inout BinaryWriter) {
    let bytes = storage.bytes
    writer.write(raw: Array(bytes[(offsetsStart - 8)..<(entriesStart + entriesSize)]))
  }

  private func offset(_ index: Int) -> Int {
    Int(UInt32(littleEndian: storage.bytes.loadUnaligned(fromByteOffset: offsetsStart + 4 * index, as: UInt32.self)))
  }

  /// The bytes of entry `index` (a copy of a hundred-odd bytes).
  private func entry(_ index: Int) -> [UInt8] {
    let start = offset(index)
    let end = index + 1 < count ? offset(index + 1) : entriesSize
    return Array(storage.bytes[(entriesStart + start)..<(entriesStart + end)])
  }
}

import ClaimModel

/// The earlier checks of the matching index by key, as the cache stores them: entries sorted by
/// key, each found by a binary search over a table of offsets, and decoded only when asked for, so
/// a warm `claims match` decodes the handful of checks it shows, not 100,000.
struct CheckTable: Sendable {
  /// Little-endian `UInt32` start offsets into ``entries``, one per entry, in key order.
  private let offsets: [UInt32]
  /// Each entry: its key, then the check (``EarlierCheck/encode(into:)``).
  private let entries: [UInt8]

  init(offsets: [UInt32], entries: [UInt8]) {
    self.offsets = offsets
    self.entries = entries
  }

  /// A table of `checks`.
  init(_ checks: [String: EarlierCheck]) {
    let keys = checks.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    var writer = BinaryWriter(capacity: checks.count * 160)
    var offsets: [UInt32] = []
    offsets.reserveCapacity(keys.count)
    for key in keys {
      guard let check = checks[key] else { continue }
      offsets.append(UInt32(writer.bytes.count))
      writer.write(key)
      check.encode(into: &writer)
    }
    self.init(offsets: offsets, entries: writer.bytes)
  }

  var count: Int { offsets.count }

  /// The check of `key`, or nil.
  func check(_ key: String) -> EarlierCheck? {
    let wanted = Array(key.utf8)
    var low = 0
    var high = offsets.count
    while low < high {
      let middle = (low + high) / 2
      var reader = BinaryReader(entries, position: Int(offsets[middle]))
      guard let found = try? reader.readString() else { return nil }
      if found.utf8.elementsEqual(wanted) { return try? EarlierCheck.decode(from: &reader) }
      if found.utf8.lexicographicallyPrecedes(wanted) { low = middle + 1 } else { high = middle }
    }
    return nil
  }

  /// Every check, by key (to update the table).
  func all() -> [String: EarlierCheck] {
    var result: [String: EarlierCheck] = [:]
    result.reserveCapacity(offsets.count)
    for offset in offsets {
      var reader = BinaryReader(entries, position: Int(offset))
      guard let key = try? reader.readString(), let check = try? EarlierCheck.decode(from: &reader) else { continue }
      result[key] = check
    }
    return result
  }

  func encode(into writer: inout BinaryWriter) {
    writer.write(offsets.count)
    var raw: [UInt8] = []
    raw.reserveCapacity(offsets.count * 4)
    for offset in offsets { withUnsafeBytes(of: offset.littleEndian) { raw.append(contentsOf: $0) } }
    writer.write(raw: raw)
    writer.write(entries.count)
    writer.write(raw: entries)
  }

  static func decode(from reader: inout BinaryReader) throws(BinaryReader.Corrupt) -> CheckTable {
    let count = try reader.readCount()
    let raw = try reader.readRaw(count: count * 4)
    var offsets = [UInt32](repeating: 0, count: count)
    for index in 0..<count {
      var value: UInt32 = 0
      for byte in 0..<4 { value |= UInt32(raw[index * 4 + byte]) << (8 * byte) }
      offsets[index] = value
    }
    // Not readCount: inlined here from ClaimModel, its bound check refused this size in release
    // builds (a 22 MB table); readRaw checks the bounds itself.
    let size = try reader.readInt()
    guard size >= 0 else { throw BinaryReader.Corrupt() }
    let entries = try reader.readRaw(count: size)
    for offset in offsets where Int(offset) >= max(entries.count, 1) { throw BinaryReader.Corrupt() }
    return CheckTable(offsets: offsets, entries: entries)
  }
}

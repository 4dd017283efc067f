import ClaimModel
import Git

/// Which source every claim id belongs to, so that a claim named by an id prefix is found without
/// listing every source's directory. Kept in `<git-dir>/claims-cache/v2/claim-index.bin` for one
/// `Claims/` tree at a time; imports change that tree and so rebuild the index, reviews do not.
struct ClaimIndex {
  private static let magic = Array("CLMI".utf8)
  private static let version: UInt8 = 2

  /// Ids as 40-bit numbers, sorted, with the index of their source in ``sources``.
  private var ids: [UInt64] = []
  private var sourceIndices: [Int] = []
  private var sources: [SourceID] = []

  /// The index of `snapshot`'s `Claims/` tree: from the cache, or built and cached.
  init(snapshot: LedgerSnapshot, cacheDirectory: String) {
    guard let claimsTree = snapshot.treeID(ofDirectory: LedgerPaths.claims) else { return }
    let path = "\(cacheDirectory)/claim-index.bin"
    if let bytes = FileSystem.readFile(at: path, limit: 1 << 30), let loaded = Self.decode(bytes, tree: claimsTree) {
      self = loaded
      return
    }
    var pairs: [(UInt64, Int)] = []
    for source in snapshot.sourceIDs() {
      let sourceIndex = sources.count
      sources.append(source)
      for entry in snapshot.entries(ofDirectory: LedgerPaths.claimDirectory(source)) {
        if let id = LedgerPaths.claimID(fromFileName: entry.name), let number = UInt64(id.rawValue, radix: 16) {
          pairs.append((number, sourceIndex))
        }
      }
    }
    pairs.sort { $0.0 < $1.0 }
    ids = pairs.map(\.0)
    sourceIndices = pairs.map(\.1)
    let gitDirectory = String(cacheDirectory.dropLast("/claims-cache/v2".count))
    if (try? FileSystem.makeDirectories("claims-cache/v2", under: gitDirectory)) != nil {
      try? FileSystem.writeAtomically(encode(tree: claimsTree), to: path)
    }
  }

  private init() {}

  /// Every claim id in the ledger, with its source.
  var all: [(id: ClaimID, source: SourceID)] {
    zip(ids, sourceIndices).compactMap { number, source in
      var hex = String(number, radix: 16)
      hex = String(repeating: "0", count: ClaimID.length - hex.count) + hex
      return ClaimID(hex).map { ($0, sources[source]) }
    }
  }

  /// Every claim whose id starts with the hexadecimal `prefix`.
  func matches(prefix: String) -> [(id: ClaimID, source: SourceID)] {
    guard ClaimID.isPlausiblePrefix(prefix), let value = UInt64(prefix, radix: 16) else { return [] }
    let shift = UInt64(4 * (ClaimID.length - prefix.count))
    let lower = value << shift
    let upper = (value + 1) << shift
    var low = 0
    var high = ids.count
    while low < high {
      let middle = (low + high) / 2
      if ids[middle] < lower { low = middle + 1 } else { high = middle }
    }
    var result: [(id: ClaimID, source: SourceID)] = []
    var position = low
    while position < ids.count, ids[position] < upper {
      var hex = String(ids[position], radix: 16)
      hex = String(repeating: "0", count: ClaimID.length - hex.count) + hex
      if let id = ClaimID(hex) { result.append((id, sources[sourceIndices[position]])) }
      position += 1
    }
    return result
  }

  private func encode(tree: ObjectID) -> [UInt8] {
    var writer = BinaryWriter(capacity: ids.count * 8 + 1024)
    writer.write(raw: Self.magic)
    writer.write(raw: [Self.version])
    writer.write(raw: tree.bytes)
    writer.write(sources.count)
    for source in sources { writer.write(source.rawValue) }
    writer.write(ids.count)
    var previous: UInt64 = 0
    for (id, source) in zip(ids, sourceIndices) {
      // Sorted ids are stored as gaps, which are small.
      writer.write(Int(id - previous))
      previous = id
      writer.write(source)
    }
    return writer.bytes
  }

  private static func decode(_ bytes: [UInt8], tree: ObjectID) -> ClaimIndex? {
    guard bytes.count > 25, Array(bytes[0..<4]) == magic, bytes[4] == version,
      ObjectID(bytes: Array(bytes[5..<25])) == tree
    else { return nil }
    var reader = BinaryReader(bytes, position: 25)
    var index = ClaimIndex()
    do {
      for _ in 0..<(try reader.readCount()) { index.sources.append(try reader.readSourceID()) }
      let count = try reader.readCount()
      index.ids.reserveCapacity(count)
      index.sourceIndices.reserveCapacity(count)
      var previous: UInt64 = 0
      for _ in 0..<count {
        let gap = try reader.readInt()
        let source = try reader.readInt()
        guard gap >= 0, source >= 0, source < index.sources.count else { return nil }
        previous += UInt64(gap)
        index.ids.append(previous)
        index.sourceIndices.append(source)
      }
      return reader.isAtEnd ? index : nil
    } catch {
      return nil
    }
  }
}

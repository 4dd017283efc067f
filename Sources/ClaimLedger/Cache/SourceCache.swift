import ClaimModel
import Git

#if canImport(Glibc)
  import Glibc
#endif

/// Parsed records of each source, kept under `<git-dir>/claims-cache/v2/` and keyed by the ids of
/// the source's trees. A source nobody touched keeps its tree ids, so after one review only that
/// source is read from git again.
///
/// Sources are spread over 256 shard files (``CacheShard``), each stamped with the schema version and
/// build (``CacheStamp``) and ending with a checksum of the rest (``CacheChecksum``). The cache is
/// always safe to delete: a missing, stale, truncated or damaged shard, or one another build wrote,
/// is simply rebuilt.
final class SourceCache {
  /// Schema 6: a checksum at the end of each shard (5: 256 shards and citations with archives).
  private static let stamp = CacheStamp(magic: "CLMC", schemaVersion: 6)
  /// 256 shards: a ledger of a million claims in 20,000 sources has shards of 2 MB, of which a
  /// command about one claim reads one (with 64, 8 MB).
  static let shardCount = 256

  /// One source's entry in a shard: its key and its encoded records, decoded only when asked for.
  private struct Entry {
    var key: SourceKey
    var payload: ArraySlice<UInt8>
  }

  let directory: CacheDirectory
  private var shards: [Int: [String: Entry]] = [:]
  private var dirtyShards: Set<Int> = []

  init(directory: CacheDirectory) {
    self.directory = directory
  }

  static func shard(of source: SourceID) -> Int { CacheShard.index(of: source.rawValue, count: shardCount) }

  private func path(ofShard shard: Int) -> String { directory.path(of: CacheShard.fileName(shard)) }

  private func entries(ofShard shard: Int) -> [String: Entry] {
    if let loaded = shards[shard] { return loaded }
    var entries: [String: Entry] = [:]
    if var bytes = FileSystem.readFile(at: path(ofShard: shard), limit: 1 << 31),
      let start = Self.stamp.contentStart(in: bytes), bytes.count >= start + 8,
      CacheChecksum.of(bytes[..<(bytes.count - 8)]) == Self.trailer(bytes)
    {
      bytes.removeLast(8)
      var reader = BinaryReader(bytes, position: start)
      do {
        while !reader.isAtEnd {
          let source = try reader.readString()
          let key = try Self.readKey(&reader)
          let length = try reader.readCount()
          let start = reader.position
          try reader.skip(length)
          entries[source] = Entry(key: key, payload: bytes[start..<start + length])
        }
      } catch {
        entries = [:]
      }
    }
    shards[shard] = entries
    return entries
  }

  /// The records cached for `source` under `key`, or nil.
  func read(_ source: SourceID, key: SourceKey) -> SourceRecords? {
    payload(of: source, key: key).flatMap(Self.decode)
  }

  /// The encoded records cached for `source` under `key`, or nil; ``decode(_:)`` reads them, on
  /// any thread.
  func payload(of source: SourceID, key: SourceKey) -> ArraySlice<UInt8>? {
    guard let entry = entries(ofShard: Self.shard(of: source))[source.rawValue], entry.key == key else { return nil }
    return entry.payload
  }

  /// Records from their encoded form; nil when it is damaged.
  static func decode(_ payload: ArraySlice<UInt8>) -> SourceRecords? {
    var reader = BinaryReader(Array(payload))
    do {
      var records = SourceRecords()
      let claimCount = try reader.readCount()
      records.claims.reserveCapacity(claimCount)
      for _ in 0..<claimCount { records.claims.append(try reader.readClaim()) }
      for _ in 0..<(try reader.readCount()) {
        let review = try reader.readReview()
        records.reviews[review.claim, default: []].append(review)
      }
      for _ in 0..<(try reader.readCount()) {
        let assignment = try reader.readAssignment()
        records.assignments[assignment.claim] = assignment
      }
      for _ in 0..<(try reader.readCount()) { records.problems.append(try reader.readProblem()) }
      guard reader.isAtEnd else { return nil }
      return records
    } catch {
      return nil
    }
  }

  /// Remembers `records` for `source` under `key`; ``flush()`` writes them out.
  func store(_ source: SourceID, key: SourceKey, records: SourceRecords) {
    store(source, key: key, payload: Self.encode(records))
  }

  /// Remembers records already encoded by ``encode(_:)``.
  func store(_ source: SourceID, key: SourceKey, payload: [UInt8]) {
    let shard = Self.shard(of: source)
    var entries = entries(ofShard: shard)
    entries[source.rawValue] = Entry(key: key, payload: payload[...])
    shards[shard] = entries
    dirtyShards.insert(shard)
  }

  /// The encoded form of `records`; pure, so worker threads can encode what they read.
  static func encode(_ records: SourceRecords) -> [UInt8] {
    var writer = BinaryWriter(capacity: 32 * 1024)
    writer.write(records.claims.count)
    for claim in records.claims { writer.write(claim) }
    let reviews = records.reviews.keys.sorted().flatMap { records.reviews[$0] ?? [] }
    writer.write(reviews.count)
    for review in reviews { writer.write(review) }
    writer.write(records.assignments.count)
    for id in records.assignments.keys.sorted() {
      if let assignment = records.assignments[id] { writer.write(assignment) }
    }
    writer.write(records.problems.count)
    for problem in records.problems { writer.write(problem) }
    return writer.bytes
  }

  /// Writes the shards that changed; failures (a read-only repository) cost only speed.
  func flush() {
    guard !dirtyShards.isEmpty else { return }
    guard directory.prepare() else { return }
    for shard in dirtyShards.sorted() {
      var writer = BinaryWriter(capacity: 1 << 20)
      writer.write(raw: Self.stamp.header)
      for (source, entry) in (shards[shard] ?? [:]).sorted(by: { $0.key < $1.key }) {
        writer.write(source)
        for id in [entry.key.claims, entry.key.reviews, entry.key.assignments] {
          writer.write(id != nil)
          if let id { writer.write(raw: id.bytes) }
        }
        writer.write(entry.payload.count)
        writer.write(raw: Array(entry.payload))
      }
      var checksum = CacheChecksum.of(writer.bytes)
      for _ in 0..<8 {
        writer.write(raw: [UInt8(truncatingIfNeeded: checksum)])
        checksum >>= 8
      }
      try? FileSystem.writeAtomically(writer.bytes, to: path(ofShard: shard))
      // Read again if asked for: a cold read of a large ledger must not keep every shard it wrote.
      shards[shard] = nil
    }
    dirtyShards.removeAll()
  }

  /// The checksum in a shard's last eight bytes (little-endian).
  private static func trailer(_ bytes: [UInt8]) -> UInt64 {
    bytes[(bytes.count - 8)...].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
  }

  private static func readKey(_ reader: inout BinaryReader) throws(BinaryReader.Corrupt) -> SourceKey {
    var ids: [ObjectID?] = []
    for _ in 0..<3 {
      if try reader.readBool() {
        guard let id = ObjectID(bytes: try reader.readRaw(count: 20)) else { throw BinaryReader.Corrupt() }
        ids.append(id)
      } else {
        ids.append(nil)
      }
    }
    return SourceKey(claims: ids[0], reviews: ids[1], assignments: ids[2])
  }
}

@available(*, unavailable)
extension SourceCache: Sendable {}

import ClaimModel
import Git

#if canImport(Glibc)
  import Glibc
#endif

/// Parsed records of each source, kept under `<git-dir>/claims-cache/v2/` and keyed by the ids of
/// the source's trees. A source nobody touched keeps its tree ids, so after one review only that
/// source is read from git again.
///
/// Sources are spread over 64 shard files: one file per source made a cold read of a large ledger
/// spend more time creating files than reading git, and one file for everything would be rewritten
/// whole after every review. The cache is always safe to delete: a missing, stale, truncated or
/// corrupt shard is simply rebuilt.
final class SourceCache {
  private static let magic = Array("CLMC".utf8)
  private static let version: UInt8 = 4
  static let shardCount = 64

  /// One source's entry in a shard: its key and its encoded records, decoded only when asked for.
  private struct Entry {
    var key: SourceKey
    var payload: ArraySlice<UInt8>
  }

  let directory: String
  private var shards: [Int: [String: Entry]] = [:]
  private var dirtyShards: Set<Int> = []

  init(gitDirectory: String) {
    directory = "\(gitDirectory)/claims-cache/v2"
  }

  static func shard(of source: SourceID) -> Int {
    var hash: UInt32 = 2_166_136_261
    for byte in source.rawValue.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
    return Int(hash % UInt32(shardCount))
  }

  private func path(ofShard shard: Int) -> String { "\(directory)/shard-\(shard).bin" }

  private func entries(ofShard shard: Int) -> [String: Entry] {
    if let loaded = shards[shard] { return loaded }
    var entries: [String: Entry] = [:]
    if let bytes = FileSystem.readFile(at: path(ofShard: shard), limit: 1 << 31), bytes.count > 5,
      Array(bytes[0..<4]) == Self.magic, bytes[4] == Self.version
    {
      var reader = BinaryReader(bytes, position: 5)
      do {
        while !reader.isAtEnd {
          let source = try reader.readString()
          let key = try Self.readKey(&reader)
          let length = try reader.readCount()
          let start = reader.position
          _ = try reader.readRaw(count: length)
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
    let gitDirectory = String(directory.dropLast("/claims-cache/v2".count))
    guard (try? FileSystem.makeDirectories("claims-cache/v2", under: gitDirectory)) != nil else { return }
    for shard in dirtyShards.sorted() {
      var writer = BinaryWriter(capacity: 1 << 20)
      writer.write(raw: Self.magic)
      writer.write(raw: [Self.version])
      for (source, entry) in (shards[shard] ?? [:]).sorted(by: { $0.key < $1.key }) {
        writer.write(source)
        for id in [entry.key.claims, entry.key.reviews, entry.key.assignments] {
          writer.write(id != nil)
          if let id { writer.write(raw: id.bytes) }
        }
        writer.write(entry.payload.count)
        writer.write(raw: Array(entry.payload))
      }
      try? FileSystem.writeAtomically(writer.bytes, to: path(ofShard: shard))
    }
    dirtyShards.removeAll()
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

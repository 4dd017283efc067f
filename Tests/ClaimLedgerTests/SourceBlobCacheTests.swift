import ClaimLedger
import ClaimModel
import Foundation
import Testing

@Suite struct SourceBlobCacheTests {
  @Test func partsComeBackOnlyUnderTheirKeyAndWhole() throws {
    let fixture = try LedgerFixture()
    try fixture.importText("One claim here.\n\nAnother claim there.", as: "storm")
    let snapshot = try fixture.ledger.snapshot()
    let storm = try #require(SourceID("storm"))
    let other = try #require(SourceID("other"))
    let key = snapshot.fingerprint(of: storm) + [1]
    let parts: [[UInt8]] = [Array("first part".utf8), [], Array(repeating: 7, count: 100_000)]

    let writer = SourceBlobCache(snapshot: snapshot, name: "test", shardCount: 4)
    #expect(writer.entry(of: storm, key: key) == nil)
    writer.store(parts, for: storm, key: key)
    writer.store([[1, 2, 3]], for: other, key: [9])
    writer.flush()

    let reader = SourceBlobCache(snapshot: snapshot, name: "test", shardCount: 4)
    let entry = try #require(reader.entry(of: storm, key: key))
    #expect(entry.partLengths == parts.map(\.count))
    #expect(parts.indices.map { reader.read(entry, part: $0) } == parts)
    #expect(reader.read(entry, part: 3) == nil)
    #expect(reader.entry(of: storm, key: key + [2]) == nil)
    let otherEntry = try #require(reader.entry(of: other, key: [9]))
    #expect(reader.read(otherEntry, part: 0) == [1, 2, 3])

    // A changed byte in a part is found by its checksum.
    let directory = fixture.path + "/.git/claims-cache/v2/test"
    for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
      let url = URL(fileURLWithPath: "\(directory)/\(name)")
      var bytes = try Data(contentsOf: url)
      if bytes.count > 100_000 {
        bytes[bytes.count - 1] ^= 1
        try bytes.write(to: url)
      }
    }
    let damaged = SourceBlobCache(snapshot: snapshot, name: "test", shardCount: 4)
    let damagedEntry = try #require(damaged.entry(of: storm, key: key))
    #expect(damaged.read(damagedEntry, part: 0) == parts[0])
    #expect(damaged.read(damagedEntry, part: 2) == nil)
  }

  /// A report keeps the entries of the sources it did not recompute while it stores the others;
  /// storing rewrites their shard, and those entries still read their parts (they located them in
  /// the file that was replaced, and re-rendered every such source before).
  @Test func anEntryReadBeforeItsShardIsRewrittenStillReadsItsParts() throws {
    let fixture = try LedgerFixture()
    try fixture.importText("One claim here.", as: "storm")
    let snapshot = try fixture.ledger.snapshot()
    let kept = try #require(SourceID("kept"))
    let changed = try #require(SourceID("changed"))
    let writer = SourceBlobCache(snapshot: snapshot, name: "test", shardCount: 1)
    writer.store([Array("kept part".utf8)], for: kept, key: [1])
    writer.store([Array("old".utf8)], for: changed, key: [1])
    writer.flush()

    let cache = SourceBlobCache(snapshot: snapshot, name: "test", shardCount: 1)
    let entry = try #require(cache.entry(of: kept, key: [1]))
    // The changed source's new part is longer: the kept one moves in the new file.
    cache.store([Array(repeating: 9, count: 5_000)], for: changed, key: [2])
    cache.flush()
    #expect(cache.read(entry, part: 0) == Array("kept part".utf8))
    #expect(cache.readAll(entry) == [Array("kept part".utf8)])
    let fresh = try #require(cache.entry(of: changed, key: [2]))
    #expect(cache.read(fresh, part: 0) == Array(repeating: 9, count: 5_000))
  }
}

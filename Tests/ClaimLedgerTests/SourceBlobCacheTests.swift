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
}

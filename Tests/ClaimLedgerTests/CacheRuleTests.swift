import ClaimLedger
import ClaimModel
import Foundation
import Testing

/// The one rule every derived-data cache follows (``CacheStamp``): a cache file is read only by the
/// build and schema that wrote it. Each test first shows that the cache is really read (a value
/// changed in the file comes back), then that the same file stamped by another build is not.
@Suite struct CacheRuleTests {
  @Test func recordCacheWrittenByAnotherBuildIsNotRead() throws {
    let fixture = try LedgerFixture()
    try fixture.importText("The bridge cost ORIGINAL dollars.", as: "storm")
    let storm = try #require(SourceID("storm"))
    #expect(try fixture.ledger.snapshot().claims(of: storm).first?.text.contains("ORIGINAL") == true)
    let shard = try #require(try cacheFiles(of: fixture).first { try Data(contentsOf: $0).contains("ORIGINAL") })

    // A changed byte is caught by the shard's checksum...
    try replace("ORIGINAL", with: "TAMPERED", in: shard)
    #expect(try fixture.ledger.snapshot().claims(of: storm).first?.text.contains("ORIGINAL") == true)
    // ...and, with the checksum made right, served: the cache is what is read.
    try replace("ORIGINAL", with: "TAMPERED", in: shard)
    try resealChecksum(shard)
    #expect(try fixture.ledger.snapshot().claims(of: storm).first?.text.contains("TAMPERED") == true)

    try stampWithAnotherBuild(shard)
    try resealChecksum(shard)
    #expect(try fixture.ledger.snapshot().claims(of: storm).first?.text.contains("ORIGINAL") == true)
  }

  @Test func historyCacheWrittenByAnotherBuildIsNotRead() throws {
    let fixture = try LedgerFixture()
    try fixture.importText("The bridge cost four million dollars.", as: "storm")
    let subject = try #require(try fixture.ledger.history().first?.subject)
    let history = try #require(try cacheFiles(of: fixture).first { $0.lastPathComponent == "history.bin" })
    let changed = String(subject.reversed())

    try replace(subject, with: changed, in: history)
    #expect(try fixture.ledger.history().first?.subject == changed)

    try stampWithAnotherBuild(history)
    #expect(try fixture.ledger.history().first?.subject == subject)
  }

  @Test func claimIndexWrittenByAnotherBuildIsNotRead() throws {
    let fixture = try LedgerFixture()
    try fixture.importText("The bridge cost four million dollars.", as: "storm")
    func sourceNamedByIndex() throws -> String? {
      try fixture.ledger.snapshot().claimLocations().first?.source.rawValue
    }
    #expect(try sourceNamedByIndex() == "storm")
    let index = try #require(try cacheFiles(of: fixture).first { $0.lastPathComponent == "claim-index.bin" })

    try replace("storm", with: "storx", in: index)
    #expect(try sourceNamedByIndex() == "storx")

    try stampWithAnotherBuild(index)
    #expect(try sourceNamedByIndex() == "storm")
  }

  // MARK: Helpers

  private func cacheFiles(of fixture: LedgerFixture) throws -> [URL] {
    let root = URL(fileURLWithPath: fixture.path + "/.git/claims-cache/v2")
    let found = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
    return (found?.allObjects as? [URL] ?? []).filter { !$0.hasDirectoryPath }
  }

  private func replace(_ old: String, with new: String, in file: URL) throws {
    var bytes = try Data(contentsOf: file)
    let range = try #require(bytes.range(of: Data(old.utf8)))
    bytes.replaceSubrange(range, with: Data(new.utf8))
    try bytes.write(to: file)
  }

  /// Writes the record cache shard's trailing checksum for its contents as they are now.
  private func resealChecksum(_ file: URL) throws {
    var bytes = try Data(contentsOf: file)
    var checksum = CacheChecksum.of(Array(bytes.dropLast(8)))
    for index in (bytes.count - 8)..<bytes.count {
      bytes[index] = UInt8(truncatingIfNeeded: checksum)
      checksum >>= 8
    }
    try bytes.write(to: file)
  }

  /// Changes the build identity in the file's stamp: magic (4 bytes), schema (1), the identity's
  /// length (1), then the identity.
  private func stampWithAnotherBuild(_ file: URL) throws {
    var bytes = try Data(contentsOf: file)
    try #require(bytes.count > 6 && bytes[5] > 0, "this build has no identity to change")
    bytes[6] ^= 0xFF
    try bytes.write(to: file)
  }
}

extension Data {
  fileprivate func contains(_ text: String) -> Bool { range(of: Data(text.utf8)) != nil }
}

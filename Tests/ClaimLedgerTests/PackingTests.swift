import ClaimModel
import Foundation
import Git
import TestSupport
import Testing

@testable import ClaimLedger

/// Packing the ledger's objects (`claims pack`, and on its own after writes past git's `gc --auto`
/// limits): loose objects and small packs become one pack, and no object is lost.
@Suite struct PackingTests {
  /// Every object the repository holds, as `git cat-file --batch-all-objects` lists it (the oracle).
  private func allObjects(_ fixture: LedgerFixture) throws -> Set<String> {
    Set(
      try fixture.git("cat-file", "--batch-all-objects", "--batch-check=%(objectname)").split(separator: "\n").map(
        String.init))
  }

  private func looseCount(_ fixture: LedgerFixture) throws -> Int {
    let counts = try fixture.git("count-objects", "-v")
    let line = counts.split(separator: "\n").first { $0.hasPrefix("count: ") } ?? "count: -1"
    return Int(line.dropFirst("count: ".count)) ?? -1
  }

  private func packCount(_ fixture: LedgerFixture) throws -> Int {
    try fixture.git("count-objects", "-v").split(separator: "\n").first { $0.hasPrefix("packs: ") }
      .flatMap { Int($0.dropFirst("packs: ".count)) } ?? -1
  }

  private func verdicts(_ fixture: LedgerFixture, _ count: Int) throws {
    let ids = try fixture.ledger.snapshot().claims(of: try Fixtures.source("storm")).map(\.id.rawValue)
    for step in 0..<count {
      _ = try fixture.ledger.record(
        .verdict(step % 2 == 0 ? "supported" : "refuted", note: "step \(step) \(UUID().uuidString)"),
        on: ids[step % ids.count],
        by: try Fixtures.identity("Ann <ann@example.org>"), at: fixture.time)
    }
  }

  @Test func packingKeepsEveryObjectReachableOrNot() throws {
    let fixture = try LedgerFixture()
    try fixture.importText("The storm reached the coast on Monday. Rain fell for days.\n", as: "storm")
    try fixture.git("config", "gc.auto", "0")
    try verdicts(fixture, 6)
    // An object nothing points at: packing is not pruning.
    let orphan = try Repository(openingAt: fixture.path).writeBlob(Array("nobody's\n".utf8))
    try fixture.git("repack", "-q")
    try verdicts(fixture, 3)
    let before = try allObjects(fixture)
    #expect(before.contains(orphan.hex))
    #expect(try looseCount(fixture) > 0)
    #expect(try packCount(fixture) == 1)
    let result = try fixture.ledger.packObjects()
    #expect(result.looseObjectsPacked > 0)
    #expect(result.looseObjectsAfter == 0)
    #expect(try looseCount(fixture) == 0)
    #expect(try allObjects(fixture) == before)
    #expect(try fixture.git("fsck", "--strict", "--no-dangling").isEmpty)
    #expect(try fixture.ledger.check().problems.isEmpty)
    // Once more: nothing left to do.
    #expect(try fixture.ledger.packObjects().objectsInNewPack == 0)
  }

  @Test func writesPackOnTheirOwnPastGitsLimits() throws {
    let fixture = try LedgerFixture()
    try fixture.importText("The storm reached the coast on Monday. Rain fell for days.\n", as: "storm")
    try fixture.git("repack", "-q")
    try verdicts(fixture, 2)
    try fixture.git("repack", "-q")
    try verdicts(fixture, 2)
    try fixture.git("repack", "-q")
    #expect(try packCount(fixture) == 3)
    let before = try allObjects(fixture)
    try fixture.git("config", "gc.autoPackLimit", "2")
    try verdicts(fixture, 1)
    #expect(try looseCount(fixture) == 0)
    #expect(try packCount(fixture) < 3)
    #expect(try allObjects(fixture).isSuperset(of: before))
    #expect(try fixture.git("fsck", "--strict", "--no-dangling").isEmpty)
    // gc.auto = 0 turns it off, as for git.
    try fixture.git("config", "gc.auto", "0")
    try verdicts(fixture, 1)
    #expect(try looseCount(fixture) > 0)
  }

  @Test func packingRemovesWhatKilledPackWritersLeftAnHourAgo() throws {
    let fixture = try LedgerFixture()
    try fixture.importText("The storm reached the coast on Monday. Rain fell for days.\n", as: "storm")
    try fixture.git("config", "gc.auto", "0")
    try fixture.git("repack", "-q")
    let folder = "\(fixture.path)/.git/objects/pack"
    // What a writer killed inside libgit2's indexer leaves: its temporary pack, its index's lock, an
    // index named before its pack was.
    let old = [
      "pack_git2_0123456789abcdef", "pack_git2_0123456789abidx.lock", "pack-\(String(repeating: "ab", count: 20)).idx",
    ]
    let fresh = "pack_git2_fedcba9876543210"
    for name in old + [fresh] { try Data("x".utf8).write(to: URL(fileURLWithPath: "\(folder)/\(name)")) }
    for name in old {
      try FileManager.default.setAttributes(
        [.modificationDate: Date(timeIntervalSinceNow: -7_200)], ofItemAtPath: "\(folder)/\(name)")
    }
    #expect(ObjectStore(gitDirectory: "\(fixture.path)/.git").packCount == 1)
    let before = try allObjects(fixture)
    let result = try fixture.ledger.packObjects()
    #expect(result.leftoversRemoved == 3)
    let left = try FileManager.default.contentsOfDirectory(atPath: folder)
    #expect(old.allSatisfy { !left.contains($0) })
    #expect(left.contains(fresh))  // a live writer's, perhaps
    #expect(try allObjects(fixture) == before)
    #expect(try fixture.git("fsck", "--strict", "--no-dangling").isEmpty)
  }

  @Test func aDamagedLooseObjectStopsPackingWithTheCommandThatFindsIt() throws {
    let fixture = try LedgerFixture()
    try fixture.importText("The storm reached the coast on Monday. Rain fell for days.\n", as: "storm")
    try fixture.git("config", "gc.auto", "0")
    try verdicts(fixture, 1)
    let store = ObjectStore(gitDirectory: "\(fixture.path)/.git")
    let damaged = try #require(store.looseObjects.first)
    let path = store.loosePath(of: damaged)
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
    try Data("garbage\n".utf8).write(to: URL(fileURLWithPath: path))
    let loose = store.looseObjects.count
    #expect {
      try fixture.ledger.packObjects()
    } throws: { error in
      let message = (error as? LedgerError)?.message ?? ""
      return message.hasPrefix("cannot pack the ledger's objects: ")
        && message.hasSuffix("; nothing was removed: run 'git fsck' to find the damaged object")
    }
    #expect(store.looseObjects.count == loose)
  }

  @Test func smallPacksRollUpGeometrically() {
    func packs(_ counts: [Int]) -> [ObjectStore.Pack] {
      counts.enumerated().map { ObjectStore.Pack(basePath: "p\($0.offset)", objectCount: $0.element, isKept: false) }
    }
    func rolled(_ counts: [Int], loose: Int) -> [Int] {
      Ledger.packsToRollUp(packs(counts), looseObjects: loose).map(\.objectCount)
    }
    // Already geometric: only the loose objects (and a pack smaller than twice them) go.
    #expect(rolled([1_000, 100, 10], loose: 0) == [])
    #expect(rolled([1_000, 100, 10], loose: 6) == [10])
    // Fifty equal pushes' packs roll into one; a big pack far above them stays.
    #expect(rolled(Array(repeating: 10, count: 50) + [1_000_000], loose: 0).count == 50)
    // The break is found from the top: below it everything rolls, and the pack above it too when it
    // holds less than twice what rolled.
    #expect(rolled([100, 90, 10_000], loose: 0) == [90, 100])
    #expect(rolled([100, 90, 300], loose: 0) == [90, 100, 300])
    #expect(rolled([], loose: 5) == [])
  }

  @Test func packIndexesAreReadAsGitReadsThem() throws {
    let fixture = try LedgerFixture()
    try fixture.importText("The storm reached the coast on Monday. Rain fell for days.\n", as: "storm")
    try fixture.git("repack", "-q")
    let pack = try #require(ObjectStore(gitDirectory: "\(fixture.path)/.git").packs.first)
    let ids = try #require(ObjectStore.objectIDs(inIndexAt: "\(pack.basePath).idx")).map(\.hex)
    let listed = try fixture.git("verify-pack", "-v", "\(pack.basePath).idx").split(separator: "\n")
      .compactMap { line -> String? in
        let first = line.split(separator: " ").first.map(String.init) ?? ""
        return first.count == 40 ? first : nil
      }
    #expect(Set(ids) == Set(listed))
    #expect(ids.count == pack.objectCount)
    #expect(ObjectStore.objectIDs(inIndexAt: "\(fixture.path)/ledger.json") == nil)
  }
}

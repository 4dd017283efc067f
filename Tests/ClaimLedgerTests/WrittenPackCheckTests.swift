import ClaimModel
import Foundation
import Git
import TestSupport
import Testing

@testable import ClaimLedger

/// After the branch moved, a write checks that a concurrent prune left its objects; objects
/// written as one pack are checked by the pack's files, and one by one only when the pack is gone.
@Suite struct WrittenPackCheckTests {
  /// A ledger with an import of 100 claims (written as one pack), its commit, the change that names
  /// its files, and the name of its pack.
  private func importedLedger() throws -> (LedgerFixture, ObjectID, LedgerChange, String) {
    let fixture = try LedgerFixture()
    let text = (1...100).map { "Claim number \($0) was checked on Monday." }.joined(separator: " ") + "\n"
    let result = try fixture.importText(text, as: "bulk")
    let commit = try #require(ObjectID(hex: result.commit.commit))
    let change = LedgerChange(
      files: result.commit.paths.map { LedgerChange.File(path: $0, contents: []) },
      message: CommitMessage(subject: "import", trailers: []))
    let packs = try FileManager.default.contentsOfDirectory(atPath: "\(fixture.path)/.git/objects/pack")
      .filter { $0.hasSuffix(".pack") }
    let pack = try #require(
      packs.first { name in
        (try? ProcessRunner.git(["verify-pack", "-v", ".git/objects/pack/\(name)"], in: fixture.path).stdout)?
          .contains(commit.hex) == true
      })
    return (fixture, commit, change, String(pack.dropFirst("pack-".count).dropLast(".pack".count)))
  }

  /// The check after the branch moved, with a rewrite that only counts its calls (it brings nothing
  /// back): its warning and how many rewrites it asked for.
  private func check(_ fixture: LedgerFixture, _ commit: ObjectID, _ change: LedgerChange, _ pack: String)
    -> (warning: String?, rewrites: Int)
  {
    var rewrites = 0
    let warning = fixture.ledger.restorePrunedObjects(of: commit, change: change, packName: pack) {
      () throws(LedgerError) in
      rewrites += 1
      return commit
    }
    return (warning, rewrites)
  }

  @Test func objectsOfAPackStillThereAreNotWrittenAgain() throws {
    let (fixture, commit, change, pack) = try importedLedger()
    let (warning, rewrites) = check(fixture, commit, change, pack)
    #expect(warning == nil)
    #expect(rewrites == 0)
  }

  @Test func objectsRepackedElsewhereAreFoundOneByOne() throws {
    let (fixture, commit, change, pack) = try importedLedger()
    // A `git gc` meanwhile wrote every object into a new pack and removed the old one.
    _ = try fixture.git("repack", "-a", "-d", "-q")
    #expect(!FileManager.default.fileExists(atPath: "\(fixture.path)/.git/objects/pack/pack-\(pack).pack"))
    let (warning, rewrites) = check(fixture, commit, change, pack)
    #expect(warning == nil)
    #expect(rewrites == 0)
  }

  @Test func objectsOfAPackThatVanishedAreWrittenAgain() throws {
    let (fixture, commit, change, pack) = try importedLedger()
    // Whatever removed the pack took its objects with it: the check must notice and rewrite them.
    for suffix in ["pack", "idx"] {
      try FileManager.default.removeItem(atPath: "\(fixture.path)/.git/objects/pack/pack-\(pack).\(suffix)")
    }
    let (warning, rewrites) = check(fixture, commit, change, pack)
    #expect(rewrites >= 1)
    // The rewrite here does not bring the objects back, so the write reports them.
    #expect(warning?.contains("could not be written again") == true)
  }
}

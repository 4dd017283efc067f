import Foundation
import TestSupport
import Testing

@testable import GitIndexFile

/// The record an index writer leaves of the file it wrote, which the next read of that same file
/// takes instead of verifying the checksum.
@Suite struct ChecksumRecordTests {
  /// A repository whose index holds 20,000 entries (about 1.6 MB: several hash states).
  func largeRepository() throws -> (GitRepository, [UInt8]) {
    let repository = try GitRepository(files: ["seed": "1\n"])
    let blob = try repository.git("rev-parse", "HEAD:seed").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    let lines = (0..<20_000).map { "100644 \(blob)\tClaims/\(String(format: "%05d", $0)).json" }
    let listed = try ProcessRunner.run(
      "/usr/bin/git", ["update-index", "--index-info"], in: repository.path,
      input: Array((lines.joined(separator: "\n") + "\n").utf8))
    #expect(listed.status == 0, "\(listed.stderr)")
    let id = try #require(try open(repository, record: nil).entry(at: Array("seed".utf8))).objectID
    return (repository, id)
  }

  func open(_ repository: GitRepository, record: String?) throws -> IndexFile {
    try IndexFile.open(
      at: repository.indexPath, nanosecondTimestamps: true, verifyingWith: SHA1.self, checksumRecord: record)
  }

  func states(_ file: IndexFile) -> [SHA1BlockState?] { file.hashStates.map(\.blockState) }

  @Test func aChainOfWritesKeepsValidChecksumsAndTheStatesVerificationFinds() throws {
    let (repository, id) = try largeRepository()
    let record = repository.path + "/.git/index-record.bin"
    var file = try open(repository, record: record)
    #expect(!file.checksumWasRecorded)
    // Changes early, late, in the middle, and an added entry that moves everything after it.
    for (round, name) in ["Claims/00003.json", "Claims/19990.json", "Claims/10000.json", "Claims/05000x.json"]
      .enumerated()
    {
      var update = IndexUpdate(of: file)
      var entry = IndexFileEntry(path: Array(name.utf8), mode: 0o100644, objectID: id)
      entry.fileSize = UInt32(round + 7)
      try update.add(entry)
      let checksum = try IndexFileWriter.write(
        try update.plan(), to: repository.indexPath, using: SHA1.self, durable: false, checksumRecord: record)
      let written = try repository.indexBytes
      #expect(Array(written.suffix(20)) == SHA1.digest(Array(written.dropLast(20))))
      #expect(Array(written.suffix(20)) == checksum)
      file = try open(repository, record: record)
      #expect(file.checksumWasRecorded)
      // The short walk over a recorded file finds what the full one finds.
      let full = try open(repository, record: nil)
      #expect(states(file) == states(full))
      #expect(file.entryStarts == full.entryStarts && file.pathStarts == full.pathStarts)
      #expect(file.pathLengths == full.pathLengths && file.racyEntries == full.racyEntries)
      #expect(file.extendedEntries == full.extendedEntries && file.conflictedPaths == full.conflictedPaths)
    }
    #expect(try repository.git("fsck", "--no-dangling").status == 0)
    #expect(try repository.git("ls-files", "-s", "Claims/05000x.json").stdout.contains(" 0\t"))
  }

  @Test func anIndexSomethingElseWroteIsVerifiedInFull() throws {
    let (repository, id) = try largeRepository()
    let record = repository.path + "/.git/index-record.bin"
    var entry = IndexFileEntry(path: Array("Claims/00100.json".utf8), mode: 0o100644, objectID: id)
    entry.fileSize = 9
    var update = IndexUpdate(of: try open(repository, record: record))
    try update.add(entry)
    try IndexFileWriter.write(
      try update.plan(), to: repository.indexPath, using: SHA1.self, durable: false, checksumRecord: record)
    #expect(try open(repository, record: record).checksumWasRecorded)
    // git rewrites the index (a new file): the record no longer describes it.
    try repository.git("update-index", "--index-version", "2", "--force-remove", "Claims/00200.json")
    #expect(!(try open(repository, record: record).checksumWasRecorded))
  }

  @Test func aDamagedOrForeignRecordIsNeverUsed() throws {
    let (repository, id) = try largeRepository()
    let record = repository.path + "/.git/index-record.bin"
    var update = IndexUpdate(of: try open(repository, record: record))
    try update.add(IndexFileEntry(path: Array("Claims/00100.json".utf8), mode: 0o100755, objectID: id))
    try IndexFileWriter.write(
      try update.plan(), to: repository.indexPath, using: SHA1.self, durable: false, checksumRecord: record)
    let good = try Data(contentsOf: URL(fileURLWithPath: record))
    // A byte of a state changed: the record's own checksum fails.
    var damaged = good
    damaged[damaged.count - 30] ^= 1
    try damaged.write(to: URL(fileURLWithPath: record))
    #expect(!(try open(repository, record: record).checksumWasRecorded))
    // A state changed and the record's checksum made again to match: the last state no longer
    // finishes into the file's checksum.
    var forged = Array(good.dropLast(20))
    forged[forged.count - 10] ^= 1
    forged += SHA1.digest(forged)
    try Data(forged).write(to: URL(fileURLWithPath: record))
    #expect(!(try open(repository, record: record).checksumWasRecorded))
    // Truncated.
    try Data(good.prefix(40)).write(to: URL(fileURLWithPath: record))
    #expect(!(try open(repository, record: record).checksumWasRecorded))
  }
}

import Foundation
import TestSupport
import Testing

@testable import GitIndexFile

@Suite struct IndexFileReadingTests {
  /// Paths that sort around each other: '-' and '.' sort before '/', '0' after it.
  static let files = [
    "a": "1\n", "a-b": "2\n", "a.b": "3\n", "a0": "4\n", "ab": "5\n", "dir-x": "6\n", "dir.x": "7\n",
    "dir/x": "8\n", "dir/y/z": "9\n", "dir0": "10\n", "Claims/0f/storm/1a2b3c4d5e.json": "{}\n",
    "Reviews/storm/1a2b3c4d5e/ada@example.org.json": "{}\n", "b/deep/er/still/file.txt": "11\n",
  ]

  /// `git ls-files -s` as (mode, object, path).
  func listed(_ repository: GitRepository) throws -> [String] {
    try repository.git("ls-files", "-s").stdout.split(separator: "\n").map(String.init)
  }

  func listing(_ file: IndexFile) -> [String] {
    (0..<file.entryCount).map { position in
      let path = file.path(at: position)
      let entry = IndexFileEntry(at: Int(file.entryStarts[position]), in: file.file.base, path: path)
      let object = entry.objectID.map { String(format: "%02x", $0) }.joined()
      return
        "\(String(entry.mode, radix: 8)) \(object) \(file.stage(at: position))\t\(String(decoding: path, as: UTF8.self))"
    }
  }

  @Test(arguments: [2, 3, 4])
  func readsEveryEntryGitWrote(version: Int) throws {
    let repository = try GitRepository(files: Self.files)
    try repository.git("update-index", "--index-version", "\(version)")
    let file = try IndexFile.open(at: repository.indexPath, nanosecondTimestamps: true, verifyingWith: SHA1.self)
    // git writes version 2 when asked for 3 and no entry has extended flags.
    #expect(file.version == UInt32(version == 3 ? 2 : version))
    #expect(listing(file) == (try listed(repository)))
    #expect(file.extensionNames == ["TREE"])
    #expect(file.racilyCleanEntryCount == 0)
    for path in Self.files.keys {
      #expect(file.entry(at: Array(path.utf8))?.path == Array(path.utf8))
    }
    #expect(file.entry(at: Array("dir".utf8)) == nil)
    #expect(file.entry(at: Array("Claims".utf8)) == nil)
  }

  @Test func readsIntentToAddAndSkipWorktreeAsVersion3() throws {
    let repository = try GitRepository(files: Self.files)
    try repository.scratch.write("new\n", to: "new-file")
    try repository.git("add", "-N", "new-file")
    try repository.git("update-index", "--skip-worktree", "ab")
    let file = try IndexFile.open(at: repository.indexPath, nanosecondTimestamps: true)
    #expect(file.version == 3)
    #expect(file.extendedEntries.count == 2)
    #expect(listing(file) == (try listed(repository)))
  }

  @Test func readsTheExtensionsGitWrites() throws {
    let repository = try GitRepository(files: Self.files)
    let options = [
      "-c", "core.untrackedCache=true", "-c", "index.recordEndOfIndexEntries=true", "-c",
      "index.recordOffsetTable=true",
      "-c", "index.threads=2",
    ]
    try repository.git(options + ["update-index", "--untracked-cache", "--force-write-index"])
    try repository.git(options + ["status"])
    let file = try IndexFile.open(at: repository.indexPath, nanosecondTimestamps: true, verifyingWith: SHA1.self)
    #expect(Set(file.extensionNames).isSuperset(of: ["TREE", "UNTR", "EOIE", "IEOT"]), "\(file.extensionNames)")
  }

  @Test func leavesASplitIndexToLibgit2() throws {
    let repository = try GitRepository(files: Self.files)
    try repository.git("update-index", "--split-index")
    #expect(throws: IndexFileError(.unsupported, "the index has the required extension 'link'")) {
      try IndexFile.open(at: repository.indexPath, nanosecondTimestamps: true)
    }
  }

  @Test func leavesASparseIndexToLibgit2() throws {
    let repository = try GitRepository(files: Self.files)
    try repository.git("sparse-checkout", "init", "--cone", "--sparse-index")
    try repository.git("sparse-checkout", "set", "Claims")
    do {
      _ = try IndexFile.open(at: repository.indexPath, nanosecondTimestamps: true)
      Issue.record("a sparse index was read")
    } catch {
      #expect(error.kind == .unsupported)
    }
  }

  @Test func refusesAnUnknownRequiredExtension() throws {
    let repository = try GitRepository(files: Self.files)
    var bytes = try repository.indexBytes
    bytes.removeLast(20)
    bytes += Array("abcd".utf8) + [0, 0, 0, 2, 1, 2]
    try repository.writeIndex(bytes + [UInt8](repeating: 0, count: 20))
    #expect(throws: IndexFileError(.unsupported, "the index has the required extension 'abcd'")) {
      try IndexFile.open(at: repository.indexPath, nanosecondTimestamps: true)
    }
  }

  @Test func refusesABadChecksumWhenVerifying() throws {
    let repository = try GitRepository(files: Self.files)
    let bytes = try repository.indexBytes
    try repository.writeIndex(bytes, checksum: [UInt8](repeating: 7, count: 20))
    #expect(throws: IndexFileError(.corrupt, "\(repository.indexPath) does not match its checksum")) {
      try IndexFile.open(at: repository.indexPath, nanosecondTimestamps: true, verifyingWith: SHA1.self)
    }
  }

  @Test func refusesABadHeaderAndATruncatedFile() throws {
    let repository = try GitRepository(files: Self.files)
    let bytes = try repository.indexBytes
    var wrongSignature = bytes
    wrongSignature[0] = UInt8(ascii: "X")
    try repository.writeIndex(wrongSignature)
    #expect(throws: IndexFileError.self) { try IndexFile.open(at: repository.indexPath, nanosecondTimestamps: true) }
    var wrongVersion = bytes
    wrongVersion[7] = 5
    try repository.writeIndex(wrongVersion)
    #expect(throws: IndexFileError(.unsupported, "index version 5")) {
      try IndexFile.open(at: repository.indexPath, nanosecondTimestamps: true)
    }
    var tooMany = bytes
    tooMany[11] &+= 1
    try repository.writeIndex(tooMany)
    #expect(throws: IndexFileError.self) { try IndexFile.open(at: repository.indexPath, nanosecondTimestamps: true) }
    try repository.writeIndex(Array(bytes.prefix(100)))
    #expect(throws: IndexFileError.self) { try IndexFile.open(at: repository.indexPath, nanosecondTimestamps: true) }
  }

  @Test func refusesEntriesOutOfOrder() throws {
    // Two entries of the same size ("a0" and "ab"): swapping them keeps every boundary.
    let repository = try GitRepository(files: ["a0": "1\n", "ab": "2\n"])
    let bytes = try repository.indexBytes
    let entrySize = 72
    var swapped = bytes
    swapped.replaceSubrange(12..<12 + entrySize, with: bytes[12 + entrySize..<12 + 2 * entrySize])
    swapped.replaceSubrange(12 + entrySize..<12 + 2 * entrySize, with: bytes[12..<12 + entrySize])
    try repository.writeIndex(swapped)
    #expect(throws: IndexFileError(.corrupt, "index entry 2 is out of order")) {
      try IndexFile.open(at: repository.indexPath, nanosecondTimestamps: true)
    }
  }

  @Test func notesConflictsAndRacilyCleanEntries() throws {
    let repository = try GitRepository(files: ["f": "base\n"])
    try repository.git("checkout", "-q", "-b", "other")
    try repository.add(["f": "other\n"])
    try repository.git("commit", "-q", "-m", "other")
    try repository.git("checkout", "-q", "main")
    try repository.add(["f": "main\n"])
    try repository.git("commit", "-q", "-m", "main")
    _ = try ProcessRunner.gitStatus(["merge", "-q", "other"], in: repository.path)
    let conflicted = try IndexFile.open(at: repository.indexPath, nanosecondTimestamps: true)
    #expect(conflicted.hasConflicts)
    #expect(conflicted.conflictedPaths == [Array("f".utf8)])

    // A file changed after the index was written, and staged with that time: racily clean.
    try repository.git("merge", "--abort")
    try repository.scratch.write("later\n", to: "g")
    try repository.git("add", "g")
    let future = Date(timeIntervalSinceNow: 3_600)
    try FileManager.default.setAttributes([.modificationDate: future], ofItemAtPath: repository.scratch.path("g"))
    try repository.git("update-index", "--refresh")
    let racy = try IndexFile.open(at: repository.indexPath, nanosecondTimestamps: true)
    #expect(racy.racilyCleanEntryCount == 1)
  }
}

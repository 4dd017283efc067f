import Foundation
import TestSupport
import Testing

@testable import GitIndexFile

@Suite struct IndexUpdateTests {
  func open(_ repository: GitRepository) throws -> IndexFile {
    try IndexFile.open(at: repository.indexPath, nanosecondTimestamps: true, verifyingWith: SHA1.self)
  }

  /// The cache tree as lines "name entries subtrees", depth-first.
  func outline(_ tree: CacheTree, in file: IndexFile) -> [String] {
    tree.nodes.map { node in
      let name = String(
        decoding: UnsafeRawBufferPointer(start: file.file.base + node.start, count: node.nameLength), as: UTF8.self)
      return "\(name) \(node.entryCount) \(node.childCount)"
    }
  }

  @Test(arguments: [2, 4])
  func writingWithoutChangesGivesBackGitsFile(version: Int) throws {
    let repository = try GitRepository(files: IndexFileReadingTests.files)
    try repository.git("update-index", "--index-version", "\(version)")
    let before = try repository.indexBytes
    let plan = try IndexUpdate(of: try open(repository)).plan()
    try IndexFileWriter.write(plan, to: repository.indexPath, using: SHA1.self, durable: false)
    #expect(try repository.indexBytes == before)
  }

  @Test(arguments: [2, 3, 4])
  func addedReplacedAndRemovedEntriesAreWhatGitLists(version: Int) throws {
    let repository = try GitRepository(files: IndexFileReadingTests.files)
    try repository.git("update-index", "--index-version", "\(version)")
    if version == 3 { try repository.git("update-index", "--skip-worktree", "a0") }
    let written = try repository.git("rev-parse", "HEAD:a").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    let digits = Array(written.utf8)
    let id = stride(from: 0, to: 40, by: 2).map {
      UInt8(String(decoding: digits[$0..<$0 + 2], as: UTF8.self), radix: 16) ?? 0
    }
    var update = IndexUpdate(of: try open(repository))
    try update.add(IndexFileEntry(path: Array("a.c".utf8), mode: 0o100644, objectID: id))
    try update.add(IndexFileEntry(path: Array("Claims/0f/storm/0000000000.json".utf8), mode: 0o100755, objectID: id))
    try update.add(IndexFileEntry(path: Array("ab".utf8), mode: 0o100644, objectID: id))
    try update.remove(path: Array("a-b".utf8))
    try update.remove(path: Array("no-such-file".utf8))
    try IndexFileWriter.write(try update.plan(), to: repository.indexPath, using: SHA1.self, durable: false)

    let listed = try repository.git("ls-files", "-s").stdout
    #expect(listed.contains("100644 \(written) 0\ta.c\n"))
    #expect(listed.contains("100755 \(written) 0\tClaims/0f/storm/0000000000.json\n"))
    #expect(listed.contains("100644 \(written) 0\tab\n"))
    #expect(!listed.contains("\ta-b\n"))
    #expect(listed.split(separator: "\n").count == IndexFileReadingTests.files.count + 1)
    let reread = try open(repository)
    #expect(reread.version == UInt32(version == 3 ? 3 : version))
    #expect(try repository.git("fsck", "--no-dangling").status == 0)
  }

  @Test func invalidatesTheCacheTreeAlongTheChangedPaths() throws {
    let repository = try GitRepository(files: [
      "a/b/c/file": "1\n", "a/b/other": "2\n", "a/x": "3\n", "d/e": "4\n", "top": "5\n",
    ])
    let file = try open(repository)
    var tree = try #require(file.cacheTree)
    #expect(outline(tree, in: file) == [" 5 2", "a 3 1", "b 2 1", "c 1 0", "d 1 0"])
    tree.invalidate(path: Array("a/b/new".utf8))
    tree.invalidate(path: Array("a/zz/deeper/file".utf8))
    #expect(tree.invalidated == [0, 1, 2])
    let written = tree.pieces.flatMap { piece -> [UInt8] in
      switch piece {
      case .original(let range): Array(file.file.bytes[range])
      case .bytes(let bytes): bytes
      }
    }
    let text = String(decoding: written.filter { $0 < 0x80 }, as: UTF8.self)
    #expect(text.hasPrefix("\u{0}-1 2\na\u{0}-1 1\nb\u{0}-1 1\nc\u{0}1 0\n"))
  }

  @Test func leavesConflictsCollisionsAndUnusualPathsToLibgit2() throws {
    let repository = try GitRepository(files: ["dir/file": "1\n", "plain": "2\n"])
    let id = [UInt8](repeating: 1, count: 20)
    var update = IndexUpdate(of: try open(repository))
    for path in ["dir", "plain/below", "a/./b", "a/../b", ".git/config", "x/.GIT/y", "git~1/x", "a//b", "/a", "a/"] {
      #expect(throws: IndexFileError.self, "\(path)") {
        try update.add(IndexFileEntry(path: Array(path.utf8), mode: 0o100644, objectID: id))
      }
    }
    #expect(throws: IndexFileError.self) {
      try update.add(IndexFileEntry(path: Array("plain2".utf8), mode: 0o040000, objectID: id))
    }
    // Once the file is removed, a directory may take its place, and the other way round.
    try update.remove(path: Array("plain".utf8))
    try update.add(IndexFileEntry(path: Array("plain/below".utf8), mode: 0o100644, objectID: id))
    try update.remove(path: Array("dir/file".utf8))
    try update.add(IndexFileEntry(path: Array("dir".utf8), mode: 0o100644, objectID: id))
    #expect(throws: IndexFileError.self) {
      try update.add(IndexFileEntry(path: Array("dir/again".utf8), mode: 0o100644, objectID: id))
    }
  }

  @Test func aReplacementInALargeIndexIsHashedFromTheSavedStateRightly() throws {
    // 20,000 entries (about 1.6 MB): several saved hash states before the replaced entry.
    let repository = try GitRepository(files: ["seed": "1\n"])
    let blob = try repository.git("rev-parse", "HEAD:seed").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    let lines = (0..<20_000).map { "100644 \(blob)\tClaims/\(String(format: "%05d", $0)).json" }
    let listed = try ProcessRunner.run(
      "/usr/bin/git", ["update-index", "--index-info"], in: repository.path,
      input: Array((lines.joined(separator: "\n") + "\n").utf8))
    #expect(listed.status == 0, "\(listed.stderr)")
    let file = try open(repository)
    #expect(file.hashStates.count > 4)
    let id = try #require(file.entry(at: Array("seed".utf8))).objectID
    var update = IndexUpdate(of: file)
    var entry = IndexFileEntry(path: Array("Claims/15000.json".utf8), mode: 0o100755, objectID: id)
    entry.fileSize = 2
    try update.add(entry)
    let plan = try update.plan()
    #expect(plan.unchangedPrefix > 3 * ChecksumStates.interval)
    let checksum = try IndexFileWriter.write(plan, to: repository.indexPath, using: SHA1.self, durable: false)
    let written = try repository.indexBytes
    #expect(checksum == SHA1.digest(Array(written.dropLast(20))))
    #expect(Array(written.suffix(20)) == checksum)
    #expect(try repository.git("ls-files", "-s", "Claims/15000.json").stdout.hasPrefix("100755 "))
  }

  @Test func recompressesThePathsGitLeavesLongAtTheOffsetTablesBlocks() throws {
    // With an offset table, git starts each block of a version 4 index with a whole path:
    // "dir/f10" after "dir/f09", sharing "dir/f".
    let files = Dictionary(uniqueKeysWithValues: (0..<20).map { (String(format: "dir/f%02d", $0), "\($0)\n") })
    let repository = try GitRepository(files: files)
    try repository.git(
      "-c", "index.recordOffsetTable=true", "-c", "index.threads=2", "update-index", "--index-version", "4")
    let file = try open(repository)
    #expect(file.extensionNames.contains("IEOT"))
    #expect(file.shortPrefixEntries.count == 1)
    try IndexFileWriter.write(
      try IndexUpdate(of: file).plan(), to: repository.indexPath, using: SHA1.self, durable: false)
    let rewritten = try open(repository)
    #expect(rewritten.shortPrefixEntries.isEmpty)
    #expect(rewritten.entryCount == file.entryCount)
    #expect(try repository.git("fsck", "--no-dangling").status == 0)
  }

  @Test func refusesToWriteOverAnotherWritersLock() throws {
    let repository = try GitRepository(files: ["f": "1\n"])
    let before = try repository.indexBytes
    try repository.scratch.write("held\n", to: ".git/index.lock")
    let plan = try IndexUpdate(of: try open(repository)).plan()
    #expect(throws: IndexFileError.self) {
      try IndexFileWriter.write(plan, to: repository.indexPath, using: SHA1.self, durable: true)
    }
    #expect(try repository.indexBytes == before)
    #expect(try repository.scratch.read(".git/index.lock") == "held\n")
  }
}

import Foundation
import GitIndexFile
import TestSupport
import Testing

@testable import Git

/// The index written in place (`GitIndexFile`) must be byte for byte what libgit2 writes for the
/// same calls, and git must read it the same way. Each case builds a repository with the git CLI
/// (index version 2, 3 or 4; with or without the cache tree, resolve-undo, untracked cache and
/// end-of-entries extensions, skip-worktree and intent-to-add entries, a conflict), copies it
/// twice, makes the same random changes in both — one copy through libgit2 alone, the other in
/// place — and compares the two index files, then `git status`, `git diff-index --cached HEAD`
/// and `git fsck` in both.
@Suite struct IndexInPlaceTests {
  /// Paths that sort around each other ('-' and '.' before '/', '0' after it) and directories
  /// beside files of similar names.
  static let pool = [
    "a", "a-b", "a.b", "a0", "ab", "b", "dir-x", "dir.x", "dir/x", "dir/y/z", "dir/y-z", "dir/y.z", "dir0", "e/f/g/h",
    "e/f/g-h", "Claims/0f/storm/1a2b3c4d5e.json", "Claims/0f/storm/1a2b3c4d5f.json", "Claims/10/rain/00aa.json",
    "Reviews/storm/1a2b3c4d5e/ada@example.org.json", "Reviews/storm/1a2b3c4d5e/bob@example.org.json",
  ]
  /// Paths changes may add, some of which collide with the pool (a file where a directory is).
  static let newPaths = [
    "a1", "a/new", "dir/new", "dir/y/new", "dir/y", "new-top", "e/f/new", "e/f/g", "Claims/0f/storm/new.json",
    "Claims/ff/x.json", "Reviews/storm/1a2b3c4d5e/cy@example.org.json", "zz/deep/er/file",
  ]

  struct Outcome {
    var inPlace: Bool
    /// Whether the index held racily clean entries before the changes.
    var racy: Bool
    var description: String
    /// The extensions of the index before the changes.
    var extensions: [String]
  }

  /// Picks pool paths that do not collide (no path is a directory of another).
  static func files(_ random: inout SplitMix) -> [String] {
    var chosen: [String] = []
    for path in pool.shuffled(using: &random).prefix(5 + random.next(below: 12)) {
      let collides = chosen.contains { $0.hasPrefix(path + "/") || path.hasPrefix($0 + "/") }
      if !collides { chosen.append(path) }
    }
    return chosen
  }

  func git(_ arguments: [String], in directory: String) throws {
    let result = try ProcessRunner.git(arguments, in: directory)
    #expect(result.status == 0, "git \(arguments.joined(separator: " ")): \(result.stderr)")
  }

  func backdate(_ directory: String) throws {
    let past = Date(timeIntervalSinceNow: -86_400)
    let enumerator = FileManager.default.enumerator(atPath: directory)
    while let relative = enumerator?.nextObject() as? String {
      if relative == ".git" { enumerator?.skipDescendants() }
      try? FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: "\(directory)/\(relative)")
    }
  }

  /// Builds the repository of case `seed` in `directory`; returns its files.
  func makeRepository(_ seed: UInt64, in directory: String, random: inout SplitMix) throws -> (
    files: [String], setup: [String]
  ) {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try git(["init", "-q", "-b", "main"], in: directory)
    let files = Self.files(&random)
    for file in files {
      let full = "\(directory)/\(file)"
      try FileManager.default.createDirectory(
        atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try Data("\(file) \(random.next())\n".utf8).write(to: URL(fileURLWithPath: full))
    }
    try backdate(directory)
    try git(["add", "-A"], in: directory)
    try git(["commit", "-q", "-m", "files"], in: directory)
    var setup: [String] = []
    let withoutCacheTree = random.next(below: 5) == 0
    if withoutCacheTree {
      // An index built entry by entry has no cache tree.
      try FileManager.default.removeItem(atPath: "\(directory)/.git/index")
      try git(["update-index", "--add", "--"] + files, in: directory)
    }
    if !withoutCacheTree, random.next(below: 4) == 0, let file = files.first {
      // A conflict resolved with `git add`: a resolve-undo record (REUC).
      setup.append("REUC")
      try git(["checkout", "-q", "-b", "other"], in: directory)
      try Data("other\n".utf8).write(to: URL(fileURLWithPath: "\(directory)/\(file)"))
      try git(["commit", "-q", "-am", "other"], in: directory)
      try git(["checkout", "-q", "main"], in: directory)
      try Data("main\n".utf8).write(to: URL(fileURLWithPath: "\(directory)/\(file)"))
      try git(["commit", "-q", "-am", "main"], in: directory)
      _ = try ProcessRunner.gitStatus(["merge", "-q", "other"], in: directory)
      if random.next(below: 3) == 0 {
        setup.append("conflict")
      } else {
        try git(["add", file], in: directory)
      }
    }
    if random.next(below: 3) == 0, files.count > 2 {
      setup.append("skip-worktree")
      try git(["update-index", "--skip-worktree", files[1]], in: directory)
    }
    if random.next(below: 4) == 0 {
      setup.append("intent-to-add")
      try Data("new\n".utf8).write(to: URL(fileURLWithPath: "\(directory)/intent"))
      try backdate(directory)
      try git(["add", "-N", "intent"], in: directory)
    }
    if random.next(below: 3) == 0 {
      // An entry changed after the commit: the cache tree keeps invalid nodes.
      setup.append("staged change")
      try Data("staged\n".utf8).write(to: URL(fileURLWithPath: "\(directory)/staged"))
      try backdate(directory)
      try git(["add", "staged"], in: directory)
    }
    let version = [2, 3, 4][random.next(below: 3)]
    setup.append("version \(version)")
    var options = ["-c", "index.version=\(version)"]
    if random.next(below: 3) == 0 {
      setup.append("UNTR")
      options += ["-c", "core.untrackedCache=true"]
    }
    if random.next(below: 3) == 0 {
      setup.append("EOIE/IEOT")
      options += [
        "-c", "index.recordEndOfIndexEntries=true", "-c", "index.recordOffsetTable=true", "-c", "index.threads=2",
      ]
    }
    try git(options + ["update-index", "--index-version", "\(version)"], in: directory)
    if options.contains("core.untrackedCache=true") {
      try git(options + ["update-index", "--untracked-cache"], in: directory)
      _ = try ProcessRunner.git(options + ["status"], in: directory)
    }
    try backdate(directory)
    _ = try ProcessRunner.gitStatus(options + ["update-index", "-q", "--refresh"], in: directory)
    if random.next(below: 2) == 0 {
      // Every entry changed no earlier than the index was written (racily clean): libgit2 checks
      // their files before it writes, and marks those that differ (size 0).
      setup.append("racy")
      if random.next(below: 2) == 0, let file = files.last {
        setup.append("one racy file changed, same size")
        let url = URL(fileURLWithPath: "\(directory)/\(file)")
        var bytes = try Data(contentsOf: url)
        bytes[0] = bytes[0] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
        try bytes.write(to: url)
      }
      try FileManager.default.setAttributes(
        [.modificationDate: Date(timeIntervalSinceNow: -2 * 86_400)], ofItemAtPath: "\(directory)/.git/index")
    }
    return (files, setup)
  }

  enum Change {
    case add(IndexFileEntry)
    case remove(String)
  }

  /// Random changes: new and replaced entries (regular, executable, link, submodule), removals of
  /// present and absent paths.
  func changes(_ random: inout SplitMix, files: [String], repository: Repository) throws -> [Change] {
    var changes: [Change] = []
    for _ in 0..<(1 + random.next(below: 6)) {
      switch random.next(below: 3) {
      case 0:
        changes.append(.remove((files + Self.newPaths).randomElement(using: &random) ?? "a"))
      default:
        let path = (files + Self.newPaths).randomElement(using: &random) ?? "a"
        let mode = [0o100644, 0o100644, 0o100755, 0o120000, 0o160000][random.next(below: 5)]
        let blob =
          mode == 0o160000
          ? (0..<20).map { _ in UInt8(truncatingIfNeeded: random.next()) }
          : try repository.writeBlob(Array("blob \(random.next())\n".utf8)).bytes
        var entry = IndexFileEntry(path: Array(path.utf8), mode: UInt32(mode), objectID: blob)
        entry.changeSeconds = UInt32(truncatingIfNeeded: random.next())
        entry.changeNanoseconds = UInt32(random.next(below: 1_000_000_000))
        entry.modificationSeconds = UInt32(truncatingIfNeeded: random.next())
        entry.modificationNanoseconds = UInt32(random.next(below: 1_000_000_000))
        entry.device = UInt32(truncatingIfNeeded: random.next())
        entry.inode = UInt32(truncatingIfNeeded: random.next())
        entry.userID = UInt32(random.next(below: 2000))
        entry.groupID = UInt32(random.next(below: 2000))
        entry.fileSize = UInt32(random.next(below: 100_000))
        changes.append(.add(entry))
      }
    }
    return changes
  }

  func apply(_ changes: [Change], to index: Index) throws {
    for change in changes {
      switch change {
      case .add(let entry): try index.stage(entry)
      case .remove(let path): try index.remove(path: path)
      }
    }
    try index.write()
  }

  /// What git says of the repository: status, staged changes against HEAD, and fsck.
  func gitView(_ directory: String) throws -> [String] {
    let status = try ProcessRunner.git(["status", "--porcelain=v1", "-uall"], in: directory)
    let staged = try ProcessRunner.git(["diff-index", "--cached", "HEAD"], in: directory)
    let fsck = try ProcessRunner.git(["fsck", "--no-dangling", "--no-progress"], in: directory)
    return [status.stdout, staged.stdout, "fsck \(fsck.status) \(fsck.stdout)"]
  }

  func run(seed: UInt64) throws -> Outcome {
    var random = SplitMix(seed: seed)
    let scratch = ScratchDirectory()
    let origin = scratch.path("origin")
    let (files, setup) = try makeRepository(seed, in: origin, random: &random)
    let changes = try changes(&random, files: files, repository: try Repository(openingAt: origin))
    let extensions =
      (try? IndexFile.open(at: "\(origin)/.git/index", nanosecondTimestamps: true))?.extensionNames ?? ["unread"]
    for copy in ["libgit2", "in-place"] {
      let copied = try ProcessRunner.run("/bin/cp", ["-a", origin, scratch.path(copy)], in: scratch.path)
      #expect(copied.status == 0)
    }
    let expected = try Index(of: try Repository(openingAt: scratch.path("libgit2")), inPlace: false)
    try apply(changes, to: expected)
    let inPlace = try Index(of: try Repository(openingAt: scratch.path("in-place")), inPlace: true)
    try apply(changes, to: inPlace)
    let description =
      "seed \(seed), \(setup.joined(separator: ", ")), extensions \(extensions), \(changes.count) changes"

    let libgit2Bytes = try Data(contentsOf: URL(fileURLWithPath: scratch.path("libgit2/.git/index")))
    let inPlaceBytes = try Data(contentsOf: URL(fileURLWithPath: scratch.path("in-place/.git/index")))
    #expect(libgit2Bytes == inPlaceBytes, "\(description): the index files differ")
    #expect(try gitView(scratch.path("libgit2")) == (try gitView(scratch.path("in-place"))), "\(description)")
    #expect(try gitView(scratch.path("in-place")).last?.hasPrefix("fsck 0") == true, "\(description)")
    return Outcome(
      inPlace: !inPlace.lastWriteUsedLibgit2, racy: setup.contains("racy"), description: description,
      extensions: extensions)
  }

  /// A repository at `origin` in `scratch` whose index and first commit hold 20,000 claim files
  /// (a 1.6 MB index), added with git itself.
  private func twentyThousandClaims(in scratch: ScratchDirectory) throws -> (String, Repository) {
    let origin = scratch.path("origin")
    try FileManager.default.createDirectory(atPath: origin, withIntermediateDirectories: true)
    try git(["init", "-q", "-b", "main"], in: origin)
    let repository = try Repository(openingAt: origin)
    let blob = try repository.writeBlob(Array("claim\n".utf8))
    let lines = (0..<20_000).map { "100644 \(blob.hex)\tClaims/\(String(format: "%05d", $0)).json" }
    let listed = try ProcessRunner.run(
      "/usr/bin/git", ["update-index", "--add", "--index-info"], in: origin,
      input: Array((lines.joined(separator: "\n") + "\n").utf8))
    #expect(listed.status == 0, "\(listed.stderr)")
    try git(["commit", "-q", "-m", "claims"], in: origin)
    return (origin, repository)
  }

  /// A 1.6 MB index: a replacement is hashed from a state saved while verifying the old file,
  /// an addition from the start (the header's count changes); in version 4 with an offset table,
  /// git starts each of its blocks with a whole path, which libgit2 compresses.
  @Test(arguments: [(false, 2), (true, 2), (false, 4)])
  func aLargeIndexGivesWhatLibgit2Writes(adding: Bool, version: Int) throws {
    let scratch = ScratchDirectory()
    let (origin, repository) = try twentyThousandClaims(in: scratch)
    try git(
      ["-c", "index.recordOffsetTable=true", "-c", "index.threads=4", "update-index", "--index-version", "\(version)"],
      in: origin)
    var entry = IndexFileEntry(
      path: Array((adding ? "Claims/15000a.json" : "Claims/15000.json").utf8), mode: 0o100644,
      objectID: try repository.writeBlob(Array("changed\n".utf8)).bytes)
    entry.fileSize = 8
    for copy in ["libgit2", "in-place"] {
      let copied = try ProcessRunner.run("/bin/cp", ["-a", origin, scratch.path(copy)], in: scratch.path)
      #expect(copied.status == 0)
    }
    let expected = try Index(of: try Repository(openingAt: scratch.path("libgit2")), inPlace: false)
    try apply([.add(entry)], to: expected)
    let inPlace = try Index(of: try Repository(openingAt: scratch.path("in-place")), inPlace: true)
    try apply([.add(entry)], to: inPlace)
    #expect(!inPlace.lastWriteUsedLibgit2)
    let libgit2Bytes = try Data(contentsOf: URL(fileURLWithPath: scratch.path("libgit2/.git/index")))
    let inPlaceBytes = try Data(contentsOf: URL(fileURLWithPath: scratch.path("in-place/.git/index")))
    #expect(libgit2Bytes == inPlaceBytes)
    #expect(
      try ProcessRunner.git(["fsck", "--no-dangling", "--no-progress"], in: scratch.path("in-place")).status == 0)
  }

  /// Writes that each read the index the one before wrote, through the record it left (no
  /// verification of the checksum, hashing resumed from the recorded states), give what libgit2
  /// writes, byte for byte, write after write.
  @Test func writesReadThroughTheirRecordGiveWhatLibgit2Writes() throws {
    let scratch = ScratchDirectory()
    let (origin, repository) = try twentyThousandClaims(in: scratch)
    let changed = try repository.writeBlob(Array("changed\n".utf8)).bytes
    for copy in ["libgit2", "in-place"] {
      let copied = try ProcessRunner.run("/bin/cp", ["-a", origin, scratch.path(copy)], in: scratch.path)
      #expect(copied.status == 0)
    }
    let record = scratch.path("in-place/.git/index-record.bin")
    for (round, name) in ["Claims/15000.json", "Claims/00010.json", "Claims/19999.json", "Claims/07000a.json"]
      .enumerated()
    {
      var entry = IndexFileEntry(path: Array(name.utf8), mode: 0o100644, objectID: changed)
      entry.fileSize = UInt32(8 + round)
      let expected = try Index(of: try Repository(openingAt: scratch.path("libgit2")), inPlace: false)
      try apply([.add(entry)], to: expected)
      let inPlace = try Index(
        of: try Repository(openingAt: scratch.path("in-place")), inPlace: true, checksumRecord: record)
      #expect(inPlace.tookChecksumFromRecord == (round > 0))
      try apply([.add(entry)], to: inPlace)
      #expect(!inPlace.lastWriteUsedLibgit2)
      let libgit2Bytes = try Data(contentsOf: URL(fileURLWithPath: scratch.path("libgit2/.git/index")))
      let inPlaceBytes = try Data(contentsOf: URL(fileURLWithPath: scratch.path("in-place/.git/index")))
      #expect(libgit2Bytes == inPlaceBytes, "round \(round)")
    }
    #expect(
      try ProcessRunner.git(["fsck", "--no-dangling", "--no-progress"], in: scratch.path("in-place")).status == 0)
  }

  /// libgit2 keeps the index it read in the repository; an index written in place since must not
  /// be overwritten with that stale copy when libgit2 takes over again.
  @Test func libgit2TakingOverSeesWhatWasWrittenInPlace() throws {
    let scratch = ScratchDirectory()
    let origin = try oneFileRepository(holding: "a\n", in: scratch)
    let repository = try Repository(openingAt: origin)
    let blob = try repository.writeBlob(Array("new\n".utf8))
    for (path, inPlace) in [("first", false), ("second", true), ("third", false)] {
      let index = try Index(of: repository, inPlace: inPlace)
      try index.stage(path: path, blob: blob)
      try index.write()
      #expect(index.lastWriteUsedLibgit2 == !inPlace)
    }
    let listed = try ProcessRunner.git(["ls-files"], in: origin).stdout
    #expect(listed == "a\nfirst\nsecond\nthird\n")
  }

  @Test func randomChangesGiveWhatLibgit2Writes() throws {
    var inPlace = 0
    var extensionsSeen: Set<String> = []
    var withoutCacheTree = 0
    var racyInPlace = 0
    let cases: [UInt64] = Array(1...48)
    for seed in cases {
      let outcome = try run(seed: seed)
      if outcome.inPlace { inPlace += 1 }
      if outcome.inPlace && outcome.racy { racyInPlace += 1 }
      extensionsSeen.formUnion(outcome.extensions)
      if !outcome.extensions.contains("TREE") { withoutCacheTree += 1 }
    }
    // Most cases must take the path under test, not the fallback, and the cases must cover every
    // extension git writes by default or on request, and indexes without a cache tree.
    #expect(inPlace * 3 >= cases.count * 2, "only \(inPlace) of \(cases.count) cases were written in place")
    #expect(extensionsSeen.isSuperset(of: ["TREE", "REUC", "UNTR", "EOIE", "IEOT"]), "\(extensionsSeen)")
    #expect(withoutCacheTree > 0)
    // Racily clean entries whose files are unchanged are checked here, not left to libgit2.
    #expect(racyInPlace > 0, "no case with racily clean entries was written in place")
  }

  /// A repository at `origin` in `scratch` whose one commit holds the file `a` with `contents`.
  private func oneFileRepository(holding contents: String, in scratch: ScratchDirectory) throws -> String {
    let origin = scratch.path("origin")
    try FileManager.default.createDirectory(atPath: origin, withIntermediateDirectories: true)
    try git(["init", "-q", "-b", "main"], in: origin)
    try scratch.write(contents, to: "origin/a")
    try git(["add", "a"], in: origin)
    try git(["commit", "-q", "-m", "a"], in: origin)
    return origin
  }

  /// An entry staged in place before its object is written (an import stages its entries while
  /// its pack is still being written) gives, once the object is there, what libgit2 writes.
  @Test func anEntryStagedBeforeItsObjectIsWrittenGivesWhatLibgit2Writes() throws {
    let scratch = ScratchDirectory()
    let origin = try oneFileRepository(holding: "a\n", in: scratch)
    try backdate(origin)
    _ = try ProcessRunner.gitStatus(["update-index", "-q", "--refresh"], in: origin)
    for copy in ["libgit2", "in-place"] {
      #expect(try ProcessRunner.run("/bin/cp", ["-a", origin, scratch.path(copy)], in: scratch.path).status == 0)
    }
    let bytes = Array("not yet written\n".utf8)
    let blob = try Repository.blobID(of: bytes)
    let status = WorkTreeFileStatus(
      changeSeconds: 1_700_000_000, changeNanoseconds: 5, modificationSeconds: 1_700_000_000,
      modificationNanoseconds: 5, device: 7, inode: 42, userID: 0, groupID: 0, size: bytes.count)

    let inPlaceRepository = try Repository(openingAt: scratch.path("in-place"))
    let inPlace = try Index(of: inPlaceRepository, inPlace: true)
    #expect(try inPlace.stageInPlace(path: "b", blob: blob, status: status))
    #expect(try inPlaceRepository.writeBlob(bytes) == blob)
    #expect(try inPlace.reloadIfChanged() == false)
    try inPlace.write()
    #expect(!inPlace.lastWriteUsedLibgit2)

    let libgit2Repository = try Repository(openingAt: scratch.path("libgit2"))
    _ = try libgit2Repository.writeBlob(bytes)
    let expected = try Index(of: libgit2Repository, inPlace: false)
    // Staging in place is refused when libgit2 does the work: nothing is changed then.
    #expect(try expected.stageInPlace(path: "b", blob: blob, status: status) == false)
    try expected.stage(path: "b", blob: blob, status: status)
    try expected.write()
    let written = try ["libgit2", "in-place"].map {
      try Data(contentsOf: URL(fileURLWithPath: scratch.path("\($0)/.git/index")))
    }
    #expect(written[0] == written[1])
  }

  /// Entries staged in place are dropped when another program rewrites the index before they are
  /// written, and the reload says so: the writer stages them again.
  @Test func aReloadSaysWhenItDroppedEntriesStagedInPlace() throws {
    let scratch = ScratchDirectory()
    let origin = try oneFileRepository(holding: "a\n", in: scratch)
    let repository = try Repository(openingAt: origin)
    let blob = try repository.writeBlob(Array("b\n".utf8))
    let index = try Index(of: repository, inPlace: true)
    let status = WorkTreeFileStatus(
      changeSeconds: 1, changeNanoseconds: 0, modificationSeconds: 1, modificationNanoseconds: 0, device: 1,
      inode: 1, userID: 0, groupID: 0, size: 2)
    #expect(try index.stageInPlace(path: "b", blob: blob, status: status))
    try scratch.write("c\n", to: "origin/c")
    try git(["add", "c"], in: origin)
    #expect(try index.reloadIfChanged() == true)
    #expect(try index.reloadIfChanged() == false)
  }

  /// The entry of a file written just before the index (within one step of the clock) is racily
  /// clean at the next write; when its file is unchanged, the next write still goes in place.
  @Test func anUnchangedRacilyCleanEntryKeepsTheWriteInPlace() throws {
    let scratch = ScratchDirectory()
    let origin = try oneFileRepository(holding: "first\n", in: scratch)
    let blob = try Repository(openingAt: origin).writeBlob(Array("b\n".utf8))
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSinceNow: -86_400)], ofItemAtPath: "\(origin)/.git/index")
    #expect(try IndexFile.open(at: "\(origin)/.git/index", nanosecondTimestamps: true).racilyCleanEntryCount == 1)
    for (round, changeFile) in [false, true].enumerated() {
      if changeFile { try scratch.write("fresh\n", to: "origin/a") }
      let copies = ["libgit2", "in-place"].map { scratch.path("copy-\(round)-\($0)") }
      for copy in copies {
        #expect(try ProcessRunner.run("/bin/cp", ["-a", origin, copy], in: scratch.path).status == 0)
      }
      for (copy, inPlace) in zip(copies, [false, true]) {
        let index = try Index(of: try Repository(openingAt: copy), inPlace: inPlace)
        try index.stage(path: "b", blob: blob)
        try index.write()
        // A changed file (same size) is left to libgit2, which marks its entry.
        #expect(index.lastWriteUsedLibgit2 == (!inPlace || changeFile), "round \(round)")
      }
      let bytes = try copies.map { try Data(contentsOf: URL(fileURLWithPath: "\($0)/.git/index")) }
      #expect(bytes[0] == bytes[1], "round \(round)")
    }
  }

}

import Foundation
import TestSupport
import Testing

@testable import Git

@Suite struct RepositoryTests {
  let scratch = ScratchDirectory()
  let signature = Signature(name: "Ada", email: "ada@example.org", time: 1_732_449_600)

  func makeRepository() throws -> Repository {
    try Repository.create(at: scratch.path)
  }

  func commitFiles(_ files: [String: String], in repository: Repository, parent: ObjectID?) throws -> ObjectID {
    var changes: [TreeChange] = []
    for (path, text) in files.sorted(by: { $0.key < $1.key }) {
      changes.append(.upsert(path: path, blob: try repository.writeBlob(Array(text.utf8))))
    }
    let base = try parent.map { try repository.commit($0).treeID }
    let tree = try repository.updatedTree(from: base, applying: changes)
    return try repository.createCommit(
      tree: tree, parents: parent.map { [$0] } ?? [], author: signature, committer: signature, message: "add\n")
  }

  @Test func failuresCarryLibgit2sMessage() {
    do {
      _ = try Repository(openingAt: scratch.path("missing"))
      Issue.record("opening a missing repository succeeded")
    } catch {
      #expect(error.code == .notFound)
      #expect(!error.message.isEmpty)
      #expect(error.function == "git_repository_open_ext")
    }
  }

  @Test func commitsNestedTreesThatGitReads() throws {
    let repository = try makeRepository()
    let first = try commitFiles(["Claims/a/1.json": "one\n", "seeds/a.txt": "text\n"], in: repository, parent: nil)
    try repository.updateReference(named: "refs/heads/main", to: first, expecting: nil, logMessage: "test")
    let second = try commitFiles(["Reviews/a/1/ada.json": "review\n"], in: repository, parent: first)
    try repository.updateReference(named: "refs/heads/main", to: second, expecting: first, logMessage: "test")

    let listing = try ProcessRunner.git(["ls-tree", "-r", "--name-only", "HEAD"], in: scratch.path)
    #expect(listing.stdout == "Claims/a/1.json\nReviews/a/1/ada.json\nseeds/a.txt\n")
    let log = try ProcessRunner.git(["log", "--format=%an <%ae> %at %s"], in: scratch.path)
    #expect(log.stdout == "Ada <ada@example.org> 1732449600 add\nAda <ada@example.org> 1732449600 add\n")
    #expect(try ProcessRunner.git(["fsck", "--strict"], in: scratch.path).status == 0)
    #expect(try repository.headState() == .branch("refs/heads/main", second))
    #expect(try repository.resolveCommit("HEAD~1") == first)
  }

  @Test func compareAndSwapRefusesAMovedBranch() throws {
    let repository = try makeRepository()
    let first = try commitFiles(["a": "1"], in: repository, parent: nil)
    try repository.updateReference(named: "refs/heads/main", to: first, expecting: nil, logMessage: "test")
    let second = try commitFiles(["b": "2"], in: repository, parent: first)
    let rival = try commitFiles(["c": "3"], in: repository, parent: first)
    try repository.updateReference(named: "refs/heads/main", to: second, expecting: first, logMessage: "test")
    #expect(throws: GitError.self) {
      try repository.updateReference(named: "refs/heads/main", to: rival, expecting: first, logMessage: "test")
    }
    do {
      try repository.updateReference(named: "refs/heads/main", to: rival, expecting: nil, logMessage: "test")
      Issue.record("creating an existing branch succeeded")
    } catch {
      #expect(error.code == .modified || error.code == .exists)
    }
    #expect(try repository.referenceTarget(named: "refs/heads/main") == second)
  }

  @Test func lockedBranchIsReportedAsLocked() throws {
    let repository = try makeRepository()
    let first = try commitFiles(["a": "1"], in: repository, parent: nil)
    try repository.updateReference(named: "refs/heads/main", to: first, expecting: nil, logMessage: "test")
    let second = try commitFiles(["b": "2"], in: repository, parent: first)
    try scratch.write("stale\n", to: ".git/refs/heads/main.lock")
    do {
      try repository.updateReference(named: "refs/heads/main", to: second, expecting: first, logMessage: "test")
      Issue.record("a locked branch moved")
    } catch {
      #expect(error.code == .locked)
    }
  }

  @Test func packedWriterLeavesOnePackAndNoLooseObjects() throws {
    let repository = try makeRepository()
    let packer = try PackedObjectWriter(repositoryAt: scratch.path)
    var changes: [TreeChange] = []
    for index in 0..<300 {
      changes.append(
        .upsert(path: "Claims/s/\(index).json", blob: try packer.repository.writeBlob(Array("claim \(index)\n".utf8))))
    }
    let tree = try packer.repository.updatedTree(from: nil, applying: changes)
    let commit = try packer.repository.createCommit(
      tree: tree, parents: [], author: signature, committer: signature, message: "import\n")
    let name = try packer.finish(commit: commit, baseTree: nil)
    // The name returned is the pack's: its files are there under it.
    #expect(FileManager.default.fileExists(atPath: scratch.path(".git/objects/pack/pack-\(name).pack")))
    #expect(FileManager.default.fileExists(atPath: scratch.path(".git/objects/pack/pack-\(name).idx")))
    try repository.updateReference(named: "refs/heads/main", to: commit, expecting: nil, logMessage: "test")
    let counts = try ProcessRunner.git(["count-objects", "-v"], in: scratch.path).stdout
    #expect(counts.contains("count: 0\n"))
    #expect(counts.contains("packs: 1\n"))
    #expect(try ProcessRunner.git(["fsck", "--strict"], in: scratch.path).status == 0)
    let files = try ProcessRunner.git(["ls-tree", "-r", "--name-only", "HEAD"], in: scratch.path).stdout
    #expect(files.split(separator: "\n").count == 300)
    #expect(
      try repository.blobContent(try #require(try repository.treeEntry(at: "Claims/s/7.json", inTree: tree)).id)
        == Array("claim 7\n".utf8))
  }

  @Test func packOnTopOfHistoryHoldsOnlyWhatTheCommitAdds() throws {
    let repository = try makeRepository()
    var files: [String: String] = [:]
    for index in 0..<200 { files["Claims/old/\(index).json"] = "old claim \(index)\n" }
    files["ledger.json"] = "{}\n"
    let first = try commitFiles(files, in: repository, parent: nil)
    try repository.updateReference(named: "refs/heads/main", to: first, expecting: nil, logMessage: "test")
    let base = try repository.commit(first).treeID
    let settings = scratch.path(".git/pack-settings.config")
    let packer = try PackedObjectWriter(repositoryAt: scratch.path, settingsFile: settings)
    var changes: [TreeChange] = []
    for index in 0..<100 {
      changes.append(
        .upsert(path: "Claims/new/\(index).json", blob: try packer.writeBlob(Array("new \(index)\n".utf8))))
    }
    // A blob the repository already holds, at a new path: packed again, which git allows.
    changes.append(.upsert(path: "Claims/new/copy.json", blob: try packer.writeBlob(Array("old claim 7\n".utf8))))
    let tree = try packer.repository.updatedTree(from: base, applying: changes)
    let commit = try packer.repository.createCommit(
      tree: tree, parents: [first], author: signature, committer: signature, message: "import\n")
    try packer.finish(commit: commit, baseTree: base)
    try repository.updateReference(named: "refs/heads/main", to: commit, expecting: first, logMessage: "test")
    #expect(try String(contentsOfFile: settings, encoding: .utf8).contains("deltaCacheSize = 1"))
    let packs = try FileManager.default.contentsOfDirectory(atPath: scratch.path(".git/objects/pack"))
      .filter { $0.hasSuffix(".idx") }
    #expect(packs.count == 1)
    let listing = try ProcessRunner.git(["verify-pack", "-v", ".git/objects/pack/\(packs[0])"], in: scratch.path).stdout
    let objects = listing.split(separator: "\n").filter {
      $0.contains(" blob ") || $0.contains(" tree ") || $0.contains(" commit ")
    }
    // 101 blobs; the root, Claims and Claims/new trees; the commit. Nothing of the first commit's.
    #expect(objects.count == 105)
    #expect(!listing.contains("chain length"), "no object is stored as a delta")
    #expect(try ProcessRunner.git(["fsck", "--strict"], in: scratch.path).status == 0)
    let names = try ProcessRunner.git(["ls-tree", "-r", "--name-only", "HEAD"], in: scratch.path).stdout
    #expect(names.split(separator: "\n").count == 302)
  }

  @Test func certificatesAreReadOnlyWhenARemoteNeedsThem() throws {
    // Debian's libgit2 reads this bundle at init; the process defers it (LibGit2.swift).
    guard FileManager.default.fileExists(atPath: "/etc/ssl/certs/ca-certificates.crt") else { return }
    _ = try Repository.create(at: scratch.path)
    #expect(LibGit2.certificatesWereDeferred)
    try LibGit2.loadCertificates()
    try LibGit2.loadCertificates()
  }

  @Test func stagedEntriesMakeGitStatusClean() throws {
    let repository = try makeRepository()
    let commit = try commitFiles(["dir/file.txt": "hello\n"], in: repository, parent: nil)
    try repository.updateReference(named: "refs/heads/main", to: commit, expecting: nil, logMessage: "test")
    try scratch.write("hello\n", to: "dir/file.txt")
    let index = try Index(of: repository)
    let blob = try #require(try repository.treeEntry(at: "dir/file.txt", inTree: try repository.commit(commit).treeID))
    try index.stage(path: "dir/file.txt", blob: blob.id, fileAt: scratch.path("dir/file.txt"))
    try index.write()
    #expect(try ProcessRunner.git(["status", "--porcelain"], in: scratch.path).stdout == "")
  }

  @Test func revisionWalkYieldsNewestFirstAndEndsWithNil() throws {
    let repository = try makeRepository()
    let first = try commitFiles(["a": "1"], in: repository, parent: nil)
    let second = try commitFiles(["b": "2"], in: repository, parent: first)
    let walk = try RevisionWalk(repository)
    try walk.push(second)
    #expect(try walk.next() == second)
    #expect(try walk.next() == first)
    #expect(try walk.next() == nil)
  }

  @Test func readsConfigValues() throws {
    let repository = try makeRepository()
    try ProcessRunner.git(["config", "user.name", "Config Person"], in: scratch.path)
    #expect(try GitConfig.string("user.name", in: repository) == "Config Person")
    #expect(try GitConfig.string("claims.no-such-key", in: repository) == nil)
  }

  /// The git oracle refuses to go on when git fails: a test cannot pass on git's silence.
  @Test func theGitOracleThrowsWhenGitFails() throws {
    _ = try makeRepository()
    #expect(throws: ProcessFailure.self) {
      try ProcessRunner.git(["rev-parse", "--verify", "no-such-ref"], in: scratch.path)
    }
    let answer = try ProcessRunner.gitStatus(["rev-parse", "--verify", "no-such-ref"], in: scratch.path)
    #expect(answer.status != 0)
    #expect(throws: ProcessFailure.self) { try answer.requireSuccess("git rev-parse") }
  }
}

import ClaimLedger
import ClaimModel
import Foundation
import TestSupport
import Testing

@Suite struct InitTests {
  @Test func initMakesOneCommitHoldingTheConfig() throws {
    let fixture = try LedgerFixture()
    #expect(fixture.commitCount == 1)
    #expect(try fixture.git("ls-tree", "--name-only", "HEAD") == "ledger.json\n")
    #expect(fixture.status == "")
    let config = try LedgerConfig(decoding: Array(try fixture.scratch.read("ledger.json").utf8))
    #expect(config == LedgerConfig())
    #expect(try fixture.git("log", "-1", "--format=%an <%ae>%n%B").contains("Action: init"))
  }

  @Test func initTwiceChangesNothing() throws {
    let fixture = try LedgerFixture()
    let (_, outcome) = try Ledger.initialize(at: fixture.path, as: fixture.author, at: fixture.time)
    #expect(outcome == .alreadyLedger)
    #expect(fixture.commitCount == 1)
  }

  @Test func initConvertsAnExistingRepositoryAndKeepsItsWork() throws {
    let scratch = ScratchDirectory()
    try ProcessRunner.git(["init", "-q", "-b", "trunk"], in: scratch.path)
    try scratch.write("notes\n", to: "README.md")
    try ProcessRunner.git(["add", "README.md"], in: scratch.path)
    try ProcessRunner.git(["commit", "-q", "-m", "start"], in: scratch.path)
    try scratch.write("draft\n", to: "draft.txt")
    let author = try #require(Identity(parsing: "A <a@example.org>"))
    let (ledger, outcome) = try Ledger.initialize(
      at: scratch.path, as: author, at: try #require(Timestamp("2026-11-24T12:00:00Z")))
    #expect(outcome == .converted)
    #expect(try ledger.snapshot().hasConfig)
    let log = try ProcessRunner.git(["log", "--format=%s"], in: scratch.path).stdout
    #expect(log == "init: claims ledger\nstart\n")
    #expect(try ProcessRunner.git(["status", "--porcelain"], in: scratch.path).stdout == "?? draft.txt\n")
  }

  @Test func discoveryFindsTheLedgerFromASubdirectoryAndRefusesPlainRepositories() throws {
    let fixture = try LedgerFixture()
    try FileManager.default.createDirectory(atPath: fixture.scratch.path("deep/er"), withIntermediateDirectories: true)
    #expect(try Ledger.discover(from: fixture.scratch.path("deep/er")).rootPath == fixture.path)

    let plain = ScratchDirectory()
    try ProcessRunner.git(["init", "-q"], in: plain.path)
    #expect(throws: LedgerError.self) { try Ledger.discover(from: plain.path) }
    let nothing = ScratchDirectory()
    #expect(throws: LedgerError.self) { try Ledger.discover(from: nothing.path) }
  }
}

@Suite struct ImportTests {
  let article = """
    Storm Hits Coast

    The storm reached the coast on Monday.

    Officials said 40 homes were damaged.
    """

  @Test func importMakesExactlyOneCommitWithEveryFile() throws {
    let fixture = try LedgerFixture()
    let result = try fixture.importText(article, as: "storm", title: "Storm")
    #expect(fixture.commitCount == 2)
    #expect(fixture.status == "")
    let files = try fixture.git("ls-tree", "-r", "--name-only", "HEAD").split(separator: "\n").map(String.init)
    let claimFiles = files.filter { $0.hasPrefix("Claims/storm/") }
    #expect(claimFiles.count == result.claims.count)
    #expect(Set(claimFiles) == Set(result.claims.map { "Claims/storm/\($0.id).json" }))
    #expect(files.contains("seeds/storm.txt"))
    #expect(files.contains("seeds/storm.json"))
    #expect(try fixture.git("show", "HEAD:seeds/storm.txt") == article)
    let message = try fixture.git("log", "-1", "--format=%an <%ae>|%s")
    #expect(message == "Test Importer <importer@example.org>|import: storm (\(result.claims.count) claims)\n")
    for claim in result.claims {
      let stored = try Claim(decoding: Array(try fixture.git("show", "HEAD:Claims/storm/\(claim.id).json").utf8))
      #expect(stored == claim)
      let scalars = Array(article.unicodeScalars)
      var exact = ""
      exact.unicodeScalars.append(contentsOf: scalars[claim.start..<claim.end])
      #expect(exact == claim.text)
      #expect(claim.selector.exact == claim.text)
    }
  }

  @Test func largeImportsArePacked() throws {
    let fixture = try LedgerFixture()
    let text = (1...500).map { "Sentence number \($0) stands alone." }.joined(separator: "\n\n")
    let result = try fixture.importText(text, as: "big")
    #expect(result.claims.count == 500)
    let counts = try fixture.git("count-objects", "-v")
    #expect(counts.contains("packs: 1\n"))
    #expect(try ProcessRunner.git(["fsck", "--strict"], in: fixture.path).status == 0)
    #expect(fixture.status == "")
  }

  /// An index the in-place writer leaves to libgit2 (`core.ignorecase`: libgit2 then matches
  /// paths in any case) stops the staging beside the files at the first entry; the entries are
  /// staged after the branch moves instead, and git agrees with the result.
  @Test func aLargeImportIntoAnIndexLeftToLibgit2IsStagedAfterTheBranchMoves() throws {
    let fixture = try LedgerFixture()
    _ = try fixture.git("config", "core.ignorecase", "true")
    let text = (1...700).map { "Sentence number \($0) stands alone." }.joined(separator: "\n\n")
    let result = try fixture.importText(text, as: "big")
    #expect(result.claims.count == 700)
    #expect(fixture.status == "")
    #expect(try fixture.git("ls-files", "Claims/big").split(separator: "\n").count == 700)
    #expect(try fixture.git("diff-index", "--cached", "HEAD") == "")
    #expect(try ProcessRunner.git(["fsck", "--strict"], in: fixture.path).status == 0)
  }

  /// Another program that takes the index while a large import writes its files makes the
  /// import refuse before its branch moves, with nothing recorded; it is not published and then
  /// taken back.
  @Test func anIndexLockTakenDuringALargeImportRefusesItBeforeTheBranchMoves() throws {
    let fixture = try LedgerFixture()
    let head = fixture.head
    let lock = "\(fixture.path)/.git/index.lock"
    let directory = "\(fixture.path)/Claims/big"
    let text = (1...3_000).map { "Sentence number \($0) stands alone." }.joined(separator: "\n\n")
    // Takes the lock as soon as the import's first files appear (after its own check for one).
    let watcher = Thread {
      let deadline = Date().addingTimeInterval(20)
      while !FileManager.default.fileExists(atPath: directory), Date() < deadline { usleep(200) }
      _ = FileManager.default.createFile(atPath: lock, contents: nil)
    }
    watcher.start()
    do {
      _ = try fixture.importText(text, as: "big")
      Issue.record("the import succeeded under a foreign index lock")
    } catch let error as LedgerError {
      #expect(error.kind == .locked(path: lock))
    }
    #expect(FileManager.default.fileExists(atPath: lock))
    try FileManager.default.removeItem(atPath: lock)
    #expect(fixture.head == head)
    #expect(try !fixture.git("reflog", "--format=%gs").contains("taken back"))
    #expect(fixture.status == "")
    #expect(!FileManager.default.fileExists(atPath: directory))
  }

  /// A large import's pack is made while its records are checked: a refusal must leave no pack,
  /// no half-written pack file and no work-tree file behind.
  @Test func aLargeImportRefusedByTheRecordCheckWritesNothing() throws {
    let fixture = try LedgerFixture()
    let head = fixture.head
    let objects = try fixture.git("count-objects", "-v")
    let packDirectory = "\(fixture.path)/.git/objects/pack"
    let packFiles = try FileManager.default.contentsOfDirectory(atPath: packDirectory).sorted()
    let text = (1...500).map { "Sentence number \($0) stands alone." }.joined(separator: "\n\n")
    let request = ImportRequest(
      bytes: Array(text.utf8), fileName: "big.txt", source: try Fixtures.source("big"),
      title: String(repeating: "t", count: 1_100_000))
    do {
      _ = try fixture.ledger.importSource(request, as: fixture.author, at: fixture.time)
      Issue.record("the import of a record over the limit succeeded")
    } catch {
      #expect(error.kind == .limitExceeded)
    }
    #expect(fixture.head == head)
    #expect(fixture.status == "")
    #expect(try fixture.git("count-objects", "-v") == objects)
    #expect(try FileManager.default.contentsOfDirectory(atPath: packDirectory).sorted() == packFiles)
    #expect(!FileManager.default.fileExists(atPath: "\(fixture.path)/Claims/big"))
  }

  @Test func importIsDeterministicAndIdsDoNotDependOnTheRestOfTheArticle() throws {
    let one = try LedgerFixture()
    let two = try LedgerFixture()
    let first = try one.importText(article, as: "storm")
    let again = try two.importText(article, as: "storm")
    #expect(first.claims == again.claims)
    #expect(try one.git("rev-parse", "HEAD:Claims") == (try two.git("rev-parse", "HEAD:Claims")))

    let edited = article.replacingOccurrences(of: "40 homes", with: "41 homes")
    let three = try LedgerFixture()
    let revised = try three.importText(edited, as: "storm")
    let unchanged = Set(first.claims.map(\.id)).intersection(revised.claims.map(\.id))
    #expect(unchanged.count == first.claims.count - 1)
  }

  @Test func refusalsLeaveTheLedgerExactlyAsItWas() throws {
    let fixture = try LedgerFixture()
    try fixture.importText(article, as: "storm")
    let head = fixture.head
    let objects = try fixture.git("count-objects", "-v")
    func expectRefused(_ bytes: [UInt8], source: String, containing fragment: String) {
      do {
        _ = try fixture.ledger.importSource(
          ImportRequest(bytes: bytes, fileName: "in.txt", source: try Fixtures.source(source)), as: fixture.author,
          at: fixture.time)
        Issue.record("import of \(source) succeeded")
      } catch let error as LedgerError {
        #expect(error.message.contains(fragment))
      } catch {
        Issue.record("unexpected error \(error)")
      }
      #expect(fixture.head == head)
      #expect(fixture.status == "")
    }
    expectRefused([0x66, 0xFF, 0xFE, 0x0A], source: "bad", containing: "is not UTF-8")
    expectRefused(Array(" \n\t\n".utf8), source: "empty", containing: "is empty")
    expectRefused(Array(article.utf8), source: "storm", containing: "--replace")
    #expect(try fixture.git("count-objects", "-v") == objects)
  }

  /// A directory missing from the work tree is skipped over only when neither the commit nor the
  /// index holds anything under it: a staged file there is still found.
  @Test func refusesToOverwriteAStagedFileInADirectoryThatWasRemoved() throws {
    let fixture = try LedgerFixture()
    let request = ImportRequest(bytes: Array(article.utf8), fileName: "a.txt", source: try Fixtures.source("storm"))
    let first = try #require(try fixture.ledger.previewImport(request, as: fixture.author).first)
    let path = "Claims/storm/\(first.id).json"
    try fixture.scratch.write("{}\n", to: path)
    _ = try fixture.git("add", path)
    try FileManager.default.removeItem(atPath: "\(fixture.path)/Claims")
    do {
      _ = try fixture.ledger.importSource(request, as: fixture.author, at: fixture.time)
      Issue.record("the import wrote over a staged file")
    } catch {
      #expect(error.message.contains("\(path) has staged changes"))
    }
    #expect(fixture.commitCount == 1)
  }

  @Test func refusesToOverwriteUntrackedFiles() throws {
    let fixture = try LedgerFixture()
    try fixture.scratch.write("mine\n", to: "seeds/storm.txt")
    #expect(throws: LedgerError.self) { try fixture.importText(article, as: "storm") }
    #expect(fixture.commitCount == 1)
    #expect(try fixture.scratch.read("seeds/storm.txt") == "mine\n")
  }

  @Test func neverWritesThroughASymbolicLink() throws {
    let fixture = try LedgerFixture()
    let outside = ScratchDirectory()
    try FileManager.default.createSymbolicLink(
      atPath: fixture.scratch.path("Claims"), withDestinationPath: outside.path)
    #expect(throws: LedgerError.self) { try fixture.importText(article, as: "storm") }
    #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    #expect(fixture.commitCount == 1)
  }
}

@Suite struct ClaimResolutionTests {
  @Test func resolvesPrefixesAndOrdinals() throws {
    let fixture = try LedgerFixture()
    let result = try fixture.importText((1...40).map { "Claim \($0) is here." }.joined(separator: "\n\n"), as: "many")
    let snapshot = try fixture.ledger.snapshot()
    let target = result.claims[7]
    #expect(try snapshot.resolveClaim(target.id.rawValue) == target)
    #expect(try snapshot.resolveClaim(target.id.rawValue.uppercased()) == target)
    #expect(try snapshot.resolveClaim("many:8") == target)
    let unique = (4...10).map { String(target.id.rawValue.prefix($0)) }.first { prefix in
      result.claims.filter { $0.id.rawValue.hasPrefix(prefix) }.count == 1
    }
    #expect(try snapshot.resolveClaim(try #require(unique)) == target)

    let firstDigit = String(target.id.rawValue.prefix(1))
    let sharing = result.claims.filter { $0.id.rawValue.hasPrefix(firstDigit) }
    if sharing.count > 1 {
      do {
        _ = try snapshot.resolveClaim(firstDigit)
        Issue.record("an ambiguous prefix resolved")
      } catch {
        #expect(error.kind == .ambiguous)
        #expect(error.message.contains("is ambiguous"))
        for claim in sharing.prefix(10) { #expect(error.message.contains(claim.id.rawValue)) }
      }
    }
    #expect(throws: LedgerError.self) { try snapshot.resolveClaim("many:41") }
    #expect(throws: LedgerError.self) { try snapshot.resolveClaim("none:1") }
    #expect(throws: LedgerError.self) { try snapshot.resolveClaim("zzz") }
    #expect(throws: LedgerError.self) { try snapshot.resolveClaim("many:0") }
  }
}

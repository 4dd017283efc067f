import ClaimModel
import Foundation
import Git
import TestSupport
import Testing

@testable import ClaimLedger

/// The states a writer killed at each stage of the write path leaves, made by hand, and what the
/// next command makes of them.
@Suite struct RecoveryTests {
  /// A ledger with one claim, the id of that claim, and the path of a review of it.
  private func ledgerWithAClaim() throws -> (LedgerFixture, String, String) {
    let fixture = try LedgerFixture()
    try fixture.importText("The storm reached the coast on Monday.\n", as: "storm")
    let id = try fixture.ledger.snapshot().claims(of: try Fixtures.source("storm"))[0].id.rawValue
    return (fixture, id, "Reviews/storm/\(id)/ann@example.org.json")
  }

  private func record(_ fixture: LedgerFixture, _ id: String, _ verdict: String) throws -> CommitResult? {
    try fixture.ledger.record(
      .verdict(verdict, note: nil), on: id, by: try Fixtures.identity("Ann <ann@example.org>"), at: fixture.time
    ).commit
  }

  private var gitDirectory: (LedgerFixture) -> String { { "\($0.path)/.git" } }

  @Test func killedAfterTheJournalBeforeTheBranchMoved() throws {
    let (fixture, id, _) = try ledgerWithAClaim()
    let head = fixture.head
    // The dead writer had made an object, written its journal and locked the branch.
    let orphan = try Repository(openingAt: fixture.path).writeBlob(Array("orphan\n".utf8))
    try WriteJournal(branch: "refs/heads/main", commit: orphan, paths: ["Reviews/x.json"]).write(
      to: gitDirectory(fixture))
    try fixture.scratch.write("", to: ".git/refs/heads/main.lock")
    let started = Date()
    #expect(try record(fixture, id, "supported") != nil)
    #expect(Date().timeIntervalSince(started) < 2)
    #expect(try fixture.git("rev-parse", "HEAD^").trimmingCharacters(in: .whitespacesAndNewlines) == head)
    #expect(FileSystem.node(at: "\(fixture.path)/.git/claims-journal.json") == .missing)
    #expect(FileSystem.node(at: "\(fixture.path)/.git/refs/heads/main.lock") == .missing)
    #expect(fixture.status == "")
  }

  /// `claims check` says whether it finished an interrupted write or undid one never recorded.
  @Test func checkSaysAnInterruptedWriteThatNeverMovedTheBranchWasUndone() throws {
    let (fixture, _, _) = try ledgerWithAClaim()
    let head = fixture.head
    let orphan = try Repository(openingAt: fixture.path).writeBlob(Array("orphan\n".utf8))
    try WriteJournal(branch: "refs/heads/main", commit: orphan, paths: ["Reviews/x.json"]).write(
      to: gitDirectory(fixture))
    let report = try fixture.ledger.check()
    #expect(report.repairs.first?.hasPrefix("undid a write") == true, "\(report.repairs)")
    #expect(fixture.head == head)
    #expect(FileSystem.node(at: "\(fixture.path)/.git/claims-journal.json") == .missing)
  }

  @Test func killedAfterTheBranchMovedBeforeTheWorkTreeAndIndex() throws {
    let (fixture, id, path) = try ledgerWithAClaim()
    // Another clone makes the commit; here only the branch moves, as if the writer died right after.
    let other = ScratchDirectory()
    try ProcessRunner.git(["clone", "-q", fixture.path, other.path], in: other.path)
    let review = Review(
      claim: try Fixtures.claimID(id), source: try Fixtures.source("storm"),
      reviewer: try Fixtures.identity("Ann <ann@example.org>"), verdict: "refuted", updated: fixture.time)
    try other.write(review.encoded(), to: path)
    try ProcessRunner.git(["add", "-A"], in: other.path)
    // Made by the reviewer herself: a review file changed by anyone else is reported by check.
    try ProcessRunner.git(
      ["commit", "-q", "--author", "Ann <ann@example.org>", "-m", "verdict"], in: other.path)
    try ProcessRunner.git(["push", "-q", fixture.path, "HEAD:refs/heads/moved"], in: other.path)
    let commit = try fixture.git("rev-parse", "moved").trimmingCharacters(in: .whitespacesAndNewlines)
    try fixture.git("update-ref", "refs/heads/main", commit)
    try fixture.git("branch", "-D", "moved")
    // It had begun writing the index (the journal says so) when it died: the lock is its own.
    var journal = WriteJournal(branch: "refs/heads/main", commit: try #require(ObjectID(hex: commit)), paths: [path])
    journal.writingIndex = true
    try journal.write(to: gitDirectory(fixture))
    try fixture.scratch.write("", to: ".git/index.lock")
    // A half-written replacement the dead writer left beside it.
    try fixture.scratch.write("{ half", to: "Reviews/storm/\(id)/.ann@example.org.json.claims-4242.tmp")
    #expect(fixture.status != "")

    let report = try fixture.ledger.check()
    #expect(report.repairs.count == 1)
    #expect(report.repairs.first?.hasPrefix("finished a write") == true)
    #expect(report.problems.isEmpty)
    #expect(fixture.status == "")
    #expect(try fixture.scratch.read(path) == String(decoding: review.encoded(), as: UTF8.self))
  }

  @Test func killedWhileItsPackWasWrittenBesideTheWorkTree() throws {
    // A large import writes its work-tree files while its pack is written: a writer killed then
    // leaves files whose commit never reached the disk. Its journal names their blobs, so the
    // next writer puts back exactly those files, and nobody else's.
    let (fixture, id, _) = try ledgerWithAClaim()
    let head = fixture.head
    let claimPath = "Claims/storm/\(id).json"
    let committed = try fixture.scratch.read(claimPath)
    let written: [(path: String, bytes: [UInt8])] = [
      ("Claims/lost/1.json", Array("{\"n\": 1}\n".utf8)),
      ("Claims/lost/2.json", Array("{\"n\": 2}\n".utf8)),
      (claimPath, Array("{\"replaced\": true}\n".utf8)),
    ]
    for file in written { try fixture.scratch.write(file.bytes, to: file.path) }
    // Killed between creating a file and writing its bytes: an empty file at a new path.
    try fixture.scratch.write("", to: "Claims/lost/3.json")
    // A file of the user's beside them, and one the dead writer never reached (still as committed).
    try fixture.scratch.write("mine\n", to: "Claims/lost/notes.txt")
    let blobs = try written.map { try Repository.blobID(of: $0.bytes) }
    let neverWritten = try #require(ObjectID(hex: String(repeating: "ab", count: 20)))
    try WriteJournal(
      branch: "refs/heads/main", commit: neverWritten, paths: written.map(\.path) + ["Claims/lost/3.json"],
      blobs: blobs + [try Repository.blobID(of: Array("{\"n\": 3}\n".utf8))]
    ).write(to: gitDirectory(fixture))

    #expect(try record(fixture, id, "supported") != nil)
    #expect(try fixture.git("rev-parse", "HEAD^").trimmingCharacters(in: .whitespacesAndNewlines) == head)
    #expect(FileSystem.node(at: "\(fixture.path)/Claims/lost/1.json") == .missing)
    #expect(FileSystem.node(at: "\(fixture.path)/Claims/lost/2.json") == .missing)
    #expect(FileSystem.node(at: "\(fixture.path)/Claims/lost/3.json") == .missing)
    #expect(try fixture.scratch.read(claimPath) == committed)
    #expect(fixture.status == "?? Claims/lost/notes.txt\n")
    #expect(FileSystem.node(at: "\(fixture.path)/.git/claims-journal.json") == .missing)
  }

  @Test func aJournalRoundTripsTheBlobsOfItsPaths() throws {
    let fixture = try LedgerFixture()
    let blob = try Repository.blobID(of: Array("x\n".utf8))
    let commit = try #require(ObjectID(hex: String(repeating: "cd", count: 20)))
    let journal = WriteJournal(branch: "refs/heads/main", commit: commit, paths: ["a", "b"], blobs: [blob, nil])
    try journal.write(to: gitDirectory(fixture))
    let read = try #require(WriteJournal.read(from: gitDirectory(fixture)))
    #expect(read == journal)
    #expect(read.blobsByPath == ["a": blob])
    // A journal of an older claims, without blobs, reads as before.
    try WriteJournal(branch: "refs/heads/main", commit: commit, paths: ["a"]).write(to: gitDirectory(fixture))
    #expect(try #require(WriteJournal.read(from: gitDirectory(fixture))).blobsByPath == nil)
  }

  /// The writing-index mark is added to the bytes written before rather than encoded again: the
  /// result must be exactly the canonical encoding of the marked journal, and read back marked.
  @Test func aJournalIsWrittenAndMarkedInItsCanonicalBytes() throws {
    let fixture = try LedgerFixture()
    let blob = try Repository.blobID(of: Array("x\n".utf8))
    let commit = try #require(ObjectID(hex: String(repeating: "ab", count: 20)))
    let journals = [
      WriteJournal(branch: "refs/heads/main", commit: commit, paths: []),
      WriteJournal(branch: "refs/heads/main", commit: commit, paths: ["Claims/s/c1.json", "é \"q\""]),
      WriteJournal(branch: "refs/heads/main", commit: commit, paths: ["a", "b"], blobs: [blob, nil]),
    ]
    for journal in journals {
      var marked = journal
      marked.writingIndex = true
      let canonical = JSONWriter.canonicalBytes(of: marked.json)
      #expect(journal.encoded == JSONWriter.canonicalBytes(of: journal.json))
      #expect(marked.encoded == canonical)
      #expect(WriteJournal.addingWritingIndexMark(to: JSONWriter.canonicalBytes(of: journal.json)) == canonical)
      try journal.write(to: gitDirectory(fixture))
      journal.markWritingIndex(in: gitDirectory(fixture))
      #expect(FileSystem.readFile(at: WriteJournal.path(in: gitDirectory(fixture))) == canonical)
      #expect(try #require(WriteJournal.read(from: gitDirectory(fixture))) == marked)
    }
    #expect(WriteJournal.addingWritingIndexMark(to: Array("[]\n".utf8)) == nil)
  }

  @Test func anUnreadableJournalIsClearedButNoLockIsTakenForItsWriters() throws {
    let (fixture, id, _) = try ledgerWithAClaim()
    try fixture.scratch.write("{\"branch\": \"refs/hea", to: ".git/claims-journal.json")
    try fixture.scratch.write("{\"bra", to: ".git/.claims-journal.json.claims-999.tmp")
    let started = Date()
    let commit = try record(fixture, id, "opinion")
    #expect(Date().timeIntervalSince(started) < 2)
    #expect(commit?.warnings.contains { $0.contains("unreadable write journal") } == true)
    #expect(FileSystem.node(at: "\(fixture.path)/.git/claims-journal.json") == .missing)
    #expect(FileSystem.node(at: "\(fixture.path)/.git/.claims-journal.json.claims-999.tmp") == .missing)
    #expect(fixture.status == "")
  }

  @Test func aBranchLockBesideAnUnreadableJournalIsNeverRemoved() throws {
    // The journal's writer died writing it, before it could lock the branch: the lock is another
    // program's (a git command may be moving the branch), so it stays and the write is refused.
    let (fixture, id, _) = try ledgerWithAClaim()
    try fixture.scratch.write("{\"branch\": \"refs/hea", to: ".git/claims-journal.json")
    try fixture.scratch.write("", to: ".git/refs/heads/main.lock")
    #expect {
      try record(fixture, id, "opinion")
    } throws: { error in
      guard let error = error as? LedgerError, case .locked(let path) = error.kind else { return false }
      return path.hasSuffix(".git/refs/heads/main.lock")
    }
    #expect(FileSystem.node(at: "\(fixture.path)/.git/refs/heads/main.lock") != .missing)
  }

  @Test func aBranchLockHoldingAnotherCommitIsNeverTakenForADeadWritersOwn() throws {
    let (fixture, id, _) = try ledgerWithAClaim()
    let orphan = try Repository(openingAt: fixture.path).writeBlob(Array("orphan\n".utf8))
    try WriteJournal(branch: "refs/heads/main", commit: orphan, paths: []).write(to: gitDirectory(fixture))
    // A git command moving the branch somewhere else holds the lock now.
    try fixture.scratch.write("\(String(repeating: "1", count: 40))\n", to: ".git/refs/heads/main.lock")
    #expect(throws: LedgerError.self) { try record(fixture, id, "opinion") }
    #expect(FileSystem.node(at: "\(fixture.path)/.git/refs/heads/main.lock") != .missing)
  }

  @Test func aLockOfAnotherProgramIsReportedAndNeverRemoved() throws {
    let (fixture, id, _) = try ledgerWithAClaim()
    let head = try fixture.git("rev-parse", "HEAD")
    try fixture.scratch.write("", to: ".git/index.lock")
    let old = timespec(tv_sec: time(nil) - 60, tv_nsec: 0)
    var times = [old, old]
    _ = utimensat(AT_FDCWD, "\(fixture.path)/.git/index.lock", &times, 0)
    let report = try fixture.ledger.check()
    #expect(report.problems.map(\.path) == [".git/index.lock"])
    // However old, the lock may be a live git command's (`git commit` waiting for its editor): the
    // write is refused before it commits anything, and the lock stays.
    #expect(throws: LedgerError.self) { try record(fixture, id, "supported") }
    #expect(FileSystem.node(at: "\(fixture.path)/.git/index.lock") != .missing)
    #expect(try fixture.git("rev-parse", "HEAD") == head)
    unlink("\(fixture.path)/.git/index.lock")
    #expect(try record(fixture, id, "supported") != nil)
    #expect(fixture.status == "")
  }

  @Test func aBranchLockOfAnotherProgramIsNeverRemoved() throws {
    let (fixture, id, _) = try ledgerWithAClaim()
    let head = try fixture.git("rev-parse", "HEAD")
    try fixture.scratch.write(head, to: ".git/refs/heads/main.lock")
    do {
      _ = try record(fixture, id, "supported")
      Issue.record("the write went through a held branch lock")
    } catch {
      #expect("\(error)".contains("the branch is locked by another program"))
      #expect("\(error)".contains("remove that file, then retry"))
    }
    #expect(FileSystem.node(at: "\(fixture.path)/.git/refs/heads/main.lock") != .missing)
    #expect(try fixture.git("rev-parse", "HEAD") == head)
  }
}

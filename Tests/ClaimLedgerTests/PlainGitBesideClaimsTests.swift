import ClaimModel
import Foundation
import Git
import Synchronization
import TestSupport
import Testing

@testable import ClaimLedger

/// Plain git used on a shared ledger beside claims (issue 12, part A): every push that succeeded is
/// kept, a killed sync's lock does not block the desk, and nothing claims could not write after is
/// merged in.
@Suite struct PlainGitBesideClaimsTests {
  /// `git` in `directory`, failing the test when git fails.
  @discardableResult
  func git(_ arguments: [String], in directory: String) throws -> String {
    let result = try ProcessRunner.gitStatus(arguments, in: directory)
    guard result.status == 0 else {
      throw GitFailure(message: "git \(arguments.joined(separator: " ")) failed: \(result.stderr)")
    }
    return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// A sync, again while the remote keeps moving faster than five rounds can catch (as `claims
  /// sync` tells the user to do): the work is merged locally meanwhile.
  func syncThroughTraffic(_ ledger: Ledger, desk: DeskFixture) throws {
    for attempt in 1...20 {
      do {
        try desk.sync(ledger)
        return
      } catch let error as LedgerError where error.kind == .concurrentUpdate && attempt < 20 {
        continue
      }
    }
  }

  struct GitFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
  }

  @Test(arguments: [false, true])
  func pushesMadeWithGitWhileClaimsSyncsAreNeverLost(overFileURL: Bool) throws {
    let desk = try DeskFixture()
    let remote = overFileURL ? "file://\(desk.remote)" : desk.remote
    let laptop = try Ledger.clone(from: remote, into: desk.scratch.path("laptop"), access: desk.access)
    let plain = desk.scratch.path("plain")
    try git(["clone", "-q", remote, plain], in: desk.scratch.path)
    let ids = try desk.claimIDs(in: laptop)
    let pushed = Mutex<[String]>([])
    let failure = Mutex<String?>(nil)
    // Another person commits notes with plain git and pushes, merging whatever claims sent meanwhile.
    let pusher = Thread {
      do {
        for round in 0..<25 {
          try FileManager.default.createDirectory(atPath: "\(plain)/notes", withIntermediateDirectories: true)
          try Data("note \(round)\n".utf8).write(to: URL(fileURLWithPath: "\(plain)/notes/\(round).txt"))
          try git(["add", "notes"], in: plain)
          try git(["commit", "-q", "-m", "note \(round)"], in: plain)
          let commit = try git(["rev-parse", "HEAD"], in: plain)
          while true {
            if try ProcessRunner.gitStatus(["push", "-q", "origin", "HEAD:main"], in: plain).status == 0 { break }
            try git(["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"], in: plain)
          }
          pushed.withLock { $0.append(commit) }
        }
      } catch {
        failure.withLock { $0 = "\(error)" }
      }
    }
    pusher.start()
    let ann = try Fixtures.identity("Ann <ann@example.org>")
    for round in 0..<25 {
      let verdict = round % 2 == 0 ? "supported" : "refuted"
      _ = try laptop.record(
        .verdict(verdict, note: nil), on: ids[round % ids.count], by: ann,
        at: try Fixtures.timestamp("2026-11-24T1\(3 + round / 60):\(String(format: "%02d", round % 60)):00Z"))
      try syncThroughTraffic(laptop, desk: desk)
    }
    while !pusher.isFinished { usleep(10_000) }
    #expect(failure.withLock { $0 } == nil)
    try syncThroughTraffic(laptop, desk: desk)
    let commits = pushed.withLock { $0 }
    #expect(commits.count == 25)
    for commit in commits {
      let kept = try ProcessRunner.gitStatus(["merge-base", "--is-ancestor", commit, "main"], in: desk.remote)
      #expect(kept.status == 0, "git push of \(commit) was lost")
    }
    #expect(try git(["fsck", "--no-progress"], in: desk.remote).isEmpty)
  }

  @Test(arguments: [false, true])
  func aGitPushLandingWhileClaimsSendsItsObjectsIsKept(overFileURL: Bool) throws {
    let desk = try DeskFixture()
    let remote = overFileURL ? "file://\(desk.remote)" : desk.remote
    let laptop = try Ledger.clone(from: remote, into: desk.scratch.path("laptop"), access: desk.access)
    let plain = desk.scratch.path("plain")
    try git(["clone", "-q", remote, plain], in: desk.scratch.path)
    try Data("a note\n".utf8).write(to: URL(fileURLWithPath: "\(plain)/NOTES.md"))
    try git(["add", "NOTES.md"], in: plain)
    try git(["commit", "-q", "-m", "a note"], in: plain)
    let note = try git(["rev-parse", "HEAD"], in: plain)
    let id = try desk.claimIDs(in: laptop)[0]
    try desk.verdict(laptop, id, "supported", by: "Ann <ann@example.org>", at: "2026-11-24T12:05:00Z")
    // The git push lands while claims is sending its objects: after claims read where the
    // remote's branch was, before it moves it.
    let pushedMeanwhile = Mutex(false)
    let access = RemoteAccess(environment: [:]) { status in
      guard case .sending = status, !pushedMeanwhile.withLock({ $0 }) else { return }
      pushedMeanwhile.withLock { $0 = true }
      _ = try? ProcessRunner.gitStatus(["push", "-q", "origin", "HEAD:main"], in: plain)
    }
    let result = try desk.sync(laptop, access: access)
    #expect(pushedMeanwhile.withLock { $0 })
    #expect(result.rounds == 2)
    #expect(try ProcessRunner.gitStatus(["merge-base", "--is-ancestor", note, "main"], in: desk.remote).status == 0)
    #expect(FileSystem.node(at: "\(desk.scratch.path("laptop"))/NOTES.md") == .file)
    #expect(try git(["for-each-ref", "refs/claims"], in: desk.remote).isEmpty)
  }

  @Test func aSyncKilledWhilePushingLeavesALockTheNextSyncClears() throws {
    let desk = try DeskFixture()
    let laptop = try desk.clone("laptop")
    let id = try desk.claimIDs(in: laptop)[0]
    try desk.verdict(laptop, id, "supported", by: "Ann <ann@example.org>", at: "2026-11-24T12:05:00Z")
    // What a sync killed inside git_reference_create_matching leaves in the remote: its journal,
    // and the branch lock holding the commit it was moving the branch to.
    let tip = try #require(ObjectID(hex: try git(["rev-parse", "HEAD"], in: desk.scratch.path("laptop"))))
    try WriteJournal(branch: "refs/heads/main", commit: tip, paths: []).write(to: desk.remote)
    try Data("\(tip.hex)\n".utf8).write(to: URL(fileURLWithPath: "\(desk.remote)/refs/heads/main.lock"))
    let old = timespec(tv_sec: time(nil) - 60, tv_nsec: 0)
    var times = [old, old]
    _ = utimensat(AT_FDCWD, "\(desk.remote)/claims-journal.json", &times, 0)
    _ = utimensat(AT_FDCWD, "\(desk.remote)/refs/heads/main.lock", &times, 0)
    // check names it and says what to do.
    let report = try laptop.check()
    let lock = try #require(report.problems.first { $0.kind == .staleLock })
    #expect(lock.path == "\(desk.remote)/refs/heads/main.lock")
    #expect(lock.remedy == "run 'claims sync', which clears it")
    // The next sync (from any clone) clears it and gets through.
    let result = try desk.sync(laptop)
    #expect(result.sent == 1)
    #expect(FileSystem.node(at: "\(desk.remote)/refs/heads/main.lock") == .missing)
    #expect(try git(["rev-parse", "main"], in: desk.remote) == tip.hex)
  }

  @Test func aSyncKilledWhileSendingItsObjectsLeavesALockTheNextSyncClears() throws {
    let desk = try DeskFixture()
    let laptop = try desk.clone("laptop")
    let id = try desk.claimIDs(in: laptop)[0]
    try desk.verdict(laptop, id, "supported", by: "Ann <ann@example.org>", at: "2026-11-24T12:05:00Z")
    // What a sync killed inside libgit2's local push leaves in the remote: the lock of the
    // reference of claims' own its objects were going to, named after the commit it was sending.
    // The next sync of the same commit needs that same reference (found by RandomDesk seed 138:
    // five refused rounds, then "origin/main kept moving" with nothing else pushing).
    let tip = try git(["rev-parse", "HEAD"], in: desk.scratch.path("laptop"))
    let incoming = "\(desk.remote)/refs/claims/incoming"
    try FileManager.default.createDirectory(atPath: incoming, withIntermediateDirectories: true)
    try Data("\(tip)\n".utf8).write(to: URL(fileURLWithPath: "\(incoming)/\(tip).lock"))
    let old = timespec(tv_sec: time(nil) - 60, tv_nsec: 0)
    var times = [old, old]
    _ = utimensat(AT_FDCWD, "\(incoming)/\(tip).lock", &times, 0)
    let report = try laptop.check()
    let lock = try #require(report.problems.first { $0.kind == .staleLock })
    #expect(lock.path == "\(incoming)/\(tip).lock")
    #expect(lock.remedy == "run 'claims sync', which clears it")
    let result = try desk.sync(laptop)
    #expect(result.sent == 1)
    #expect(result.rounds == 1)
    #expect(try git(["rev-parse", "main"], in: desk.remote) == tip)
    #expect(FileSystem.node(at: "\(incoming)/\(tip).lock") == .missing)
    #expect(try git(["for-each-ref", "refs/claims"], in: desk.remote).isEmpty)
  }

  @Test func aTrackingBranchLockLeftBehindIsNamedNotRemoved() throws {
    let desk = try DeskFixture()
    let laptop = try desk.clone("laptop")
    // What a sync or a `git fetch` killed while moving origin/main leaves: every later `git fetch`
    // fails on it. Either could have left it, so check names it and the sync leaves it be.
    let lockPath = "\(desk.scratch.path("laptop"))/.git/refs/remotes/origin/main.lock"
    try Data().write(to: URL(fileURLWithPath: lockPath))
    let old = timespec(tv_sec: time(nil) - 60, tv_nsec: 0)
    var times = [old, old]
    _ = utimensat(AT_FDCWD, lockPath, &times, 0)
    let report = try laptop.check()
    #expect(report.problems.map(\.path) == [".git/refs/remotes/origin/main.lock"])
    #expect(report.problems.first?.remedy == "if no git command is running, remove it")
    _ = try desk.sync(laptop)
    #expect(FileSystem.node(at: lockPath) == .file)
    // When the sync brings work origin/main cannot show, it says so.
    let phone = try desk.clone("phone")
    try desk.verdict(
      phone, try desk.claimIDs(in: phone)[0], "supported", by: "Bo <bo@example.org>", at: "2026-11-24T12:10:00Z")
    _ = try desk.sync(phone)
    let result = try desk.sync(laptop)
    #expect(result.received == 1)
    #expect(result.warnings.count == 1)
    let warning = try #require(result.warnings.first)
    #expect(warning.hasPrefix("origin/main was not moved: .git/refs/remotes/origin/main.lock, left 6"), "\(warning)")
    #expect(
      warning.hasSuffix(
        "s ago by a killed sync or git fetch, blocks it and every git fetch; if no git fetch is running, remove it"))
  }

  @Test func anObjectRemovedFromTheHistoryBesideASyncIsNamedWithTheFetchThatBringsItBack() throws {
    let desk = try DeskFixture()
    let laptop = try desk.clone("laptop")
    let path = desk.scratch.path("laptop")
    let plain = desk.scratch.path("plain")
    try git(["clone", "-q", desk.remote, plain], in: desk.scratch.path)
    try Data("a note\n".utf8).write(to: URL(fileURLWithPath: "\(plain)/NOTES.md"))
    try git(["add", "NOTES.md"], in: plain)
    try git(["commit", "-q", "-m", "a note"], in: plain)
    try git(["push", "-q", "origin", "HEAD:main"], in: plain)
    let note = try git(["rev-parse", "HEAD"], in: plain)
    let ids = try desk.claimIDs(in: laptop)
    try desk.verdict(laptop, ids[0], "supported", by: "Ann <ann@example.org>", at: "2026-11-24T12:05:00Z")
    _ = try desk.sync(laptop)
    // What a `git repack -a -d` beside a running fetch did in the audit: the pack that brought the
    // plain commit, which the laptop's merge names as a parent, is gone.
    let packs = "\(path)/.git/objects/pack"
    for index in try FileManager.default.contentsOfDirectory(atPath: packs) where index.hasSuffix(".idx") {
      let listed = try git(["verify-pack", "-v", "\(packs)/\(index)"], in: path)
      guard listed.contains(note) else { continue }
      let base = "\(packs)/\(index.dropLast(".idx".count))"
      for suffix in [".idx", ".pack", ".rev"] { unlink(base + suffix) }
    }
    #expect(try ProcessRunner.gitStatus(["cat-file", "-e", note], in: path).status != 0)
    try git(["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"], in: plain)
    try Data("another note\n".utf8).write(to: URL(fileURLWithPath: "\(plain)/MORE-NOTES.md"))
    try git(["add", "MORE-NOTES.md"], in: plain)
    try git(["commit", "-q", "-m", "another note"], in: plain)
    try git(["push", "-q", "origin", "HEAD:main"], in: plain)
    // A new process: one that had read the missing commit before would still hold it in memory.
    let reopened = try Ledger.discover(from: path)
    try desk.verdict(reopened, ids[1], "refuted", by: "Ann <ann@example.org>", at: "2026-11-24T12:10:00Z")
    #expect {
      try desk.sync(reopened)
    } throws: { error in
      guard let error = error as? LedgerError else { return false }
      return error.kind == .wrongState && error.message.contains("is missing from this ledger")
        && error.message.contains("'git fetch --refetch origin'")
    }
    // What the message says to do brings it back, and the next sync gets through.
    try git(["fetch", "-q", "--refetch", "origin"], in: path)
    let result = try desk.sync(try Ledger.discover(from: path))
    #expect(result.sent > 0)
    #expect(try ProcessRunner.gitStatus(["fsck", "--no-dangling"], in: path).status == 0)
  }

  @Test func aLockAnotherProgramHoldsInTheRemoteIsNamedNotRemoved() throws {
    let desk = try DeskFixture()
    let laptop = try desk.clone("laptop")
    let id = try desk.claimIDs(in: laptop)[0]
    try desk.verdict(laptop, id, "supported", by: "Ann <ann@example.org>", at: "2026-11-24T12:05:00Z")
    try Data().write(to: URL(fileURLWithPath: "\(desk.remote)/refs/heads/main.lock"))
    #expect {
      try desk.sync(laptop)
    } throws: { error in
      guard let error = error as? LedgerError, case .locked(let path) = error.kind else { return false }
      return path == "\(desk.remote)/refs/heads/main.lock" && error.message.contains("remove that file")
    }
    #expect(FileSystem.node(at: "\(desk.remote)/refs/heads/main.lock") == .file)
  }

  @Test func aNewerLedgerFormatOnTheRemoteIsRefusedBeforeMerging() throws {
    let desk = try DeskFixture()
    let laptop = try desk.clone("laptop")
    let plain = desk.scratch.path("plain")
    try git(["clone", "-q", desk.remote, plain], in: desk.scratch.path)
    let config = try String(contentsOfFile: "\(plain)/ledger.json", encoding: .utf8)
    let newer = config.replacingOccurrences(
      of: "\"format_version\": \(currentFormatVersion)", with: "\"format_version\": 99")
    #expect(newer != config)
    try Data(newer.utf8).write(to: URL(fileURLWithPath: "\(plain)/ledger.json"))
    try git(["commit", "-q", "-am", "a newer claims"], in: plain)
    try git(["push", "-q", "origin", "HEAD:main"], in: plain)
    let id = try desk.claimIDs(in: laptop)[0]
    try desk.verdict(laptop, id, "supported", by: "Ann <ann@example.org>", at: "2026-11-24T12:05:00Z")
    let before = try git(["rev-parse", "HEAD"], in: desk.scratch.path("laptop"))
    #expect {
      try desk.sync(laptop)
    } throws: { error in
      (error as? LedgerError)?.kind == .newerFormat
        && (error as? LedgerError)?.message.contains("format version 99") == true
    }
    #expect(try git(["rev-parse", "HEAD"], in: desk.scratch.path("laptop")) == before)
    // The ledger still takes work.
    try desk.verdict(laptop, id, "refuted", by: "Ann <ann@example.org>", at: "2026-11-24T12:06:00Z")
  }

  @Test func theFirstSyncToAnEmptyRemoteRemembersIt() throws {
    let desk = try DeskFixture()
    let (ledger, _) = try Ledger.initialize(
      at: desk.scratch.path("fresh"), as: try Fixtures.identity("Ed <ed@example.org>"),
      at: try Fixtures.timestamp("2026-11-24T12:00:00Z"))
    try git(["init", "-q", "--bare", desk.scratch.path("empty.git")], in: desk.scratch.path)
    _ = try ledger.sync(
      remote: desk.scratch.path("empty.git"), as: try Fixtures.identity("Ed <ed@example.org>"),
      at: try Fixtures.timestamp("2026-11-24T12:01:00Z"), access: desk.access)
    #expect(try git(["remote"], in: desk.scratch.path("fresh")) == "origin")
    let again = try ledger.sync(
      remote: nil, as: try Fixtures.identity("Ed <ed@example.org>"), at: try Fixtures.timestamp("2026-11-24T12:02:00Z"),
      access: desk.access)
    #expect(again.integration == .none)
  }

  @Test func aPlainGitCloneOfTheRemoteAFirstSyncFilledChecksTheLedgerOut() throws {
    let desk = try DeskFixture()
    let (ledger, _) = try Ledger.initialize(
      at: desk.scratch.path("fresh"), as: try Fixtures.identity("Ed <ed@example.org>"),
      at: try Fixtures.timestamp("2026-11-24T12:00:00Z"))
    try git(["init", "-q", "--bare", "--initial-branch=master", desk.scratch.path("empty.git")], in: desk.scratch.path)
    _ = try ledger.sync(
      remote: desk.scratch.path("empty.git"), as: try Fixtures.identity("Ed <ed@example.org>"),
      at: try Fixtures.timestamp("2026-11-24T12:01:00Z"), access: desk.access)
    #expect(try git(["symbolic-ref", "HEAD"], in: desk.scratch.path("empty.git")) == "refs/heads/main")
    _ = try git(["clone", "-q", desk.scratch.path("empty.git"), desk.scratch.path("plain")], in: desk.scratch.path)
    #expect(FileManager.default.fileExists(atPath: desk.scratch.path("plain/ledger.json")))
    // A remote filled before that (or by a plain git push) is named as it is, with the fix.
    let remote = desk.scratch.path("empty.git")
    _ = try git(["symbolic-ref", "HEAD", "refs/heads/master"], in: remote)
    #expect {
      try Ledger.discover(from: remote)
    } throws: { error in
      (error as? LedgerError)?.message
        == "HEAD in '\(remote)' names the branch 'master', which has no commit, while 'main' holds the work; run 'git -C \(remote) symbolic-ref HEAD refs/heads/main', then retry"
    }
  }
}

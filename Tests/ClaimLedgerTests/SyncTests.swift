import ClaimLedger
import ClaimModel
import Foundation
import TestSupport
import Testing

@Suite struct SyncTests {
  @Test func differentReviewersMergeWithoutConflictAndConverge() throws {
    let desk = try DeskFixture()
    let ann = try desk.clone("ann")
    let bob = try desk.clone("bob")
    let ids = try desk.claimIDs(in: ann)
    try desk.verdict(ann, ids[0], "supported", by: "Ann <ann@example.org>", at: "2026-11-24T12:10:00Z")
    try desk.verdict(bob, ids[0], "refuted", by: "Bob <bob@example.org>", at: "2026-11-24T12:11:00Z")
    try desk.verdict(bob, ids[1], "opinion", by: "Bob <bob@example.org>", at: "2026-11-24T12:12:00Z")

    let first = try desk.sync(ann)
    #expect(first.integration == .none)
    #expect(first.sent == 1)
    let second = try desk.sync(bob)
    #expect(second.integration == .merge)
    #expect(second.received == 1)
    #expect(second.resolutions.isEmpty)
    #expect(second.sent == 3)
    let third = try desk.sync(ann)
    #expect(third.integration == .fastForward)
    #expect(try desk.sync(ann).integration == .none)

    let tip = try desk.git("remote.git", "rev-parse", "main")
    #expect(try desk.git("ann", "rev-parse", "HEAD") == tip)
    #expect(try desk.git("bob", "rev-parse", "HEAD") == tip)
    #expect(try desk.git("ann", "rev-list", "--parents", "-1", "HEAD").split(separator: " ").count == 3)
    let reviews = try desk.git("ann", "ls-tree", "-r", "--name-only", "HEAD", "Reviews")
    #expect(reviews.split(separator: "\n").count == 3)
    #expect(try desk.git("ann", "status", "--porcelain") == "")
    #expect(try desk.git("bob", "status", "--porcelain") == "")
    #expect(try desk.git("remote.git", "fsck", "--no-progress").isEmpty)
    #expect(try desk.git("ann", "log", "-1", "--format=%s", "HEAD^2") == "verdict: \(ids[0]) supported")
  }

  @Test(arguments: [true, false])
  func sameReviewerOnTwoMachinesKeepsTheLaterActionAndBothStayInHistory(mergerIsLater: Bool) throws {
    let desk = try DeskFixture()
    let laptop = try desk.clone("laptop")
    let desktop = try desk.clone("desktop")
    let id = try desk.claimIDs(in: laptop)[2]
    let ann = "Ann <ann@example.org>"
    let (early, late) = ("2026-11-24T12:10:00Z", "2026-11-24T12:20:00Z")
    try desk.verdict(laptop, id, "supported", by: ann, at: mergerIsLater ? early : late)
    try desk.verdict(desktop, id, "misleading", by: ann, at: mergerIsLater ? late : early)
    try desk.sync(laptop)
    let merged = try desk.sync(desktop)
    #expect(merged.integration == .merge)
    let resolution = try #require(merged.resolutions.first)
    #expect(merged.resolutions.count == 1)
    #expect(resolution.path.hasPrefix("Reviews/storm/\(id)/ann@example.org"))
    #expect(resolution.kind == .field)
    #expect(resolution.kept == (mergerIsLater ? .ours : .theirs))
    let (lost, won) = mergerIsLater ? ("supported", "misleading") : ("misleading", "supported")
    #expect(resolution.detail?.hasPrefix("Ann's verdict on storm:3 from ") == true)
    #expect(resolution.detail?.hasSuffix("(\(lost), \(early)) replaced by \(won), made later") == true)
    let kept = try desktop.snapshot().reviews(of: try Fixtures.source("storm"))[try Fixtures.claimID(id)]?.first
    #expect(kept?.verdict == (mergerIsLater ? "misleading" : "supported"))
    let message = try desk.git("desktop", "log", "-1", "--format=%B")
    #expect(message.hasPrefix("sync: merge origin/main"))
    #expect(message.contains("Action: sync"))
    #expect(try desktop.history().first?.action == .sync)
    #expect(message.contains("Resolved: \(resolution.summary)"))
    let history = try desk.git("desktop", "log", "--full-history", "--format=%s", "--", resolution.path)
    #expect(history.contains("verdict: \(id) supported"))
    #expect(history.contains("verdict: \(id) misleading"))
    #expect(try desk.git("desktop", "status", "--porcelain") == "")
    try desk.sync(laptop)
    #expect(try desk.git("laptop", "rev-parse", "HEAD") == desk.git("desktop", "rev-parse", "HEAD"))
  }

  @Test func equalTimesAreSettledTheSameWayWhicheverSideMerges() throws {
    var trees: [String] = []
    for laptopFirst in [true, false] {
      let desk = try DeskFixture()
      let laptop = try desk.clone("laptop")
      let desktop = try desk.clone("desktop")
      let id = try desk.claimIDs(in: laptop)[0]
      try desk.verdict(laptop, id, "supported", by: "Ann <ann@example.org>", at: "2026-11-24T12:10:00Z")
      try desk.verdict(desktop, id, "refuted", by: "Ann <ann@example.org>", at: "2026-11-24T12:10:00Z")
      let (first, second) = laptopFirst ? (laptop, desktop) : (desktop, laptop)
      try desk.sync(first)
      let result = try desk.sync(second)
      #expect(result.resolutions.count == 1)
      try desk.sync(first)
      trees.append(try desk.git("remote.git", "rev-parse", "main^{tree}"))
    }
    #expect(trees[0] == trees[1])
  }

  @Test func aRemovedReviewAgainstALaterChangeKeepsTheChange() throws {
    let desk = try DeskFixture()
    let laptop = try desk.clone("laptop")
    let id = try desk.claimIDs(in: laptop)[1]
    let ann = try Fixtures.identity("Ann <ann@example.org>")
    _ = try laptop.record(.note("first look"), on: id, by: ann, at: try Fixtures.timestamp("2026-11-24T12:01:00Z"))
    try desk.sync(laptop)
    let desktop = try desk.clone("desktop")
    // The laptop removes the note, all the review held; the desktop later adds a verdict. Each
    // touched a different field: both stand, nothing needed settling.
    _ = try laptop.record(.note(""), on: id, by: ann, at: try Fixtures.timestamp("2026-11-24T12:05:00Z"))
    try desk.verdict(desktop, id, "refuted", by: "Ann <ann@example.org>", at: "2026-11-24T12:09:00Z")
    try desk.sync(laptop)
    let result = try desk.sync(desktop)
    #expect(result.resolutions.isEmpty)
    let review = try desktop.snapshot().reviews(of: try Fixtures.source("storm"))[try Fixtures.claimID(id)]?.first
    #expect(review?.verdict == "refuted")
    #expect(review?.note == nil)
  }

  @Test func aPushRefusedBecauseTheRemoteMovedIsRetriedAfterMergingAgain() throws {
    let desk = try DeskFixture()
    let ann = try desk.clone("ann")
    let bob = try desk.clone("bob")
    let carol = try desk.clone("carol")
    let ids = try desk.claimIDs(in: ann)
    try desk.verdict(carol, ids[3], "supported", by: "Carol <carol@example.org>", at: "2026-11-24T12:01:00Z")
    try desk.sync(carol)
    try desk.verdict(ann, ids[0], "supported", by: "Ann <ann@example.org>", at: "2026-11-24T12:02:00Z")
    try desk.verdict(bob, ids[1], "refuted", by: "Bob <bob@example.org>", at: "2026-11-24T12:03:00Z")
    // While Ann's sync downloads Carol's work, Bob pushes: Ann's first push is refused.
    var bobPushed = false
    var bobError: (any Error)?
    let racing = RemoteAccess(environment: [:]) { _ in
      guard !bobPushed else { return }
      bobPushed = true
      do { try desk.sync(bob) } catch { bobError = error }
    }
    let result = try desk.sync(ann, access: racing)
    #expect(bobPushed)
    #expect(bobError == nil)
    #expect(result.rounds == 2)
    #expect(try desk.git("remote.git", "rev-parse", "main") == desk.git("ann", "rev-parse", "HEAD"))
    let reviews = try desk.git("remote.git", "ls-tree", "-r", "--name-only", "main", "Reviews")
    #expect(reviews.split(separator: "\n").count == 3)
  }

  @Test func unrelatedHistoriesAreRefused() throws {
    let desk = try DeskFixture()
    let ann = try desk.clone("ann")
    let other = try LedgerFixture()
    #expect(throws: LedgerError.self) {
      try ann.sync(remote: other.path, as: desk.importer, at: desk.start, access: desk.access)
    }
    do {
      _ = try ann.sync(remote: other.path, as: desk.importer, at: desk.start, access: desk.access)
    } catch {
      #expect(error.kind == .wrongState)
      #expect(error.message.contains("no history in common"))
    }
  }

  @Test func uncommittedWorkInAFileTheMergeWouldChangeStopsItAndIsKept() throws {
    let desk = try DeskFixture()
    let ann = try desk.clone("ann")
    let laptop = try desk.clone("laptop")
    let id = try desk.claimIDs(in: ann)[0]
    try desk.verdict(ann, id, "supported", by: "Ann <ann@example.org>", at: "2026-11-24T12:02:00Z")
    try desk.sync(ann)
    try desk.verdict(laptop, id, "refuted", by: "Ann <ann@example.org>", at: "2026-11-24T12:01:00Z")
    let path = "Reviews/storm/\(id)/ann@example.org.json"
    try desk.scratch.write("{ my unsaved edit\n", to: "laptop/\(path)")
    let head = try desk.git("laptop", "rev-parse", "HEAD")
    #expect(throws: LedgerError.self) { try desk.sync(laptop) }
    #expect(try desk.git("laptop", "rev-parse", "HEAD") == head)
    #expect(try desk.scratch.read("laptop/\(path)") == "{ my unsaved edit\n")
    try desk.git("laptop", "restore", path)
    #expect(try desk.sync(laptop).integration == .merge)
  }

  @Test func aLinkFromTheRemoteBecomesAPlainFileAndCheckReportsIt() throws {
    let desk = try DeskFixture()
    let ann = try desk.clone("ann")
    // Someone commits a link pointing outside the ledger with plain git and pushes it.
    try desk.git(".", "clone", "-q", desk.remote, "mallory")
    let id = try desk.claimIDs(in: ann)[0]
    let link = "Reviews/storm/\(id)/mallory.json"
    try FileManager.default.createDirectory(
      atPath: desk.scratch.path("mallory/Reviews/storm/\(id)"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: desk.scratch.path("mallory/\(link)"), withDestinationPath: "/etc/passwd")
    try desk.git("mallory", "add", "-A")
    try desk.git("mallory", "commit", "-q", "-m", "a link")
    try desk.git("mallory", "push", "-q", "origin", "main")

    #expect(try desk.sync(ann).integration == .fastForward)
    #expect(
      (try FileManager.default.attributesOfItem(atPath: desk.scratch.path("ann/\(link)"))[.type] as? FileAttributeType)
        == .typeRegular)
    #expect(try desk.scratch.read("ann/\(link)") == "/etc/passwd")
    #expect(try desk.git("ann", "status", "--porcelain") == "")
    let report = try ann.check()
    #expect(report.problems.contains { $0.path == link && $0.problem.contains("symbolic link") })
    let fresh = try desk.clone("fresh")
    #expect(try desk.scratch.read("fresh/\(link)") == "/etc/passwd")
    #expect(try fresh.check().problems.contains { $0.path == link })
  }
}

@Suite struct HostileRemoteTests {
  /// Pushes to the desk's remote a commit whose tree adds `entry` (a line of `git ls-tree`
  /// output) at the top, as only a crafted tree can.
  private func pushCraftedCommit(_ desk: DeskFixture, adding entry: (DeskFixture) throws -> String) throws {
    try desk.git(".", "clone", "-q", desk.remote, "mallory")
    let listing = try desk.git("mallory", "ls-tree", "HEAD")
    let tree = try ProcessRunner.run(
      "/usr/bin/git", ["mktree"], in: desk.scratch.path("mallory"),
      input: Array((listing + "\n" + (try entry(desk)) + "\n").utf8)
    ).requireSuccess("git mktree").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    let commit = try desk.git("mallory", "commit-tree", tree, "-p", "HEAD", "-m", "crafted")
    try desk.git("mallory", "push", "-q", "origin", "\(commit):refs/heads/main")
  }

  /// `040000 tree <id>\t<name>` for a chain of directories `names` ending in a file.
  private func chain(_ desk: DeskFixture, _ names: [String], file: String) throws -> String {
    let blob = try ProcessRunner.run(
      "/usr/bin/git", ["hash-object", "-w", "--stdin"], in: desk.scratch.path("mallory"),
      input: Array("#!/bin/sh\necho owned > /tmp/claims-owned\n".utf8)
    ).requireSuccess("git hash-object").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    var line = "100755 blob \(blob)\t\(file)"
    for name in names.reversed() {
      let tree = try ProcessRunner.run(
        "/usr/bin/git", ["mktree"], in: desk.scratch.path("mallory"), input: Array((line + "\n").utf8)
      ).requireSuccess("git mktree").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
      line = "040000 tree \(tree)\t\(name)"
    }
    return line
  }

  @Test(arguments: [
    ["Reviews", "..", ".."], ["..", ".."], [".git", "hooks"], [".GIT", "hooks"], ["Assignments", "."],
  ])
  func aCraftedPathOutOfTheLedgerOrIntoGitIsNeverWritten(names: [String]) throws {
    let desk = try DeskFixture()
    let ann = try desk.clone("ann")
    let head = try desk.git("ann", "rev-parse", "HEAD")
    let file = names.contains("..") ? "escaped" : "post-commit"
    try pushCraftedCommit(desk) { desk in try self.chain(desk, names, file: file) }
    #expect {
      try desk.sync(ann)
    } throws: { error in
      (error as? LedgerError)?.message.contains("leads outside the ledger or into .git") == true
    }
    #expect(try desk.git("ann", "rev-parse", "HEAD") == head)
    #expect(try desk.git("ann", "status", "--porcelain") == "")
    let above = URL(fileURLWithPath: desk.scratch.path).deletingLastPathComponent().appendingPathComponent("escaped")
    #expect(!FileManager.default.fileExists(atPath: desk.scratch.path("escaped")))
    #expect(!FileManager.default.fileExists(atPath: above.path))
    #expect(!FileManager.default.fileExists(atPath: desk.scratch.path("ann/.git/hooks/post-commit")))
    // A fresh clone refuses it too, and leaves nothing behind.
    #expect(throws: LedgerError.self) { try desk.clone("fresh") }
    #expect(!FileManager.default.fileExists(atPath: desk.scratch.path("fresh")))
    #expect(!FileManager.default.fileExists(atPath: desk.scratch.path("escaped")))
  }
}

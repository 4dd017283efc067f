import Foundation
import TestSupport
import Testing

/// States of the repository that libgit2's own messages describe misleadingly ("D/F conflict",
/// "object not found … run git fsck", "unsupported mandatory extension", "not a claims ledger"):
/// each is named, with what to do.
@Suite struct RepositoryStateMessageTests {
  private func commitByHand(_ fixture: CLIFixture, _ message: String) throws {
    try ProcessRunner.git(["add", "-A"], in: fixture.path)
    try ProcessRunner.git(["commit", "-q", "-m", message], in: fixture.path)
  }

  @Test func aFileOrLinkCommittedWhereAReviewDirectoryBelongsIsNamedWithItsRemedy() throws {
    let fixture = try CLIFixture()
    let id = fixture.id(1)
    let path = "Reviews/storm/\(id)"
    try fixture.scratch.write("junk\n", to: path)
    try commitByHand(fixture, "a file where a directory belongs")
    var head = fixture.head
    let remedy = "remove it with 'git rm -- \(path)', commit, then retry"
    expectRefusal(
      fixture.run("verdict", id, "supported"),
      containing: "\(path) is committed as a file where the ledger needs a directory",
      ledger: fixture, head: head)
    // Removing it from the work tree alone is not enough, and the message still says so.
    try FileManager.default.removeItem(atPath: fixture.scratch.path(path))
    let again = fixture.run("verdict", id, "supported")
    expectRefusal(again, containing: remedy)
    #expect(!again.stderr.contains("D/F conflict"))
    #expect(fixture.head == head)

    try ProcessRunner.git(["rm", "-q", "--cached", path], in: fixture.path)
    try FileManager.default.createSymbolicLink(atPath: fixture.scratch.path(path), withDestinationPath: "/tmp")
    try commitByHand(fixture, "a link where a directory belongs")
    head = fixture.head
    expectRefusal(
      fixture.run("note", id, "memo"),
      containing: "\(path) is committed as a symbolic link where the ledger needs a directory",
      ledger: fixture, head: head)
    try ProcessRunner.git(["rm", "-q", "--", path], in: fixture.path)
    try ProcessRunner.git(["commit", "-q", "-m", "remove it"], in: fixture.path)
    #expect(fixture.run("verdict", id, "supported").status == 0)
  }

  @Test func aShallowCloneSaysSoAndHowToDeepenIt() throws {
    let desk = try SharedDesk()
    #expect(desk.run("verdict", "storm:1", "supported", in: desk.origin.path).status == 0)
    #expect(desk.run("verdict", "storm:2", "refuted", in: desk.origin.path).status == 0)
    let remote = desk.scratch.path("remote.git")
    try ProcessRunner.git(["--git-dir", remote, "fetch", "-q", desk.origin.path, "main:main"], in: desk.scratch.path)
    try ProcessRunner.git(
      ["clone", "-q", "--depth", "1", "file://\(remote)", desk.scratch.path("shallow")], in: desk.scratch.path)
    let shallow = desk.scratch.path("shallow")
    for command in [["log"], ["blame", "storm:1"], ["report"]] {
      let result = CLIHarness.run(command, in: shallow)
      expectRefusal(result, containing: "the ledger is a shallow clone")
      #expect(result.stderr.contains("'git fetch --unshallow'") && !result.stderr.contains("git fsck"))
    }
    // The remote moves on, this clone has work of its own: sync says the same.
    #expect(desk.run("verdict", "storm:3", "supported", in: desk.origin.path).status == 0)
    try ProcessRunner.git(["--git-dir", remote, "fetch", "-q", desk.origin.path, "main:main"], in: desk.scratch.path)
    #expect(desk.run("verdict", "storm:4", "supported", in: shallow).status == 0)
    expectRefusal(desk.run("sync", in: shallow), containing: "'git fetch --unshallow'")
    try ProcessRunner.git(["fetch", "-q", "--unshallow"], in: shallow)
    #expect(desk.run("log", in: shallow).status == 0)
  }

  @Test func aDetachedHeadNamesTheLedgersOwnBranch() throws {
    let fixture = try CLIFixture()
    try ProcessRunner.git(["branch", "-m", "main", "desk"], in: fixture.path)
    try ProcessRunner.git(["checkout", "-q", "--detach"], in: fixture.path)
    let head = fixture.head
    let refused = fixture.run("verdict", "storm:1", "supported")
    expectRefusal(refused, containing: "HEAD is detached", ledger: fixture, head: head)
    #expect(refused.stderr.contains("(git switch desk)") && !refused.stderr.contains("main"), "\(refused.stderr)")
  }

  @Test func aSplitIndexNamesTheCommandThatJoinsIt() throws {
    let fixture = try CLIFixture()
    try ProcessRunner.git(["update-index", "--split-index"], in: fixture.path)
    let refused = fixture.run("verdict", "storm:1", "supported")
    expectRefusal(refused, containing: "the git index is split")
    #expect(refused.stderr.contains("'git update-index --no-split-index'"), "\(refused.stderr)")
    try ProcessRunner.git(["update-index", "--no-split-index"], in: fixture.path)
    #expect(fixture.run("verdict", "storm:1", "supported").status == 0)
  }

  @Test func objectsRemovedByAPruneAreNamedInsteadOfNotALedger() throws {
    let fixture = try CLIFixture()
    let tree = fixture.git("rev-parse", "HEAD^{tree}").trimmingCharacters(in: .whitespacesAndNewlines)
    try ProcessRunner.git(["repack", "-q", "-a", "-d"], in: fixture.path)
    // Unpack everything, then remove the tip's tree as a prune racing a write would.
    let packs = try FileManager.default.contentsOfDirectory(atPath: fixture.scratch.path(".git/objects/pack"))
    for pack in packs where pack.hasSuffix(".pack") {
      let moved = fixture.scratch.path(".git/\(pack)")
      try FileManager.default.moveItem(atPath: fixture.scratch.path(".git/objects/pack/\(pack)"), toPath: moved)
      try FileManager.default.removeItem(
        atPath: fixture.scratch.path(".git/objects/pack/\(pack.dropLast(5)).idx"))
      let unpacked = try ProcessRunner.run(
        "/bin/sh", ["-c", "git unpack-objects -q < \(moved)"], in: fixture.path)
      #expect(unpacked.status == 0, "\(unpacked.stderr)")
    }
    try FileManager.default.removeItem(
      atPath: fixture.scratch.path(".git/objects/\(tree.prefix(2))/\(tree.dropFirst(2))"))
    for command in [["list"], ["verdict", "storm:1", "supported"]] {
      let result = CLIHarness.run(command, in: fixture.path)
      expectRefusal(result, containing: "the ledger's history is damaged: the tree of commit")
      #expect(result.stderr.contains("git reflog main") && !result.stderr.contains("claims init"), "\(result.stderr)")
    }
  }
}

/// `git gc` beside claims: a loop of `git gc --prune=now` beside a loop of verdicts loses no
/// verdict, fails none, and leaves no damage.
@Suite struct ConcurrentGarbageCollectionTests {
  @Test func verdictsBesideALoopOfGitGCAllSucceedAndStay() throws {
    let fixture = try CLIFixture()
    let stop = fixture.scratch.path(".git/stop-gc")
    let collector = try ChildProcess(
      "/bin/sh",
      [
        "-c",
        "while [ ! -e \(stop) ]; do git -c gc.auto=0 gc -q --prune=now 2>/dev/null; done",
      ], in: fixture.path, environment: ["PATH": "/usr/bin:/bin", "HOME": fixture.path])
    var failures: [String] = []
    let verdicts = 16
    for number in 0..<verdicts {
      let result = try ProcessRunner.run(
        ProcessRunner.claimsExecutable, ["verdict", "storm:1", number % 2 == 0 ? "supported" : "refuted"],
        in: fixture.path, environment: fixture.environment.merging(["PATH": "/usr/bin:/bin"]) { $1 })
      if result.status != 0 { failures.append(result.stderr) }
    }
    FileManager.default.createFile(atPath: stop, contents: nil)
    _ = collector.wait()
    #expect(failures.isEmpty, "\(failures)")
    let fsck = try ProcessRunner.git(["fsck", "--strict"], in: fixture.path)
    #expect(fsck.status == 0, "\(fsck.stdout)\(fsck.stderr)")
    let recorded = fixture.git("log", "--format=%s").split(separator: "\n").filter { $0.hasPrefix("verdict:") }
    #expect(recorded.count == verdicts)
    #expect(fixture.status == "")
  }
}

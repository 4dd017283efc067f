import Foundation
import TestSupport
import Testing

/// A remote holding a tree 30,000 levels deep (pushed with plain git) is refused with a clear error
/// by `sync` and `clone`, and every reading command copes with it: no crash, no runaway memory.
@Suite struct DeepTreeTests {
  static let depth = 30_000

  /// Adds a file `depth` directories deep to the remote's `main` with `git fast-import`, on top
  /// of the ledger already there; returns the new tip.
  private func pushDeepTree(to remote: String, in directory: String) throws -> String {
    let path = Array(repeating: "d", count: Self.depth).joined(separator: "/") + "/f"
    let stream = """
      commit refs/heads/main
      committer Plain Git <plain@example.org> 1764000000 +0000
      data 5
      deep
      from refs/heads/main^0
      M 100644 inline \(path)
      data 2
      x


      """
    let imported = try ProcessRunner.run(
      "/usr/bin/git", ["--git-dir", remote, "fast-import", "--quiet"], in: directory, input: Array(stream.utf8))
    try #require(imported.status == 0, "\(imported.stderr.prefix(500))")
    return try ProcessRunner.git(["--git-dir", remote, "rev-parse", "main"], in: directory).stdout
  }

  /// Runs the real `claims` (a crash must fail the test, not end the test run).
  private func claims(_ arguments: String..., in directory: String) throws -> ProcessResult {
    var environment = CLIHarness.defaultEnvironment
    environment["PATH"] = "/usr/bin:/bin"
    return try ProcessRunner.run(ProcessRunner.claimsExecutable, arguments, in: directory, environment: environment)
  }

  private func expectDepthRefusal(_ result: ProcessResult, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(result.status == 1, "status \(result.status)", sourceLocation: sourceLocation)
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(result.stderr.prefix(500))", sourceLocation: sourceLocation)
    #expect(
      result.stderr.contains("the tree at 'd/d/d/…' is nested deeper than 256 levels"),
      "\(result.stderr.prefix(500))", sourceLocation: sourceLocation)
  }

  @Test func syncAndCloneRefuseATreeTooDeepAndReadersCope() throws {
    let desk = try SharedDesk()
    let remote = desk.scratch.path("remote.git")
    #expect(desk.run("clone", "remote.git", "mine").status == 0)
    let mine = desk.scratch.path("mine")
    _ = try pushDeepTree(to: remote, in: desk.scratch.path)
    #expect(desk.run("verdict", "storm:1", "supported", in: mine).status == 0)
    let head = desk.git("mine", "rev-parse", "HEAD")
    for _ in 0..<2 {
      expectDepthRefusal(try claims("sync", in: mine))
      #expect(desk.git("mine", "rev-parse", "HEAD") == head)
      #expect(desk.git("mine", "status", "--porcelain") == "")
    }
    expectDepthRefusal(try claims("clone", remote, "copy", in: desk.scratch.path))
    #expect(!FileManager.default.fileExists(atPath: desk.scratch.path("copy")))

    // A ledger whose own branch holds the tree (a bare copy of the remote): readers cope.
    try ProcessRunner.git(["clone", "-q", "--bare", remote, desk.scratch.path("copy.git")], in: desk.scratch.path)
    let copy = desk.scratch.path("copy.git")
    for command in [
      ["log"], ["diff", "HEAD~1", "HEAD"], ["list"], ["show", "storm:1"], ["report"], ["blame", "storm:1"],
    ] {
      let result = try ProcessRunner.run(
        ProcessRunner.claimsExecutable, command, in: copy, environment: CLIHarness.defaultEnvironment)
      #expect(result.status == 0, "\(command): status \(result.status) \(result.stderr.prefix(300))")
    }
    let check = try claims("check", in: copy)
    #expect(check.status == 1, "status \(check.status)")
    #expect(check.stdout.contains("is nested deeper than 256 levels"), "\(check.stdout.suffix(300))")
  }
}

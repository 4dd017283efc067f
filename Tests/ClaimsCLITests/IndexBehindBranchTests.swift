import Foundation
import TestSupport
import Testing

/// An action reported done is never undone by the user's next plain git command (issue 12, A3): a
/// write whose work tree or index cannot follow its commit takes the branch back and reports
/// nothing done, and claims never removes an `index.lock` it cannot prove its own dead writer's.
@Suite struct IndexBehindBranchTests {
  /// A ledger whose git index is larger than `kilobytes`, so a write limited to that file size can
  /// write its objects and review file but not the index.
  func largeLedger() throws -> CLIFixture {
    let article = (1...300).map { "Officials counted \($0) damaged homes in district \($0)." }.joined(separator: "\n\n")
    return try CLIFixture(importing: article + "\n")
  }

  @Test func aWriteWhoseIndexCannotBeWrittenRecordsNothing() throws {
    let fixture = try largeLedger()
    let head = fixture.head
    let index = try FileManager.default.attributesOfItem(atPath: fixture.scratch.path(".git/index"))
    #expect((index[.size] as? Int ?? 0) > 16 * 1024)
    var environment = fixture.environment
    environment["PATH"] = "/usr/bin:/bin"
    // Files larger than 16 KB cannot be written (and the signal that would kill the process is ignored).
    let limited = try ChildProcess.run(
      "/bin/bash",
      ["-c", "trap '' XFSZ; ulimit -f 16; exec \"$0\" verdict storm:1 refuted", ProcessRunner.claimsExecutable],
      in: fixture.path, environment: environment)
    #expect(limited.status == 1, "\(limited.stdout) \(limited.stderr)")
    #expect(limited.stderr.hasPrefix("Error: nothing was recorded: the work tree or git index could not be written"))
    #expect(fixture.head == head)
    #expect(fixture.status == "")
    #expect(FileManager.default.fileExists(atPath: fixture.scratch.path(".git/claims-journal.json")) == false)
    #expect(FileManager.default.fileExists(atPath: fixture.scratch.path(".git/index.lock")) == false)
    // The next plain git commit has nothing of claims' to undo, and the next claims write goes through.
    fixture.git("commit", "-q", "--allow-empty", "-m", "a plain commit")
    #expect(fixture.run("verdict", "storm:1", "refuted").status == 0)
    #expect(fixture.run("show", "storm:1").stdout.contains("refuted"))
    #expect(fixture.status == "")
  }

  @Test func anIndexLockBesideAJournalThatNeverWroteTheIndexIsAnotherProgramsAndStays() throws {
    let fixture = try CLIFixture()
    // A write that stopped after its commit, before its index (a full disk), left its journal; then
    // `git commit -a` took the index lock and waits for its editor.
    let commit = fixture.head
    let journal = "{\"branch\": \"refs/heads/main\", \"commit\": \"\(commit)\", \"paths\": []}\n"
    try fixture.scratch.write(journal, to: ".git/claims-journal.json")
    try fixture.scratch.write("DIRC", to: ".git/index.lock")
    let result = fixture.run("verdict", "storm:1", "refuted")
    #expect(result.status == 1)
    #expect(result.stderr.contains("index.lock"))
    #expect(FileManager.default.fileExists(atPath: fixture.scratch.path(".git/index.lock")))
    #expect(fixture.head == commit)
  }
}

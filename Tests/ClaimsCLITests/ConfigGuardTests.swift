import Foundation
import TestSupport
import Testing

/// Nothing is written under a `ledger.json` this build cannot read, and a refused `init` leaves a
/// repository as it found it.
@Suite struct ConfigGuardTests {
  @Test func aNewerFormatVersionStopsEveryWrite() throws {
    let fixture = try CLIFixture()
    let config = try String(contentsOfFile: fixture.scratch.path("ledger.json"), encoding: .utf8)
    try fixture.scratch.write(
      config.replacingOccurrences(of: "\"format_version\": 1", with: "\"format_version\": 99"), to: "ledger.json")
    try ProcessRunner.git(["commit", "-q", "-am", "a newer claims wrote this"], in: fixture.path)
    let head = fixture.head
    try fixture.scratch.write("A new fact. Another one.\n", to: ".git/new.txt")
    expectRefusal(
      fixture.run("import", fixture.scratch.path(".git/new.txt"), "--id", "new"),
      containing: "format version 99 is newer", ledger: fixture, head: head)
    expectRefusal(
      fixture.run("verdict", "storm:1", "refuted"), containing: "upgrade claims", ledger: fixture, head: head)
    #expect(fixture.head == head)
  }

  @Test func aLedgerJSONThatIsNotAClaimsConfigIsNotTakenForALedger() throws {
    let scratch = ScratchDirectory()
    let repository = scratch.path("repo")
    try FileManager.default.createDirectory(atPath: repository, withIntermediateDirectories: true)
    try ProcessRunner.git(["init", "-q"], in: repository)
    try scratch.write("{\"name\": \"some other tool\"}\n", to: "repo/ledger.json")
    try ProcessRunner.git(["add", "-A"], in: repository)
    try ProcessRunner.git(["commit", "-q", "-m", "another tool's file"], in: repository)
    let head = try ProcessRunner.git(["rev-parse", "HEAD"], in: repository).stdout
    let result = CLIHarness.run(["init", repository], in: scratch.path, environment: CLIHarness.defaultEnvironment)
    expectRefusal(result, containing: "is not a claims config")
    #expect(try ProcessRunner.git(["rev-parse", "HEAD"], in: repository).stdout == head)
    #expect(!FileManager.default.fileExists(atPath: "\(repository)/.git/claims.lock"))
  }

  @Test func aRefusedInitLeavesNoLockFileInSomeoneElsesRepository() throws {
    let scratch = ScratchDirectory()
    let repository = scratch.path("repo")
    try FileManager.default.createDirectory(atPath: repository, withIntermediateDirectories: true)
    try ProcessRunner.git(["init", "-q"], in: repository)
    try scratch.write("{}\n", to: "repo/ledger.json")
    let result = CLIHarness.run(["init", repository], in: scratch.path, environment: CLIHarness.defaultEnvironment)
    expectRefusal(result, containing: "ledger.json")
    #expect(!FileManager.default.fileExists(atPath: "\(repository)/.git/claims.lock"))
  }
}

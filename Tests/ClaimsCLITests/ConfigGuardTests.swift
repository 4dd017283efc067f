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
      config.replacingOccurrences(of: "\"format_version\": 2", with: "\"format_version\": 99"), to: "ledger.json")
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

  /// A plain git repository (not a ledger) in `scratch` holding `ledger.json` with `config`,
  /// committed or left untracked; then `claims init` on it, which must refuse and leave no lock.
  func initRefused(config: String, committed: Bool, saying fragment: String) throws {
    let scratch = ScratchDirectory()
    let repository = scratch.path("repo")
    try FileManager.default.createDirectory(atPath: repository, withIntermediateDirectories: true)
    try ProcessRunner.git(["init", "-q"], in: repository)
    try scratch.write(config, to: "repo/ledger.json")
    if committed {
      try ProcessRunner.git(["add", "-A"], in: repository)
      try ProcessRunner.git(["commit", "-q", "-m", "another tool's file"], in: repository)
    }
    let head = try? ProcessRunner.git(["rev-parse", "HEAD"], in: repository).stdout
    let result = CLIHarness.run(["init", repository], in: scratch.path, environment: CLIHarness.defaultEnvironment)
    expectRefusal(result, containing: fragment)
    #expect((try? ProcessRunner.git(["rev-parse", "HEAD"], in: repository).stdout) == head)
    #expect(!FileManager.default.fileExists(atPath: "\(repository)/.git/claims.lock"))
  }

  @Test func aLedgerJSONThatIsNotAClaimsConfigIsNotTakenForALedger() throws {
    try initRefused(config: "{\"name\": \"some other tool\"}\n", committed: true, saying: "is not a claims config")
  }

  @Test func aRefusedInitLeavesNoLockFileInSomeoneElsesRepository() throws {
    try initRefused(config: "{}\n", committed: false, saying: "ledger.json")
  }
}

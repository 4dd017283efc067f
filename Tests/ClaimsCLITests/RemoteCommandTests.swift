import ClaimsCLI
import Foundation
import TestSupport
import Testing

/// A shared bare remote made from a CLI fixture's ledger, and clones of it made with `claims clone`.
final class SharedDesk {
  let origin: CLIFixture
  let scratch = ScratchDirectory()

  init() throws {
    origin = try CLIFixture()
    try ProcessRunner.git(["clone", "-q", "--bare", origin.path, scratch.path("remote.git")], in: scratch.path)
  }

  func run(_ arguments: String..., in directory: String? = nil, reviewer: String? = nil) -> ProcessResult {
    var environment = CLIHarness.defaultEnvironment
    if let reviewer { environment["CLAIMS_REVIEWER"] = reviewer }
    return CLIHarness.run(arguments, in: directory ?? scratch.path, environment: environment)
  }

  func git(_ directory: String, _ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) -> String {
    gitOutput(arguments, in: scratch.path(directory), sourceLocation: sourceLocation)
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }
}

@Suite struct CloneCommandTests {
  @Test func cloneMakesAWorkingLedgerWithOrigin() throws {
    let desk = try SharedDesk()
    let result = desk.run("clone", "remote.git")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout
        == "Cloned \(desk.scratch.path("remote.git")) into \(desk.scratch.path("remote")) (1 source); share your work with 'claims sync'\n"
    )
    #expect(desk.git("remote", "remote", "get-url", "origin") == desk.scratch.path("remote.git"))
    #expect(desk.git("remote", "status", "--porcelain") == "")
    #expect(desk.git("remote", "config", "core.symlinks") == "false")
    #expect(desk.run("list", in: desk.scratch.path("remote")).stdout.split(separator: "\n").count == 4)
  }

  @Test func cloneRefusesABusyDirectoryAndLeavesItAlone() throws {
    let desk = try SharedDesk()
    try desk.scratch.write("mine\n", to: "busy/notes.txt")
    expectRefusal(desk.run("clone", "remote.git", "busy"), containing: "already exists and is not empty")
    #expect(try desk.scratch.read("busy/notes.txt") == "mine\n")
  }

  @Test func cloneOfSomethingThatIsNotALedgerLeavesNothingBehind() throws {
    let desk = try SharedDesk()
    try ProcessRunner.git(["init", "-q", "--bare", desk.scratch.path("plain.git")], in: desk.scratch.path)
    expectRefusal(desk.run("clone", "plain.git", "copy"), containing: "holds no claims ledger")
    #expect(!FileManager.default.fileExists(atPath: desk.scratch.path("copy")))
    try FileManager.default.createDirectory(atPath: desk.scratch.path("empty"), withIntermediateDirectories: true)
    expectRefusal(desk.run("clone", "nowhere.git", "empty"), containing: "cannot clone")
    #expect(try FileManager.default.contentsOfDirectory(atPath: desk.scratch.path("empty")) == [])
  }

  @Test func aDeskStartsFromABareLedgerOrFromAPlainBareRepositoryFilledBySync() throws {
    let desk = try SharedDesk()
    #expect(desk.run("init", "--bare", "shared.git").status == 0)
    #expect(desk.git("shared.git", "rev-parse", "--is-bare-repository") == "true")
    #expect(desk.run("clone", "shared.git", "a").status == 0)
    // `git init --bare` leaves HEAD on git's default name; the first sync pushes `main`.
    try ProcessRunner.git(
      ["-c", "init.defaultBranch=master", "init", "-q", "--bare", desk.scratch.path("plain.git")],
      in: desk.scratch.path)
    #expect(desk.run("-C", desk.origin.path, "sync", desk.scratch.path("plain.git")).status == 0)
    let cloned = desk.run("clone", "plain.git", "b")
    #expect(cloned.status == 0, "\(cloned.stderr)")
    #expect(desk.git("b", "rev-parse", "--abbrev-ref", "HEAD") == "main")
    #expect(desk.run("list", in: desk.scratch.path("b")).stdout.split(separator: "\n").count == 4)
    expectRefusal(desk.run("clone", "/nonexistent/desk.git", "c"), containing: "there is no repository at")
  }

  @Test func cloneNeedsAURL() {
    let scratch = ScratchDirectory()
    let result = CLIHarness.run(["clone"], in: scratch.path)
    #expect(result.status == 64)
    #expect(result.stderr.contains("Usage: claims clone"))
  }

  @Test func progressIsOneRewrittenLineOnATerminalOnly() throws {
    let desk = try SharedDesk()
    let errors = BufferStream()
    let context = CommandContext(
      output: BufferStream(), errorOutput: errors, input: BufferStream(), environment: CLIHarness.defaultEnvironment,
      currentDirectory: desk.scratch.path, isErrorTerminal: true)
    // A plain path is copied locally without a transfer; file:// goes through the transport.
    #expect(ClaimsCommand.main(["clone", "file://\(desk.scratch.path("remote.git"))", "seen"], context: context) == 0)
    #expect(errors.text.hasPrefix("\rReceiving objects: "))
    #expect(errors.text.hasSuffix("\n"))
    #expect(errors.text.split(separator: "\n").count == 1)
    #expect(desk.run("clone", "file://\(desk.scratch.path("remote.git"))", "unseen").stderr == "")
  }
}

@Suite struct SyncCommandTests {
  @Test func syncSaysWhatItDidAndListsSettledConflicts() throws {
    let desk = try SharedDesk()
    _ = desk.run("clone", "remote.git", "laptop")
    _ = desk.run("clone", "remote.git", "desktop")
    let laptop = desk.scratch.path("laptop")
    let desktop = desk.scratch.path("desktop")
    let id = desk.origin.id(1)
    #expect(desk.run("sync", in: laptop).stdout == "Already in sync with main on origin.\n")
    #expect(desk.run("verdict", id, "supported", in: laptop).status == 0)
    #expect(desk.run("sync", in: laptop).stdout == "Sent 1 commit to main on origin.\n")
    #expect(desk.run("verdict", id, "refuted", in: desktop).status == 0)
    let merged = desk.run("sync", in: desktop)
    #expect(merged.status == 0, "\(merged.stderr)")
    let path = "Reviews/storm/\(id)/reviewer@example.org.json"
    #expect(
      merged.stdout == """
        Merged 1 commit from main on origin.
        Kept the later version of 1 file changed on both sides (both stay in history):
          \(path): theirs, made 2026-11-24T12:00:00Z (the other 2026-11-24T12:00:00Z, same time: larger object id)
        Sent 2 commits to main on origin.

        """ || merged.stdout.contains("\(path): yours, made"))
    let json = desk.run("sync", "--json", in: laptop)
    let value = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(value["integration"] as? String == "fast-forward")
    #expect(value["received"] as? Int == 2)
    #expect(value["sent"] as? Int == 0)
    #expect(value["tip"] as? String == desk.git("laptop", "rev-parse", "HEAD"))
    #expect(desk.git("laptop", "rev-parse", "HEAD") == desk.git("desktop", "rev-parse", "HEAD"))
  }

  @Test func syncRefusalsAreOneLine() throws {
    let fixture = try CLIFixture()
    let head = fixture.head
    expectRefusal(fixture.run("sync"), containing: "the ledger has no remote", ledger: fixture, head: head)
    expectRefusal(
      fixture.run("sync", "upstream"), containing: "no remote named 'upstream'", ledger: fixture, head: head)
    expectRefusal(
      fixture.run("sync", "/nonexistent/remote.git"), containing: "cannot fetch from", ledger: fixture, head: head)
    let other = ScratchDirectory()
    var environment = CLIHarness.defaultEnvironment
    environment["CLAIMS_DATE"] = "2027-01-01T00:00:00Z"
    #expect(CLIHarness.run(["init"], in: other.path, environment: environment).status == 0)
    expectRefusal(fixture.run("sync", other.path), containing: "no history in common", ledger: fixture, head: head)
  }

  @Test func aRemoteWithAWorkTreeIsRefusedForPushing() throws {
    let desk = try SharedDesk()
    _ = desk.run("clone", desk.origin.path, "peer")
    let peer = desk.scratch.path("peer")
    #expect(desk.run("verdict", desk.origin.id(2), "opinion", in: peer).status == 0)
    expectRefusal(desk.run("sync", in: peer), containing: "it has a work tree; share a bare repository instead")
  }
}

@Suite struct CheckCommandTests {
  @Test func aSoundLedgerPasses() throws {
    let fixture = try CLIFixture()
    fixture.run("verdict", fixture.id(1), "supported")
    let result = fixture.run("check")
    #expect(result.status == 0)
    #expect(result.stdout == "Checked 8 files: no problems.\n")
    #expect(result.stderr == "")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(fixture.run("check", "--json").stdout.utf8)) as? [String: Any])
    #expect(json["files_checked"] as? Int == 8)
    #expect((json["problems"] as? [Any])?.isEmpty == true)
  }

  @Test func everyKindOfProblemIsOneLineWithARemedy() throws {
    let fixture = try CLIFixture()
    let id = fixture.id(1)
    fixture.run("verdict", id, "supported")
    let review = "Reviews/storm/\(id)/reviewer@example.org.json"
    try fixture.scratch.write(
      try fixture.scratch.read(review).replacingOccurrences(of: "supported", with: "fabulous"), to: review)
    try fixture.scratch.write("{}", to: "Reviews/storm/0000000000/ghost.json")
    try fixture.scratch.write("The storm reached the coast on Tuesday.\n", to: "seeds/storm.txt")
    try FileManager.default.removeItem(atPath: fixture.scratch.path("Claims/storm/\(fixture.id(2)).json"))
    try fixture.scratch.write("{}", to: "Claims/storm/not-an-id.json")
    try ProcessRunner.git(["add", "-A"], in: fixture.path)
    try ProcessRunner.git(["commit", "-q", "-m", "hand edits"], in: fixture.path)
    let result = fixture.run("check")
    #expect(result.status == 1)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.last == "Checked 9 files: 5 problems.")
    #expect(
      lines.dropLast() == [
        "Claims/storm/not-an-id.json: is not named <claim-id>.json; rename or remove it, then commit",
        "Reviews/storm/0000000000: belongs to claim 0000000000, which does not exist in Claims/storm/; remove the directory (or restore the claim), then commit",
        "Reviews/storm/0000000000/ghost.json: missing field 'format_version'; fix or remove the file, then commit",
        "\(review): gives the verdict 'fabulous', which is not on the ledger's scale (supported, mostly-supported, misleading, refuted, unverifiable, opinion); record a verdict from the scale, or add it to ledger.json, then commit",
        "seeds/storm.txt: no longer matches the SHA-256 in seeds/storm.json; it was edited after import; restore it, or import the revised text with 'claims import --replace', then commit",
      ])
    #expect(fixture.run("check", "--at", "HEAD~1").status == 0)
  }
}

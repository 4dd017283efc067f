import Foundation
import TestSupport
import Testing

/// A bare ledger (no work tree: `claims init --bare`, `claims clone --bare`), the form the docs
/// recommend past a few hundred thousand claims, works as a ledger with a work tree does: the same
/// commands give the same output and make the same commits.
@Suite struct BareLedgerTests {
  let scratch = ScratchDirectory()

  static let revised = """
    The storm reached the coast on Monday.

    Officials said 42 homes were damaged.

    The mayor called it the worst storm in a decade.

    Schools will reopen on Friday.
    """

  func run(_ ledger: String, _ arguments: [String], input: String = "") -> ProcessResult {
    CLIHarness.run(["-C", scratch.path(ledger)] + arguments, in: scratch.path, input: input)
  }

  func git(_ ledger: String, _ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) -> String {
    gitOutput(["-C", scratch.path(ledger)] + arguments, in: scratch.path, sourceLocation: sourceLocation)
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// The same command line on the ledger with a work tree and on the bare one: both succeed (or
  /// both fail) with the same output, the ledger's path aside.
  func expectSame(_ arguments: [String], input: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
    let withWorkTree = run("work", arguments, input: input)
    let bare = run("desk.git", arguments, input: input)
    #expect(withWorkTree.status == 0, "\(arguments): \(withWorkTree.stderr)", sourceLocation: sourceLocation)
    func normalised(_ text: String) -> String {
      text.replacingOccurrences(of: scratch.path("desk.git"), with: scratch.path("work"))
    }
    #expect(bare.status == withWorkTree.status, "\(arguments): \(bare.stderr)", sourceLocation: sourceLocation)
    #expect(normalised(bare.stdout) == withWorkTree.stdout, "\(arguments)", sourceLocation: sourceLocation)
    #expect(normalised(bare.stderr) == withWorkTree.stderr, "\(arguments)", sourceLocation: sourceLocation)
  }

  @Test func everyCommandWorksTheSameOnABareLedger() throws {
    try scratch.write(CLIFixture.article, to: "storm.txt")
    try scratch.write(Self.revised, to: "storm-revised.txt")
    try scratch.write("Coast County said the count was final.\n", to: "county.txt")
    #expect(CLIHarness.run(["init", "work"], in: scratch.path).status == 0)
    #expect(CLIHarness.run(["init", "--bare", "desk.git"], in: scratch.path).status == 0)
    #expect(git("desk.git", "rev-parse", "--is-bare-repository") == "true")
    let storm = scratch.path("storm.txt")
    let script: [[String]] = [
      ["import", storm, "--id", "storm", "--title", "Storm hits coast", "--url", "https://news.example/storm"],
      ["import", scratch.path("county.txt"), "--id", "county"],
      ["list"], ["list", "--status", "unreviewed"], ["show", "storm:2"],
      ["verdict", "storm:2", "refuted", "--note", "Records show 12 homes."],
      ["cite", "storm:2", "https://county.example.gov/damage.pdf", "--title", "Damage report", "--stance", "refutes"],
      ["cite", "storm:2", "https://county.example.gov/old.pdf"],
      ["uncite", "storm:2", "2"],
      ["note", "storm:3", "Check the mayor's words."],
      ["verdict", "storm:3", "supported"],
      ["withdraw", "storm:3", "--verdict-only"],
      ["verdict", "storm:4", "misleading", "--json"],
      ["withdraw", "storm:4"],
      ["assign", "storm:3", "storm:4", "--to", "Ada <ada@example.org>"],
      ["unassign", "storm:3"],
      ["import", scratch.path("storm-revised.txt"), "--id", "storm", "--replace"],
      ["show", "storm:2"], ["show", "storm:2", "--json"], ["list", "--json"], ["list", "--status", "stale"],
      ["log"], ["log", "storm:2"], ["log", "--json"], ["log", "--source", "county"],
      ["blame", "storm:2"], ["blame", "storm:2", "--json"],
      ["diff", "HEAD~6", "HEAD"], ["diff", "HEAD~6", "--json"],
      ["report"], ["report", "--format", "json"], ["report", "--format", "csv"], ["report", "--format", "html"],
      ["check"], ["check", "--json"],
      ["snapshot", "published", "--message", "First edition"],
      ["diff", "published"], ["show", "storm:2", "--at", "published"], ["list", "--at", "HEAD~3"],
    ]
    for arguments in script { expectSame(arguments) }
    // The same commits and the same snapshot, down to their ids.
    #expect(git("desk.git", "rev-parse", "HEAD") == git("work", "rev-parse", "HEAD"))
    #expect(git("desk.git", "rev-parse", "published") == git("work", "rev-parse", "published"))
    #expect(git("work", "status", "--porcelain", "--untracked-files=all") == "")
    #expect(!FileManager.default.fileExists(atPath: scratch.path("desk.git/Claims")))
    #expect(try ProcessRunner.git(["-C", scratch.path("desk.git"), "fsck", "--strict"], in: scratch.path).status == 0)
  }

  @Test func bareClonesSyncWithEachOther() throws {
    try scratch.write(CLIFixture.article, to: "storm.txt")
    #expect(CLIHarness.run(["init", "--bare", "shared/desk.git"], in: scratch.path).status == 0)
    #expect(run("shared/desk.git", ["import", scratch.path("storm.txt"), "--id", "storm"]).status == 0)
    // Named as git names a bare copy, after the remote.
    let cloned = CLIHarness.run(["clone", "--bare", "shared/desk.git"], in: scratch.path)
    #expect(cloned.status == 0, "\(cloned.stderr)")
    #expect(cloned.stdout.contains("into \(scratch.path("desk.git")) (1 source)"), "\(cloned.stdout)")
    #expect(CLIHarness.run(["clone", "--bare", "shared/desk.git", "other.git"], in: scratch.path).status == 0)
    #expect(CLIHarness.run(["clone", "shared/desk.git", "laptop"], in: scratch.path).status == 0)
    for copy in ["desk.git", "other.git"] {
      #expect(git(copy, "rev-parse", "--is-bare-repository") == "true")
      #expect(!FileManager.default.fileExists(atPath: scratch.path("\(copy)/Claims")))
    }
    #expect(run("desk.git", ["verdict", "storm:2", "refuted"]).status == 0)
    #expect(run("other.git", ["cite", "storm:2", "https://county.example.gov/damage.pdf"]).status == 0)
    #expect(run("laptop", ["note", "storm:3", "Ask the mayor."]).status == 0)
    for copy in ["desk.git", "other.git", "laptop", "desk.git", "other.git"] {
      let synced = run(copy, ["sync"])
      #expect(synced.status == 0, "\(copy): \(synced.stderr)")
    }
    let shown = run("desk.git", ["show", "storm:2"]).stdout
    #expect(shown.contains("refuted") && shown.contains("damage.pdf"), "\(shown)")
    for copy in ["other.git", "laptop"] {
      #expect(run(copy, ["show", "storm:2"]).stdout == shown)
      #expect(run(copy, ["show", "storm:3"]).stdout == run("desk.git", ["show", "storm:3"]).stdout)
      #expect(git(copy, "rev-parse", "HEAD") == git("shared/desk.git", "rev-parse", "HEAD"))
    }
    #expect(git("laptop", "status", "--porcelain", "--untracked-files=all") == "")
  }
}

import Foundation
import TestSupport
import Testing

@Suite struct InitAndImportCommandTests {
  @Test func initAndImportReportWhatTheyDid() throws {
    let scratch = ScratchDirectory()
    let initialized = CLIHarness.run(["init", "ledger"], in: scratch.path)
    #expect(initialized.status == 0)
    #expect(initialized.stdout == "Created a claims ledger in \(scratch.path("ledger"))\n")
    try scratch.write("One sentence here.\n\nAnother one there.\n", to: "a.txt")
    let imported = CLIHarness.run(["-C", "ledger", "import", "../a.txt"], in: scratch.path)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.hasPrefix("Imported a: 2 claims (2 sentences) in commit "))
    let again = CLIHarness.run(["init", "ledger"], in: scratch.path)
    #expect(again.stdout == "\(scratch.path("ledger")) is already a claims ledger; nothing to do\n")
  }

  @Test func badInputGetsOneLineAndLeavesTheLedgerAlone() throws {
    let fixture = try CLIFixture()
    let head = fixture.head
    try fixture.scratch.write([0x61, 0xFF, 0x0A], to: "../binary.txt")
    try fixture.scratch.write("   \n\n", to: "../blank.txt")
    try FileManager.default.createDirectory(
      atPath: fixture.scratch.path("../somedir"), withIntermediateDirectories: true)
    defer {
      for name in ["binary.txt", "blank.txt", "somedir"] {
        try? FileManager.default.removeItem(atPath: fixture.scratch.path("../\(name)"))
      }
    }
    expectRefusal(fixture.run("import", "../binary.txt"), containing: "is not UTF-8 text", ledger: fixture, head: head)
    expectRefusal(fixture.run("import", "../blank.txt"), containing: "is empty", ledger: fixture, head: head)
    expectRefusal(fixture.run("import", "../somedir"), containing: "is a directory", ledger: fixture, head: head)
    expectRefusal(fixture.run("import", "../missing.txt"), containing: "No such file", ledger: fixture, head: head)
    try fixture.scratch.write(CLIFixture.article, to: "../storm.txt")
    defer { try? FileManager.default.removeItem(atPath: fixture.scratch.path("../storm.txt")) }
    expectRefusal(
      fixture.run("import", "../storm.txt"), containing: "re-import a revised text with --replace", ledger: fixture,
      head: head)
    expectRefusal(
      fixture.run("import", "../storm.txt", "--id", "../evil"), status: 64, containing: "is invalid for '--id",
      ledger: fixture, head: head)
    expectRefusal(
      fixture.run("import", "../storm.txt", "--id", "x", "--published", "2024-02-30"), status: 64,
      containing: "'--published <date>'", ledger: fixture, head: head)
  }

  @Test func commandsOutsideALedgerSaySo() {
    let scratch = ScratchDirectory()
    expectRefusal(CLIHarness.run(["list"], in: scratch.path), containing: "no claims ledger in")
    expectRefusal(CLIHarness.run(["-C", "nowhere", "list"], in: scratch.path), containing: "is not a directory")
  }

  @Test func missingIdentityIsReportedAndNothingIsCreated() throws {
    let scratch = ScratchDirectory()
    let home = ScratchDirectory()
    let environment = ["HOME": home.path, "XDG_CONFIG_HOME": home.path, "PATH": "/usr/bin:/bin"]
    let result = try ProcessRunner.run(
      ProcessRunner.claimsExecutable, ["init", "fresh"], in: scratch.path, environment: environment)
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("Error: no identity: pass --author"))
    #expect(!FileManager.default.fileExists(atPath: scratch.path("fresh")))
  }

  @Test func theRealBinaryExitsWithArgumentParserStatuses() throws {
    let scratch = ScratchDirectory()
    let usage = try ProcessRunner.run(ProcessRunner.claimsExecutable, ["frobnicate"], in: scratch.path)
    #expect(usage.status == 64)
    let help = try ProcessRunner.run(ProcessRunner.claimsExecutable, ["--help"], in: scratch.path)
    #expect(help.status == 0)
    #expect(help.stdout.hasPrefix("OVERVIEW:"))
    let failure = try ProcessRunner.run(ProcessRunner.claimsExecutable, ["list"], in: scratch.path)
    #expect(failure.status == 1)
  }
}

@Suite struct ListAndShowCommandTests {
  @Test func listShowsIdPlaceKindAndText() throws {
    let fixture = try CLIFixture()
    let lines = fixture.run("list").stdout.split(separator: "\n")
    #expect(lines.count == 4)
    #expect(lines[0].hasPrefix("\(fixture.id(1))  storm:1  sentence     –                   The storm reached"))
    #expect(lines.allSatisfy { $0.count <= 100 })
  }

  @Test func showPrintsTheNeighbours() throws {
    let fixture = try CLIFixture()
    let shown = fixture.run("show", "storm:2")
    #expect(shown.status == 0)
    #expect(shown.stdout.contains("claim \(fixture.id(2))  storm:2  sentence\n"))
    #expect(shown.stdout.contains("source: storm — Storm hits coast\n"))
    #expect(
      shown.stdout.contains(
        "\n  The storm reached the coast on Monday.\n> Officials said 40 homes were damaged.\n  The mayor called"))
    #expect(shown.stdout.contains("No reviews yet."))
  }

  @Test func showJSONParsesAndCarriesTheRecord() throws {
    let fixture = try CLIFixture()
    let shown = fixture.run("show", fixture.id(3), "--json")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
    let claim = try #require(object["claim"] as? [String: Any])
    #expect(claim["ordinal"] as? Int == 3)
    #expect((object["before"] as? [String: Any])?["ordinal"] as? Int == 2)
    #expect((object["after"] as? [String: Any])?["ordinal"] as? Int == 4)
    #expect((object["reviews"] as? [Any])?.isEmpty == true)
  }

  @Test func unknownAndAmbiguousIdsListCandidates() throws {
    let fixture = try CLIFixture()
    expectRefusal(fixture.run("show", "storm:9"), containing: "has no claim 9; its claims are numbered 1–4")
    // A source of one claim: "its only claim", not "numbered 1–1".
    let single = try fixture.writeBeside("The bridge reopened on Friday.\n", name: "single.txt")
    #expect(fixture.run("import", single, "--id", "bridge").status == 0)
    expectRefusal(fixture.run("show", "bridge:2"), containing: "has no claim 2; its only claim is number 1")
    expectRefusal(fixture.run("show", "nope"), status: 64, containing: "The value 'nope' is invalid for '<id>'")
    let ids = (1...4).map { fixture.id($0) }
    for digit in "0123456789abcdef" {
      let sharing = ids.filter { $0.hasPrefix(String(digit)) }
      guard sharing.count > 1 else { continue }
      let result = fixture.run("show", String(digit))
      expectRefusal(result, containing: "is ambiguous")
      for id in sharing { #expect(result.stderr.contains(id)) }
    }
    // A typo in the last digits: the claim meant is named.
    let typo = String(ids[0].prefix(6)) + (ids[0].dropFirst(6).first == "0" ? "1" : "0")
    if !ids.contains(where: { $0.hasPrefix(typo) }) {
      let result = fixture.run("show", typo)
      expectRefusal(result, containing: "no claim id starts with '\(typo)'; the nearest: ")
      #expect(result.stderr.contains(ids[0]))
    }
  }

  @Test func ledgerTextNeverReachesTheTerminalRaw() throws {
    let fixture = try CLIFixture(
      importing: "Evil \u{1B}[2J\u{1B}]0;pwned\u{07} text here.\n\nA second \u{9B}31m line.\n")
    for arguments in [["list"], ["show", "storm:1"], ["show", "storm:2"]] {
      let output = CLIHarness.run(arguments, in: fixture.path, isOutputTerminal: true).stdout
      let withoutStyles = output.replacingOccurrences(of: #"\u{1B}\[[0-9;]*m"#, with: "", options: .regularExpression)
      #expect(!withoutStyles.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B })
      #expect(output.contains("\\u{1b}"))
    }
  }

  @Test func colourOnlyOnATerminalAndNeverWithNoColor() throws {
    let fixture = try CLIFixture()
    #expect(!fixture.run("list").stdout.contains("\u{1B}["))
    #expect(fixture.run("list", terminal: true).stdout.contains("\u{1B}["))
    fixture.environment["NO_COLOR"] = "1"
    #expect(!fixture.run("list", terminal: true).stdout.contains("\u{1B}["))
    fixture.environment["NO_COLOR"] = nil
    #expect(!fixture.run("list", "--no-color", terminal: true).stdout.contains("\u{1B}["))
    // Before the subcommand too, as -C may be.
    let leading = fixture.run("--no-color", "list", terminal: true)
    #expect(leading.status == 0, "\(leading.stderr)")
    #expect(!leading.stdout.contains("\u{1B}["))
  }

  @Test func splitNeedsNoLedger() throws {
    let scratch = ScratchDirectory()
    let result = CLIHarness.run(["split", "-"], in: scratch.path, input: "First one.\n\nSecond\none.\n")
    #expect(result.stdout == "First one.\nSecond one.\n")
    let json = CLIHarness.run(["split", "--json"], in: scratch.path, input: "Héllo there.\n")
    let segments = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    #expect(segments.count == 1)
    #expect(segments[0]["start"] as? Int == 0)
    #expect(segments[0]["end"] as? Int == 12)
    #expect(segments[0]["utf8_end"] as? Int == 13)
    #expect(segments[0]["kind"] as? String == "sentence")
  }
}

import Foundation
import TestSupport
import Testing

/// Input crafted to break the tool: records someone else committed, names that try to leave the
/// ledger, links, pathological seeds, escape sequences, dangerous URLs. Nothing may crash, hang,
/// or touch anything outside the ledger; every bad file is reported by name.
@Suite struct HostileInputTests {
  /// A directory beside the ledger that nothing may write to, with one file that must not change.
  final class Outside {
    let scratch = ScratchDirectory()
    init() throws { try scratch.write("precious\n", to: "precious.txt") }
    var path: String { scratch.path }
    func expectUntouched(sourceLocation: SourceLocation = #_sourceLocation) {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: scratch.path)) ?? []
      #expect(names == ["precious.txt"], sourceLocation: sourceLocation)
      #expect((try? scratch.read("precious.txt")) == "precious\n", sourceLocation: sourceLocation)
    }
  }

  /// Commits whatever the work tree holds, as someone using plain git would.
  private func commitByHand(_ fixture: CLIFixture, _ message: String = "someone else's files") throws {
    try ProcessRunner.git(["add", "-A"], in: fixture.path)
    try ProcessRunner.git(["commit", "-q", "-m", message], in: fixture.path)
  }

  /// Every reading command and `check` run on the ledger: none may crash; readers succeed.
  private func expectReadersCope(
    _ fixture: CLIFixture, reporting fragments: [String], sourceLocation: SourceLocation = #_sourceLocation
  ) {
    for command in [["list"], ["show", fixture.id(1)], ["log"], ["list", "--json"]] {
      let result = fixture.run(command[0], command.count > 1 ? command[1] : "--no-color")
      #expect(result.status == 0, "\(command): \(result.stderr)", sourceLocation: sourceLocation)
    }
    let check = fixture.run("check")
    #expect(check.status == 1, sourceLocation: sourceLocation)
    for fragment in fragments {
      #expect(check.stdout.contains(fragment), "check: \(check.stdout)", sourceLocation: sourceLocation)
    }
  }

  // MARK: Records committed by someone else

  @Test func malformedAndMistypedRecordsAreReportedByName() throws {
    let fixture = try CLIFixture()
    let id = fixture.id(2)
    try fixture.scratch.write("{ \"format_version\": 1, ", to: "Claims/storm/0123456789.json")
    try fixture.scratch.write(
      "{\"format_version\": \"1\", \"claim\": [], \"source\": 5}", to: "Reviews/storm/\(id)/typed.json")
    try fixture.scratch.write("[1, 2, 3]\n", to: "Assignments/storm/\(id)/list.json")
    try fixture.scratch.write("{\"format_version\": 99}\n", to: "seeds/storm.json")
    try fixture.scratch.write("{\"id\": \"\\ud800\"}\n", to: "Reviews/storm/\(id)/surrogate.json")
    try commitByHand(fixture)
    expectReadersCope(
      fixture,
      reporting: [
        "Claims/storm/0123456789.json: not valid JSON", "Reviews/storm/\(id)/typed.json:",
        "Assignments/storm/\(id)/list.json: an assignment must be a JSON object", "seeds/storm.json: format version 99",
        "Reviews/storm/\(id)/surrogate.json: not valid JSON",
      ])
    #expect(fixture.run("verdict", id, "supported").status == 0)
  }

  @Test func aHundredMegabyteRecordIsRefusedQuicklyWithoutBeingParsed() throws {
    let fixture = try CLIFixture()
    let id = fixture.id(1)
    let path = "Reviews/storm/\(id)/huge.json"
    try FileManager.default.createDirectory(
      atPath: fixture.scratch.path("Reviews/storm/\(id)"), withIntermediateDirectories: true)
    // Written a megabyte at a time, so that this test's own memory stays small.
    FileManager.default.createFile(atPath: fixture.scratch.path(path), contents: Data("{\"note\": \"".utf8))
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: fixture.scratch.path(path)))
    try handle.seekToEnd()
    let megabyte = Data(repeating: UInt8(ascii: "a"), count: 1 << 20)
    for _ in 0..<100 { try handle.write(contentsOf: megabyte) }
    try handle.write(contentsOf: Data("\"}\n".utf8))
    try handle.close()
    try commitByHand(fixture)
    var environment = CLIHarness.defaultEnvironment
    environment["PATH"] = "/usr/bin:/bin"
    for command in ["list", "check"] {
      // With at most 256 MiB of data, a reader that copied or parsed the file would fail.
      let outcome = try ChildProcess.run(
        "/bin/bash", ["-c", "ulimit -d 262144 && exec \"$0\" \"$@\"", ProcessRunner.claimsExecutable, command],
        in: fixture.path, environment: environment)
      #expect(outcome.signal == nil)
      #expect(outcome.status == (command == "check" ? 1 : 0), "\(outcome.stderr)")
      #expect(outcome.seconds < 20)
      #expect((outcome.stdout + outcome.stderr).contains("\(path): is 104857613 bytes, more than the 1048576"))
    }
  }

  @Test func deeplyNestedRecordsStopAtTheDepthLimit() throws {
    let fixture = try CLIFixture()
    let id = fixture.id(3)
    try fixture.scratch.write(String(repeating: "[", count: 200_000), to: "Reviews/storm/\(id)/deep.json")
    try fixture.scratch.write(
      String(repeating: "{\"a\":", count: 100_000) + "1" + String(repeating: "}", count: 100_000),
      to: "Assignments/storm/\(id)/deep.json")
    try commitByHand(fixture)
    expectReadersCope(
      fixture,
      reporting: [
        "Reviews/storm/\(id)/deep.json: not valid JSON: nested deeper than 64 levels",
        "Assignments/storm/\(id)/deep.json: not valid JSON: nested deeper than 64 levels",
      ])
  }

  // MARK: Names that try to leave the ledger

  static let hostileNames = [
    "../evil", "../../etc/passwd", "a/b", "/etc/passwd", "nul\u{0}byte", "new\nline", "carriage\rreturn",
    "escape\u{1B}[2J", "tab\tbed", "..", ".", "-rf", "", " ",
  ]

  @Test(arguments: hostileNames) func hostileSourceIDsAreRefusedAsUsage(name: String) throws {
    let fixture = try CLIFixture()
    let outside = try Outside()
    try fixture.scratch.write("A fine sentence.\n", to: "in.txt")
    let head = fixture.head
    let result = fixture.run("import", "in.txt", "--id", name)
    #expect(result.status == 64, "\(result.stderr)")
    #expect(result.stderr.hasPrefix("Error: "))
    #expect(!result.stderr.contains("\u{1B}"))
    #expect(fixture.head == head)
    outside.expectUntouched()
  }

  @Test(arguments: hostileNames) func hostileClaimReferencesAreRefused(name: String) throws {
    let fixture = try CLIFixture()
    let head = fixture.head
    for command in ["verdict", "show"] {
      let result = command == "verdict" ? fixture.run(command, name, "supported") : fixture.run(command, name)
      #expect(result.status != 0)
      #expect(result.stderr.hasPrefix("Error: "), "\(result.stderr)")
      #expect(!result.stderr.contains("\u{1B}"))
      #expect(result.stderr.split(separator: "\n").count <= 3)
    }
    #expect(fixture.head == head)
  }

  @Test(arguments: hostileNames) func hostileReviewerNamesNeverMakeAPathOutsideReviews(name: String) throws {
    let fixture = try CLIFixture()
    let outside = try Outside()
    let id = fixture.id(1)
    for identity in ["\(name) <eve@example.org>", "Eve <\(name)@example.org>", name] {
      let result = fixture.run("verdict", id, "refuted", "--reviewer", identity)
      guard result.status == 0 else {
        // Refused as a usage error when it does not parse as an identity, by the ledger when its
        // address is no address.
        #expect(result.status == 64 || result.status == 1)
        expectRefusal(result, status: result.status, containing: "identity")
        continue
      }
      let added = fixture.git("show", "--name-only", "--format=", "HEAD").split(separator: "\n")
      #expect(added.count == 1)
      let path = added.first.map(String.init) ?? ""
      #expect(path.hasPrefix("Reviews/storm/\(id)/"), "\(path)")
      #expect(path.split(separator: "/").count == 4)
      #expect(!path.contains(".."), "\(path)")
      #expect(!path.unicodeScalars.contains { $0.value < 0x20 })
      fixture.run("note", id, "", "--reviewer", identity)
      #expect(fixture.status == "")
    }
    outside.expectUntouched()
  }

  @Test func committedRecordsNamingOtherPathsOrControlCharactersAreReported() throws {
    let fixture = try CLIFixture()
    let id = fixture.id(1)
    let review = { (claim: String, source: String, reviewer: String) in
      """
      {"claim": "\(claim)", "format_version": 1, "reviewer": "\(reviewer)", "source": "\(source)", "updated": "2026-11-24T12:00:00Z", "verdict": "refuted"}
      """
    }
    try fixture.scratch.write(review("../../../x", "storm", "Eve <eve@example.org>"), to: "Reviews/storm/\(id)/a.json")
    try fixture.scratch.write(review(id, "../storm", "Eve <eve@example.org>"), to: "Reviews/storm/\(id)/b.json")
    try fixture.scratch.write(review(id, "storm", "../../Eve <eve@example.org>"), to: "Reviews/storm/\(id)/c.json")
    try fixture.scratch.write(review(id, "storm", "Eve\\n <eve@example.org>"), to: "Reviews/storm/\(id)/d.json")
    try fixture.scratch.write(review(id, "storm", "Eve <eve@example.org>"), to: "Reviews/storm/\(id)/new\nline.json")
    try fixture.scratch.write(
      review(id, "storm", "Eve <eve@example.org>"), to: "Reviews/storm/\(id)/esc\u{1B}[31m.json")
    try fixture.scratch.write("{}", to: "Reviews/..storm/x.json")
    try commitByHand(fixture)
    expectReadersCope(
      fixture,
      reporting: [
        "Reviews/storm/\(id)/a.json: field 'claim' is not a claim id",
        "Reviews/storm/\(id)/b.json: field 'source' is not a source id",
        "Reviews/storm/\(id)/c.json: holds a review whose claim, source or reviewer does not match its path",
        "Reviews/storm/\(id)/d.json:", "Reviews/storm/\(id)/new\\u{a}line.json: has control characters in its name",
        "Reviews/storm/\(id)/esc\\u{1b}[31m.json: has control characters in its name",
        "Reviews/..storm: is not a directory named after a source id",
      ])
    let check = fixture.run("check")
    #expect(!check.stdout.contains("\u{1B}"))
    #expect(!fixture.run("show", id).stdout.contains("\u{1B}"))
    // Warnings name such a file as check does, a line break shown as an escape, not a space.
    #expect(fixture.run("list").stderr.contains("Reviews/storm/\(id)/new\\u{a}line.json: "))
  }

  // MARK: Links

  @Test func linksInClaimsAndReviewsAreNeverFollowedOrWrittenThrough() throws {
    let fixture = try CLIFixture()
    let outside = try Outside()
    let id = fixture.id(1)
    let other = fixture.id(2)
    try FileManager.default.removeItem(atPath: fixture.scratch.path("Claims/storm/\(other).json"))
    try FileManager.default.createSymbolicLink(
      atPath: fixture.scratch.path("Claims/storm/\(other).json"), withDestinationPath: "\(outside.path)/precious.txt")
    try FileManager.default.createDirectory(
      atPath: fixture.scratch.path("Reviews/storm"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: fixture.scratch.path("Reviews/storm/\(id)"), withDestinationPath: outside.path)
    try commitByHand(fixture, "links")
    expectReadersCope(
      fixture,
      reporting: [
        "Claims/storm/\(other).json: is a symbolic link, which the ledger never follows",
        "Reviews/storm/\(id): is a symbolic link",
      ])
    let head = fixture.head
    expectRefusal(fixture.run("verdict", id, "refuted"), containing: "symbolic link", ledger: fixture, head: head)
    outside.expectUntouched()
  }

  // MARK: Pathological seeds

  @Test func aTenMegabyteLineIsImportedOrRefusedPromptly() throws {
    let fixture = try CLIFixture()
    try fixture.scratch.write(String(repeating: "word ", count: 2_000_000), to: "one-line.txt")
    let started = Date()
    let result = fixture.run("import", "one-line.txt", "--id", "one-line")
    #expect(Date().timeIntervalSince(started) < 60)
    if result.status == 0 {
      #expect(fixture.run("check").status == 0)
    } else {
      expectRefusal(result, containing: "too long for one claim")
    }
    #expect(fixture.status == "?? one-line.txt\n")
  }

  @Test func punctuationOnlyAndEmptyLookingSeedsAreHandled() throws {
    let fixture = try CLIFixture()
    for (name, text) in [
      ("punct", String(repeating: "!?.,;:\u{2014}\u{2026}\"'()[]", count: 20_000)),
      ("dots", String(repeating: ".", count: 100_000) + "\n" + String(repeating: "?\n", count: 5_000)),
      ("spaces", String(repeating: " \t\u{00A0}\u{2003}\n", count: 10_000)),
      ("zero-width", String(repeating: "\u{200B}\u{FEFF}", count: 10_000)),
    ] {
      try fixture.scratch.write(text, to: "\(name).txt")
      let result = fixture.run("import", "\(name).txt", "--id", name)
      #expect(result.status == 0 || result.status == 1, "\(name): \(result.stderr)")
      if result.status == 1 { #expect(result.stderr.split(separator: "\n").count == 1) }
    }
    #expect(fixture.run("list").status == 0)
    #expect(fixture.run("check").status == 0)
  }

  @Test func invalidUTF8SeedsAreRefusedOrReported() throws {
    let fixture = try CLIFixture()
    try fixture.scratch.write([0x48, 0x69, 0xFF, 0xFE, 0x2E, 0x0A, 0xC3, 0x28], to: "latin.txt")
    let head = fixture.head
    expectRefusal(fixture.run("import", "latin.txt", "--id", "latin"), containing: "not UTF-8", ledger: nil)
    #expect(fixture.head == head)
    // The same bytes committed by hand as a seed are reported by name.
    try fixture.scratch.write([0x48, 0x69, 0xFF, 0x0A], to: "seeds/storm.txt")
    try FileManager.default.removeItem(atPath: fixture.scratch.path("latin.txt"))
    try commitByHand(fixture)
    expectReadersCope(fixture, reporting: ["seeds/storm.txt: is not valid UTF-8"])
  }

  // MARK: Markup and escape sequences

  @Test func escapeSequencesInClaimsNotesAndNamesNeverReachTheTerminalRaw() throws {
    let hostile = "Eve says \u{1B}]0;pwned\u{07}\u{1B}[2J <script>alert(1)</script> \u{9B}31m \u{202E}txet."
    let fixture = try CLIFixture(importing: hostile + "\n\nA second sentence.\n")
    let id = fixture.id(1)
    fixture.run("note", id, hostile)
    fixture.run("verdict", id, "refuted", "--reviewer", "Eve \u{1B}[31m <eve@example.org>")
    for command in [["list"], ["show", id], ["log"], ["blame", id], ["check"]] {
      for terminal in [false, true] {
        let result =
          command.count == 2
          ? fixture.run(command[0], command[1], terminal: terminal) : fixture.run(command[0], terminal: terminal)
        let text = result.stdout + result.stderr
        let raw = text.unicodeScalars.filter { $0 == "\u{07}" || $0 == "\u{9B}" || $0 == "\u{202E}" }
        #expect(raw.isEmpty, "\(command)")
        // Colour codes of our own are the only escapes, and only on a terminal.
        #expect(!text.contains("\u{1B}]"), "\(command)")
        #expect(!text.contains("\u{1B}[2J"), "\(command)")
        if !terminal { #expect(!text.contains("\u{1B}"), "\(command)") }
      }
    }
    let json = fixture.run("list", "--json").stdout
    #expect(json.contains("\\u001b]0;pwned\\u0007"))
    #expect(!json.contains("\u{1B}"))
  }

  // MARK: Dangerous citation URLs

  @Test(arguments: [
    "javascript:alert(1)", "JavaScript:alert(document.cookie)", "file:///etc/passwd", "FILE:/etc/shadow",
    "file://localhost/etc/passwd", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox",
    "seeds/../../etc/passwd",
    "https://", "http://exa mple.org", "https://example.org/\u{1B}[2J",
  ])
  func dangerousCitationURLsAreRefused(url: String) throws {
    let fixture = try CLIFixture()
    let head = fixture.head
    let result = fixture.run("cite", fixture.id(1), url)
    expectRefusal(result, containing: "Error: ", ledger: fixture, head: head)
    #expect(!result.stderr.contains("\u{1B}"))
  }

  @Test func committedReviewsCitingDangerousURLsAreReported() throws {
    let fixture = try CLIFixture()
    let id = fixture.id(1)
    try fixture.scratch.write(
      """
      {"citations": [{"url": "javascript:alert(1)"}], "claim": "\(id)", "format_version": 1, "reviewer": "Eve <eve@example.org>", "source": "storm", "updated": "2026-11-24T12:00:00Z"}
      """, to: "Reviews/storm/\(id)/eve@example.org.json")
    try commitByHand(fixture)
    expectReadersCope(
      fixture,
      reporting: ["Reviews/storm/\(id)/eve@example.org.json: citation url: the 'javascript:' scheme is not accepted"])
  }
}

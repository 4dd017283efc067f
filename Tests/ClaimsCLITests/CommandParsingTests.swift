import Foundation
import TestSupport
import Testing

@testable import ClaimsCLI

/// The command-line framework: typed declarations, one parser with no special cases, one message
/// shape for refused values.
@Suite struct CommandParsingTests {
  @Test func aDoubleDashMakesEverythingAfterItPositionalEvenHelp() throws {
    let fixture = try CLIFixture()
    let result = fixture.run("note", "storm:1", "--", "--help")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("Saved your note"))
    #expect(fixture.run("show", "storm:1", "--json").stdout.contains("\"note\": \"--help\""))
  }

  @Test func helpIsAFlagWhereverAnOptionMayStandButNotAsAValue() throws {
    let fixture = try CLIFixture()
    #expect(fixture.run("note", "storm:1", "--help").stdout.hasPrefix("OVERVIEW: "))
    let asValue = fixture.run("verdict", "storm:1", "supported", "--note", "--help")
    #expect(asValue.status == 0, "\(asValue.stderr)")
    #expect(asValue.stdout.hasPrefix("Recorded"))
  }

  @Test func directoryOptionsChainBeforeAndAfterTheSubcommand() throws {
    let fixture = try CLIFixture()
    let parent = (fixture.path as NSString).deletingLastPathComponent
    let name = (fixture.path as NSString).lastPathComponent
    let result = CLIHarness.run(["-C", parent, "list", "-C", name, "--json"], in: "/")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("\"source\": \"storm\""))
    #expect(CLIHarness.run(["--directory=\(fixture.path)", "list"], in: "/").status == 0)
    #expect(CLIHarness.run(["-C\(fixture.path)", "list"], in: "/").status == 0)
  }

  @Test func optionsGivenTwiceAreRefusedUnlessTheyRepeat() throws {
    let fixture = try CLIFixture()
    expectRefusal(
      fixture.run("verdict", "storm:1", "supported", "--note", "a", "--note", "b"), status: 64,
      containing: "'--note' was given more than once.")
    #expect(fixture.run("list", "--source", "storm", "--source", "storm").status == 0)
    expectRefusal(fixture.run("list", "--json=yes"), status: 64, containing: "'--json' takes no value.")
  }

  @Test func everyRefusedValueHasOneMessageShape() {
    let scratch = ScratchDirectory()
    let cases: [([String], String)] = [
      (["list", "--status", "flaged"], "The value 'flaged' is invalid for '--status <status>': use one of"),
      (
        ["list", "--status", "disputed,flaged"],
        "The value 'disputed,flaged' is invalid for '--status <status>': 'flaged' is not a status; use one of"
      ),
      (["report", "--format", "pdf"], "The value 'pdf' is invalid for '--format <format>': use one of"),
      (["report", "--width", "10"], "The value '10' is invalid for '--width <columns>': give a whole number from 80"),
      (["import", "a.txt", "--id", "../x"], "The value '../x' is invalid for '--id <source-id>': use 1-64"),
      (["import", "a.txt", "--published", "2024-02-30"], "The value '2024-02-30' is invalid for '--published <date>'"),
      (["log", "--since", "soon"], "The value 'soon' is invalid for '--since <date>': write YYYY-MM-DD"),
      (["log", "-n", "-1"], "The value '-1' is invalid for '--max-count <n>': give a whole number from 0"),
      (["show", "xyz"], "The value 'xyz' is invalid for '<id>': give a prefix of the id"),
      (["show", "storm:0"], "The value 'storm:0' is invalid for '<id>': write SOURCE-ID:N"),
      (["uncite", "storm:1", "0"], "The value '0' is invalid for '<n>': give a whole number from 1"),
      (
        ["cite", "storm:1", "https://a.example", "--stance", "maybe"],
        "The value 'maybe' is invalid for '--stance <stance>'"
      ),
      (["assign", "storm:1", "--to", ""], "The value '' is invalid for '--to <identity>'"),
      (["diff", ""], "The value '' is invalid for '<rev1>': give a commit"),
      (["completions", "tcsh"], "The value 'tcsh' is invalid for '<shell>': use one of bash, zsh, fish."),
    ]
    for (arguments, message) in cases {
      let result = CLIHarness.run(arguments, in: scratch.path)
      #expect(result.status == 64, "\(arguments)")
      #expect(result.stderr.hasPrefix("Error: \(message)"), "\(arguments): \(result.stderr)")
      #expect(result.stderr.contains("\nUsage: claims \(arguments[0])"), "\(arguments)")
    }
  }

  @Test func requiredOptionsAndArgumentsAreNamedWhenMissing() {
    let scratch = ScratchDirectory()
    #expect(
      CLIHarness.run(["assign", "storm:1"], in: scratch.path).stderr.hasPrefix(
        "Error: Missing expected option '--to <identity>'\nUsage: claims assign --to <identity> "))
    #expect(
      CLIHarness.run(["uncite", "storm:1"], in: scratch.path).stderr.hasPrefix("Error: Missing expected argument '<n>'")
    )
  }

  @Test func declarationsAreNamedAfterTheirPropertiesInKebabCase() {
    let names = Declarations.definitions(of: ListCommand()).map(\.name)
    #expect(names == ["source", "status", "verdict", "assigned-to", "grep", "reviewer", "at", "full", "json"])
    #expect("maxCount".kebabCased == "max-count")
    #expect("cslID".kebabCased == "csl-id")
    #expect("rev1".kebabCased == "rev1")
  }

  @Test(arguments: ClaimsCommand.subcommandNames)
  func everyCommandDeclaresEachNameOnceAndPositionalsInAUsableOrder(name: String) throws {
    let command = try #require(ClaimsCommand.subcommand(named: name))
    let description = CommandDescription(command, inherited: Declarations.definitions(of: GlobalOptions()))
    let named = (description.definitions + description.inherited).filter { $0.kind != .positional }
    let longs = named.map(\.name)
    #expect(Set(longs).count == longs.count, "\(longs)")
    let shorts = named.compactMap(\.short)
    #expect(Set(shorts).count == shorts.count)
    #expect(!longs.contains("help") && !shorts.contains("h"))
    let positionals = description.definitions.filter { $0.kind == .positional }
    // Only the last positional may take every remaining value, and no required one follows an optional one.
    #expect(positionals.dropLast().allSatisfy { !$0.isRepeating })
    let firstOptional = positionals.firstIndex { !$0.isRequired } ?? positionals.endIndex
    #expect(positionals[firstOptional...].allSatisfy { !$0.isRequired })
    #expect(longs.allSatisfy { !$0.isEmpty } && positionals.allSatisfy { !$0.name.isEmpty })
  }
}

/// Wording met in daily use (issue 17, point 11).
@Suite struct DailyWordingTests {
  @Test func aShortOptionThatIsNotOneSuggestsTheLongOneItStarts() throws {
    let fixture = try CLIFixture()
    let result = fixture.run("snapshot", "v1", "-m", "published")
    expectRefusal(result, status: 64, containing: "Unknown option '-m'. Did you mean '--message'?")
  }

  @Test func initInsideALedgerRefusesInsteadOfNestingOne() throws {
    let fixture = try CLIFixture()
    let head = fixture.head
    expectRefusal(
      fixture.run("init", "notes/inner"), containing: "is inside the claims ledger in", ledger: fixture, head: head)
    #expect(!FileManager.default.fileExists(atPath: fixture.scratch.path("notes")))
    #expect(fixture.run("init").stdout.hasSuffix("is already a claims ledger; nothing to do\n"))
  }

  @Test func theAmbiguityErrorQuotesEachExcerptOnce() throws {
    let fixture = try CLIFixture(importing: nil)
    // Enough quoted sentences that two ids share their first digit.
    let text = (1...20).map { "\"Quote number \($0) is here,\" she said." }.joined(separator: " ")
    let file = try fixture.writeBeside(text, name: "quotes.txt")
    let imported = fixture.run("import", file, "--id", "quotes")
    #expect(imported.status == 0, "\(imported.stderr)")
    let ids = (1...20).map { fixture.id($0) }
    let digit = try #require(
      "0123456789abcdef".first { digit in ids.filter { $0.hasPrefix(String(digit)) }.count > 1 })
    let result = fixture.run("show", String(digit))
    expectRefusal(result, containing: "is ambiguous")
    #expect(result.stderr.contains("\"Quote number"))
    #expect(!result.stderr.contains("\"\""))
  }
}

import TestSupport
import Testing

@testable import ClaimsCLI

@Suite struct HelpAndUsageTests {
  let scratch = ScratchDirectory()

  func run(_ arguments: String...) -> ProcessResult {
    CLIHarness.run(arguments, in: scratch.path)
  }

  @Test func rootHelpFollowsTheArgumentParserLayout() {
    let result = run("--help")
    #expect(result.status == 0)
    #expect(result.stderr == "")
    #expect(result.stdout.hasPrefix("OVERVIEW: "))
    #expect(result.stdout.contains("\nUSAGE: claims [-C <dir>] <subcommand>\n"))
    #expect(result.stdout.contains("\nSUBCOMMANDS:\n  init                    Create a claims ledger"))
    #expect(result.stdout.hasSuffix("\n  See 'claims help <subcommand>' for detailed help.\n"))
    #expect(run().stdout == result.stdout)
  }

  @Test(arguments: ClaimsCommand.subcommandNames)
  func everySubcommandHasHelp(name: String) throws {
    let viaFlag = run(name, "--help")
    #expect(viaFlag.status == 0)
    #expect(viaFlag.stderr == "")
    #expect(viaFlag.stdout.hasPrefix("OVERVIEW: "))
    #expect(viaFlag.stdout.contains("\nUSAGE: claims \(name)"))
    #expect(viaFlag.stdout.contains("\nOPTIONS:\n"))
    #expect(viaFlag.stdout.contains("  -C, --directory <dir>   Run as if claims was started in <dir>.\n"))
    #expect(viaFlag.stdout.hasSuffix("  -h, --help              Show help information.\n"))
    #expect(run("help", name).stdout == viaFlag.stdout)
    #expect(run(name, "-h").stdout == viaFlag.stdout)
    // Every declaration is in the help, by the label it is used with.
    let command = try #require(ClaimsCommand.subcommand(named: name))
    for definition in Declarations.definitions(of: command.init()) {
      #expect(viaFlag.stdout.contains("\n  \(definition.helpLabel)"), "\(name): \(definition.helpLabel)")
    }
  }

  @Test(arguments: ClaimsCommand.subcommandNames)
  func everySubcommandReportsUsageErrorsWithItsUsage(name: String) throws {
    let usageLine = try #require(
      run(name, "--help").stdout.split(separator: "\n").first { $0.hasPrefix("USAGE: ") }?.dropFirst("USAGE: ".count))
    let unknown = run(name, "--no-such-option")
    #expect(unknown.status == 64)
    #expect(unknown.stdout == "")
    #expect(
      unknown.stderr
        == "Error: Unknown option '--no-such-option'.\nUsage: \(usageLine)\n  See 'claims \(name) --help' for more information.\n"
    )
    // A command with something required names the first thing missing.
    let command = try #require(ClaimsCommand.subcommand(named: name))
    let definitions = Declarations.definitions(of: command.init())
    let required =
      definitions.filter { $0.kind == .positional && $0.isRequired }.first
      ?? definitions.first { $0.isRequired }
    if let required {
      let missing = run(name)
      #expect(missing.status == 64)
      #expect(missing.stderr.hasPrefix("Error: Missing expected "), "\(missing.stderr)")
      #expect(missing.stderr.contains("'\(required.valueLabel)'\nUsage: \(usageLine)\n"), "\(missing.stderr)")
    }
  }

  @Test func helpEntriesAlignAtColumn26() {
    let help = run("verdict", "--help").stdout
    #expect(help.contains("\nARGUMENTS:\n  <id>                    A claim: "))
    #expect(help.contains("  --note <text>           A note explaining the verdict.\n"))
  }

  @Test func versionIsPrinted() {
    let result = run("--version")
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("claims \(ClaimsCommand.version) (libgit2 1."))
  }

  @Test func unknownSubcommandSuggestsTheClosest() {
    let result = run("lsit")
    #expect(result.status == 64)
    #expect(
      result.stderr
        == "Error: Unknown subcommand 'lsit'. Did you mean 'list'?\nUsage: claims [-C <dir>] <subcommand>\n  See 'claims --help' for more information.\n"
    )
  }

  @Test func unknownOptionIsAUsageError() {
    let result = run("list", "--sauce", "x")
    #expect(result.status == 64)
    #expect(result.stderr.hasPrefix("Error: Unknown option '--sauce'. Did you mean '--source'?\nUsage: claims list "))
    #expect(result.stderr.hasSuffix("\n  See 'claims list --help' for more information.\n"))
  }

  @Test func missingArgumentAndValueAreUsageErrors() {
    #expect(run("show").stderr.hasPrefix("Error: Missing expected argument '<id>'\nUsage: claims show"))
    #expect(run("show").status == 64)
    let missingValue = run("list", "--source")
    #expect(missingValue.status == 64)
    #expect(missingValue.stderr.hasPrefix("Error: Missing value for '--source <source-id>'."))
    #expect(run("show", "a", "b").stderr.hasPrefix("Error: Unexpected argument 'b'"))
  }

  @Test func unknownCompletionShellIsAUsageError() {
    let result = run("completions", "bsh")
    #expect(result.status == 64)
    #expect(result.stderr.contains("Did you mean 'bash'?"))
  }

  @Test(arguments: ["bash", "zsh", "fish"]) func completionScriptsParse(shell: String) throws {
    let result = run("completions", shell)
    #expect(result.status == 0)
    #expect(result.stdout.contains("verdict"))
    #expect(result.stdout.contains("unreviewed"))
    let checker = "/usr/bin/\(shell)"
    guard FileManagerProbe.isExecutable(checker) else { return }
    try scratch.write(result.stdout, to: "completion.\(shell)")
    let syntax = try ProcessRunner.run(checker, ["-n", scratch.path("completion.\(shell)")], in: scratch.path)
    #expect(syntax.status == 0, "\(syntax.stderr)")
  }
}

enum FileManagerProbe {
  static func isExecutable(_ path: String) -> Bool {
    (try? ProcessRunner.run("/usr/bin/test", ["-x", path], in: "/").status) == 0
  }
}

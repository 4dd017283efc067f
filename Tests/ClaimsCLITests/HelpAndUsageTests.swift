import ClaimsCLI
import TestSupport
import Testing

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

  @Test(arguments: [
    "init", "import", "split", "list", "show", "verdict", "cite", "uncite", "note", "assign", "unassign", "review",
    "completions", "help",
  ])
  func everySubcommandHasHelp(name: String) {
    let viaFlag = run(name, "--help")
    #expect(viaFlag.status == 0)
    #expect(viaFlag.stdout.hasPrefix("OVERVIEW: "))
    #expect(viaFlag.stdout.contains("\nUSAGE: claims \(name)"))
    #expect(viaFlag.stdout.contains("\nOPTIONS:\n"))
    #expect(viaFlag.stdout.contains("  -h, --help              Show help information.\n"))
    #expect(run("help", name).stdout == viaFlag.stdout)
    #expect(run(name, "-h").stdout == viaFlag.stdout)
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

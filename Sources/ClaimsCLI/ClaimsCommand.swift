import ClaimLedger
import ClaimModel
import Git

/// The `claims` command line: finds the subcommand, parses its arguments, runs it, and turns every
/// failure into one `Error:` line and an exit status (0 success, 1 failure, 64 usage).
public enum ClaimsCommand {
  /// The tool's version.
  public static let version = "0.1.0"

  /// Every subcommand, in the order help lists them.
  static var commands: [CommandSpec] {
    [
      // Setting up and reading.
      InitCommand.spec,
      ImportCommand.spec,
      SplitCommand.spec,
      ListCommand.spec,
      ShowCommand.spec,
      // Reviewing.
      ReviewCommands.verdict,
      ReviewCommands.cite,
      ReviewCommands.uncite,
      ReviewCommands.note,
      ReviewCommands.withdraw,
      AssignCommands.assign,
      AssignCommands.unassign,
      ReviewSessionCommand.spec,
      ReportCommand.spec,
      // History.
      LogCommand.spec,
      BlameCommand.spec,
      DiffCommand.spec,
      SnapshotCommand.spec,
      // Sharing and checking.
      RemoteCommands.clone,
      RemoteCommands.sync,
      CheckCommand.spec,
      // Tooling.
      CompletionsCommand.spec,
      HelpCommand.spec,
    ]
  }

  /// Runs the command line `arguments` (without the program name) and returns the exit status.
  public static func main(_ arguments: [String], context: CommandContext) -> Int32 {
    var arguments = arguments
    var leading: [String] = []
    // `-C DIR` and `--no-color` may come before the subcommand, as with git.
    while let first = arguments.first, first == "-C" || first.hasPrefix("--directory") || first == "--no-color" {
      leading.append(arguments.removeFirst())
      if first != "--no-color", !first.contains("="), let value = arguments.first {
        leading.append(value)
        arguments.removeFirst()
      }
    }
    guard let name = arguments.first else {
      context.output.write(HelpFormatter.rootHelp(commands: commands))
      return ExitStatus.success
    }
    switch name {
    case "-h", "--help":
      context.output.write(HelpFormatter.rootHelp(commands: commands))
      return ExitStatus.success
    case "--version":
      context.print("claims \(version) (libgit2 \(LibGit2.version))")
      return ExitStatus.success
    default:
      break
    }
    guard let command = commands.first(where: { $0.name == name }) else {
      let suggestion = Suggestions.closest(to: name, among: commands.map(\.name)).map { " Did you mean '\($0)'?" }
      return fail(UsageError("Unknown subcommand '\(name)'.\(suggestion ?? "")"), context: context)
    }
    let rest = leading + arguments.dropFirst()
    if rest.contains("--help") || rest.contains("-h") {
      context.output.write(HelpFormatter.help(for: command))
      return ExitStatus.success
    }
    do {
      let parsed = try ArgumentParser.parse(rest, for: command)
      // As with git, -C makes every relative path on the command line relative to <dir>.
      for directory in parsed.allValues("directory") {
        context.currentDirectory = context.absolutePath(directory)
      }
      if parsed.flag("no-color") {
        context.style.isEnabled = false
        context.errorStyle.isEnabled = false
      }
      return try command.run(parsed, context)
    } catch let error as UsageError {
      return fail(error, context: context)
    } catch {
      let failure = CommandFailure(error)
      context.printError("\(context.errorStyle.red("Error:")) \(TerminalText.sanitize(failure.message))")
      return ExitStatus.failure
    }
  }

  private static func fail(_ error: UsageError, context: CommandContext) -> Int32 {
    context.printError("\(context.errorStyle.red("Error:")) \(TerminalText.sanitize(error.message))")
    if let name = error.command, let command = commands.first(where: { $0.name == name }) {
      context.printError("Usage: \(HelpFormatter.usage(for: command))")
      context.printError("  See 'claims \(name) --help' for more information.")
    } else {
      context.printError("Usage: claims [-C <dir>] <subcommand>")
      context.printError("  See 'claims --help' for more information.")
    }
    return ExitStatus.usage
  }
}

/// `claims help [<subcommand>]`.
enum HelpCommand {
  static let spec = CommandSpec(
    name: "help", abstract: "Show help for a subcommand.",
    arguments: [ArgumentSpec(name: "subcommand", help: "The subcommand to explain.", isOptional: true)]
  ) { arguments, context in
    guard let name = arguments.argument("subcommand") else {
      context.output.write(HelpFormatter.rootHelp(commands: ClaimsCommand.commands))
      return ExitStatus.success
    }
    guard let command = ClaimsCommand.commands.first(where: { $0.name == name }) else {
      let suggestion = Suggestions.closest(to: name, among: ClaimsCommand.commands.map(\.name))
        .map { " Did you mean '\($0)'?" }
      throw UsageError("Unknown subcommand '\(name)'.\(suggestion ?? "")", command: "help")
    }
    context.output.write(HelpFormatter.help(for: command))
    return ExitStatus.success
  }
}

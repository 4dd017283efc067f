import ClaimLedger
import ClaimModel
import ClaimReport
import Git

/// The `claims` command line: reads the options of `claims` itself, finds the subcommand, parses
/// its arguments into its value, validates and runs it, and turns every failure into one `Error:`
/// line and an exit status (0 success, 1 failure, 64 usage).
public enum ClaimsCommand {
  /// The tool's version.
  public static let version = "0.1.0"

  /// Every subcommand, in the order help lists them.
  static var subcommands: [any ParsableCommand.Type] {
    [
      // Setting up and reading.
      InitCommand.self,
      ImportCommand.self,
      SplitCommand.self,
      ExtractCommand.self,
      ListCommand.self,
      ShowCommand.self,
      // Reviewing.
      VerdictCommand.self,
      CiteCommand.self,
      ArchiveCommand.self,
      EvidenceCommand.self,
      UnciteCommand.self,
      NoteCommand.self,
      WithdrawCommand.self,
      AssignCommand.self,
      UnassignCommand.self,
      DismissCommand.self,
      UndismissCommand.self,
      ClaimantCommand.self,
      ReviewCommand.self,
      ReportCommand.self,
      // Has this been checked before?
      FactChecksCommand.self,
      MatchCommand.self,
      LinkCommand.self,
      UnlinkCommand.self,
      // History.
      LogCommand.self,
      BlameCommand.self,
      DiffCommand.self,
      SnapshotCommand.self,
      // Sharing and checking.
      CloneCommand.self,
      SyncCommand.self,
      CheckCommand.self,
      PackCommand.self,
      // Tooling.
      CompletionsCommand.self,
      HelpCommand.self,
    ]
  }

  /// The names of the subcommands, in order.
  static var subcommandNames: [String] {
    subcommands.map { $0.configuration.name }
  }

  /// The subcommand named `name`, if there is one.
  static func subcommand(named name: String) -> (any ParsableCommand.Type)? {
    subcommands.first { $0.configuration.name == name }
  }

  /// "Unknown subcommand 'x'.", with the closest name when there is one.
  static func unknownSubcommand(_ name: String) -> UsageError {
    let suggestion = Suggestions.closest(to: name, among: subcommandNames)
    return UsageError("Unknown subcommand '\(name)'.\(suggestion.map { " Did you mean '\($0)'?" } ?? "")")
  }

  /// What help, usage and completion know of every subcommand.
  static var descriptions: [CommandDescription] {
    let inherited = Declarations.definitions(of: GlobalOptions())
    return subcommands.map { CommandDescription($0, inherited: inherited) }
  }

  /// The help of `claims` itself.
  static var rootHelp: String {
    HelpFormatter.rootHelp(
      options: Declarations.definitions(of: RootOptions()), subcommands: subcommands.map { $0.configuration })
  }

  /// Runs the command line `arguments` (without the program name) and returns the exit status.
  public static func main(_ arguments: [String], context: CommandContext) -> Int32 {
    let root = RootOptions()
    let rootParser = CommandParser(Declarations.slots(of: root))
    if rootParser.requestsHelp(arguments[...], stoppingAtPositional: true) {
      context.output.write(rootHelp)
      return ExitStatus.success
    }
    let start: Int?
    do {
      start = try rootParser.parse(arguments[...], stoppingAtPositional: true)
      if start == nil { try rootParser.resolveUnset() }
    } catch {
      return fail(error, command: nil, context: context)
    }
    guard let start else {
      if root.version {
        context.print("claims \(version) (libgit2 \(LibGit2.version))")
      } else {
        context.output.write(rootHelp)
      }
      return ExitStatus.success
    }
    guard let type = subcommand(named: arguments[start]) else {
      return fail(unknownSubcommand(arguments[start]), command: nil, context: context)
    }
    let command = type.init()
    let slots = Declarations.slots(of: command) + Declarations.slots(of: root.global)
    let parser = CommandParser(slots)
    let rest = arguments[(start + 1)...]
    if parser.requestsHelp(rest) {
      context.output.write(HelpFormatter.help(for: CommandDescription(type, inherited: inherited)))
      return ExitStatus.success
    }
    do {
      try parser.parse(rest)
      try command.validate()
      root.global.apply(to: context)
      return try command.run(context)
    } catch let error as UsageError {
      return fail(error, command: type, context: context)
    } catch {
      let failure = CommandFailure(error)
      context.printError("\(context.errorStyle.red("Error:")) \(TerminalText.sanitize(failure.message))")
      return ExitStatus.failure
    }
  }

  /// The options every subcommand accepts, as help lists them.
  private static var inherited: [ArgumentDefinition] { Declarations.definitions(of: GlobalOptions()) }

  /// Prints a usage error: its message, the usage of the command being parsed (or of `claims`),
  /// and where to read more.
  private static func fail(_ error: UsageError, command: (any ParsableCommand.Type)?, context: CommandContext) -> Int32
  {
    context.printError("\(context.errorStyle.red("Error:")) \(TerminalText.sanitize(error.message))")
    if let command {
      let name = command.configuration.name
      context.printError("Usage: \(HelpFormatter.usage(for: CommandDescription(command, inherited: inherited)))")
      context.printError("  See 'claims \(name) --help' for more information.")
    } else {
      context.printError("Usage: \(HelpFormatter.rootUsage)")
      context.printError("  See 'claims --help' for more information.")
    }
    return ExitStatus.usage
  }
}

/// The options of `claims` itself, before any subcommand.
struct RootOptions: ParsableArguments {
  @OptionGroup var global: GlobalOptions

  @Flag(help: "Show the version.")
  var version = false
}

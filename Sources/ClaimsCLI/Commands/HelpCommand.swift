/// `claims help [<subcommand>]`.
struct HelpCommand: ParsableCommand {
  static let configuration = CommandConfiguration(name: "help", abstract: "Show help for a subcommand.")

  @Argument(help: "The subcommand to explain.", completion: .values(ClaimsCommand.subcommandNames))
  var subcommand: String?

  func run(_ context: CommandContext) throws -> Int32 {
    guard let name = subcommand else {
      context.output.write(ClaimsCommand.rootHelp)
      return ExitStatus.success
    }
    guard let command = ClaimsCommand.subcommand(named: name) else { throw ClaimsCommand.unknownSubcommand(name) }
    context.output.write(
      HelpFormatter.help(
        for: CommandDescription(command, inherited: Declarations.definitions(of: GlobalOptions()))))
    return ExitStatus.success
  }
}

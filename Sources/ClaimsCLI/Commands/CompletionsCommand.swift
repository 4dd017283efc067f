/// `claims completions SHELL`: a completion script for bash, zsh or fish, made from the commands'
/// own declarations so it never falls behind them.
struct CompletionsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    name: "completions", abstract: "Print a shell completion script (bash, zsh or fish).",
    discussion: """
      bash: claims completions bash > /etc/bash_completion.d/claims (or source it from ~/.bashrc). \
      zsh: claims completions zsh > "${fpath[1]}/_claims". \
      fish: claims completions fish > ~/.config/fish/completions/claims.fish
      """
  )

  @Argument(help: "bash, zsh or fish.")
  var shell: Shell

  func run(_ context: CommandContext) throws -> Int32 {
    context.output.write(
      CompletionScript.script(
        for: shell, commands: ClaimsCommand.descriptions, rootOptions: Declarations.definitions(of: RootOptions())))
    return ExitStatus.success
  }
}

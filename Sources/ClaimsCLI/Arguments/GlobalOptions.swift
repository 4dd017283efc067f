import ClaimReport

/// Options every command accepts, before the subcommand or after it: `-C` and `--no-color`.
struct GlobalOptions: ParsableArguments {
  @Option(name: .short("C", long: "directory"), valueName: "dir", help: "Run as if claims was started in <dir>.")
  var directories: [DirectoryPath] = []

  @Flag(help: "Never colour the output (as NO_COLOR does).")
  var noColor = false

  /// Applies the options to the context the command runs in: as with git, each `-C` makes every
  /// relative path on the command line relative to its directory, the next `-C` relative to the last.
  func apply(to context: CommandContext) {
    for directory in directories { context.currentDirectory = context.absolutePath(directory.path) }
    if noColor {
      context.style.isEnabled = false
      context.errorStyle.isEnabled = false
    }
  }
}

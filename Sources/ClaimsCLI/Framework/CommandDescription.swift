/// A command's configuration and declarations, read from a fresh value of it: what help, usage
/// and shell completion are made from.
struct CommandDescription {
  var configuration: CommandConfiguration
  /// The command's own options, flags and positionals, in declaration order.
  var definitions: [ArgumentDefinition]
  /// Options every command accepts (`-C`, `--no-color`), listed after the command's own.
  var inherited: [ArgumentDefinition]

  init(_ type: any ParsableCommand.Type, inherited: [ArgumentDefinition]) {
    configuration = type.configuration
    definitions = Declarations.definitions(of: type.init())
    self.inherited = inherited
  }
}

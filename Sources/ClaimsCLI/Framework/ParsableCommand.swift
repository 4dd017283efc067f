/// A group of declared options, flags and arguments: the properties marked `@Option`, `@Flag`,
/// `@Argument` and `@OptionGroup`, in the order they are declared. `init()` makes the value with
/// every declaration unparsed; the parser fills them.
protocol ParsableArguments {
  init()
}

/// One `claims` subcommand, in swift-argument-parser's shape: a value whose properties are its
/// typed options and arguments, declared once with their help. Parsing fills them or throws a
/// ``UsageError``; ``validate()`` checks what parsing alone cannot; ``run(_:)`` does the work,
/// reading the properties.
///
/// ```swift
/// struct NoteCommand: ParsableCommand {
///   static let configuration = CommandConfiguration(name: "note", abstract: "Set your note on a claim.")
///   @Argument(help: "A claim: a unique prefix of its id, or SOURCE-ID:ORDINAL.") var id: ClaimReference
///   @Argument(help: "The note.") var text: String
///   @Flag(help: "Print the updated review as JSON.") var json = false
///   func run(_ context: CommandContext) throws -> Int32 { … }
/// }
/// ```
protocol ParsableCommand: ParsableArguments {
  /// The command's name and help.
  static var configuration: CommandConfiguration { get }

  /// Refuses combinations of values that parse one by one but not together; runs before
  /// ``run(_:)``, and its errors are usage errors (exit status 64, with usage).
  func validate() throws(UsageError)

  /// Does the work and returns the exit status. A ``UsageError`` thrown here is reported with
  /// usage like one from parsing; any other error is one `Error:` line and exit status 1.
  func run(_ context: CommandContext) throws -> Int32
}

extension ParsableCommand {
  func validate() throws(UsageError) {}
}

/// A command's name and the help shown above its arguments and options.
struct CommandConfiguration {
  /// The word that selects the command: `claims <name>`.
  var name: String
  /// One line for the subcommand list and `OVERVIEW:`.
  var abstract: String
  /// Longer help shown after the overview.
  var discussion: String?

  init(name: String, abstract: String, discussion: String? = nil) {
    self.name = name
    self.abstract = abstract
    self.discussion = discussion
  }
}

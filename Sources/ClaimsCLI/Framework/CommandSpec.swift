/// A positional argument a command takes.
struct ArgumentSpec: Sendable {
  /// The name shown in usage, without brackets: `id`, `file`.
  var name: String
  var help: String
  var isOptional = false
  /// Whether it takes every remaining positional value.
  var isRepeating = false
}

/// A named option or flag a command takes.
struct OptionSpec: Sendable {
  /// The long name without dashes: `source`.
  var long: String
  /// The one-letter name, if any: `n` for `-n`.
  var short: Character?
  /// The value's name in usage (`<id>`), or nil for a flag that takes no value.
  var valueName: String?
  var help: String
  /// Whether it may be given more than once, collecting every value.
  var isRepeating = false
  /// The default shown in help, if any.
  var defaultValue: String?
  /// Values offered by shell completion.
  var completions: [String] = []

  static func flag(_ long: String, short: Character? = nil, help: String) -> OptionSpec {
    OptionSpec(long: long, short: short, valueName: nil, help: help)
  }

  static func value(
    _ long: String, short: Character? = nil, _ valueName: String, help: String, isRepeating: Bool = false,
    defaultValue: String? = nil, completions: [String] = []
  ) -> OptionSpec {
    OptionSpec(
      long: long, short: short, valueName: valueName, help: help, isRepeating: isRepeating, defaultValue: defaultValue,
      completions: completions)
  }

  /// `-n, --number <n>` as help lists it.
  var label: String {
    var label = short.map { "-\($0), " } ?? ""
    label += "--\(long)"
    if let valueName { label += " <\(valueName)>" }
    return label
  }

  /// `--number <n>` (or `-n <n>`) as usage lists it.
  var usage: String {
    let name = "--\(long)"
    let text = valueName.map { "\(name) <\($0)>" } ?? name
    return isRepeating ? "[\(text) ...]" : "[\(text)]"
  }
}

/// One `claims` subcommand: its help, what it takes, and what it does.
struct CommandSpec: Sendable {
  var name: String
  /// One line for the subcommand list and `OVERVIEW:`.
  var abstract: String
  /// Longer help shown after the overview.
  var discussion: String?
  var arguments: [ArgumentSpec] = []
  var options: [OptionSpec] = []
  var run: @Sendable (ParsedArguments, CommandContext) throws -> Int32

  /// Options every command accepts.
  static let commonOptions: [OptionSpec] = [
    .value("directory", short: "C", "dir", help: "Run as if claims was started in <dir>."),
    .flag("no-color", help: "Never colour the output (as NO_COLOR does)."),
  ]

  /// Every option, common ones included.
  var allOptions: [OptionSpec] { options + Self.commonOptions }
}

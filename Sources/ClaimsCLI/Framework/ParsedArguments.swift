/// A command line after parsing: positional values and options by long name.
struct ParsedArguments {
  var positionals: [String: [String]] = [:]
  var values: [String: [String]] = [:]
  var flags: Set<String> = []
  var commandName: String

  init(commandName: String) {
    self.commandName = commandName
  }

  /// The value of positional argument `name`.
  func argument(_ name: String) -> String? { positionals[name]?.first }

  /// Every value of repeating positional argument `name`.
  func arguments(_ name: String) -> [String] { positionals[name] ?? [] }

  /// The last value given for option `long`.
  func value(_ long: String) -> String? { values[long]?.last }

  /// Every value given for a repeating option.
  func allValues(_ long: String) -> [String] { values[long] ?? [] }

  /// Whether flag `long` was given.
  func flag(_ long: String) -> Bool { flags.contains(long) }

  /// The value of option `long` as an integer within `range`, or a usage error.
  func integer(_ long: String, in range: ClosedRange<Int>) throws(UsageError) -> Int? {
    guard let text = value(long) else { return nil }
    guard let number = Int(text), range.contains(number) else {
      throw UsageError(
        "The value '\(text)' is invalid for '--\(long)'; expected a whole number from \(range.lowerBound) to \(range.upperBound)",
        command: commandName)
    }
    return number
  }
}

/// What one declared option, flag or positional argument is: its names, its value's name, its
/// help, and how often it may or must be given. Help, usage, parsing and shell completion all read
/// this one description.
struct ArgumentDefinition {
  enum Kind: Equatable {
    /// `--name <value>`.
    case option
    /// `--name`, taking no value.
    case flag
    /// A value given by position.
    case positional
  }

  var kind: Kind
  /// The long name without dashes (`max-count`), or the positional's name (`id`); empty until the
  /// parser names it after its property.
  var name: String
  /// The one-letter name, if any: `n` for `-n`.
  var short: Character?
  /// The value's name in usage (`<n>`); nil for a flag.
  var valueName: String?
  var help: String
  /// Whether it may be given more than once (an option) or takes every remaining value (a
  /// positional).
  var isRepeating: Bool
  /// Whether leaving it out is a usage error.
  var isRequired: Bool
  /// The default, as help shows it: `(default: text)`.
  var defaultValue: String?
  /// What shell completion offers for its value.
  var completion: Completion

  /// `--max-count`, or `<id>` for a positional.
  var displayName: String {
    kind == .positional ? "<\(name)>" : "--\(name)"
  }

  /// How messages name it: `--max-count <n>`, `--json`, `<id>`.
  var valueLabel: String {
    switch kind {
    case .option: "--\(name) <\(valueName ?? "value")>"
    case .flag: "--\(name)"
    case .positional: "<\(name)>"
    }
  }

  /// The entry's label in help: `-n, --max-count <n>`, or `<id>`.
  var helpLabel: String {
    guard kind != .positional else { return "<\(name)>" }
    return (short.map { "-\($0), " } ?? "") + valueLabel
  }

  /// How usage shows it: `[--source <source-id> ...]`, `--to <identity>`, `<id>`, `[<id> ...]`.
  var usage: String {
    var text = valueLabel
    if isRepeating, kind != .flag { text += " ..." }
    return isRequired ? text : "[\(text)]"
  }
}

/// How an option is named on the command line.
struct OptionName {
  /// The long name, or nil for the property's name in kebab case (`maxCount` → `max-count`).
  var long: String?
  var short: Character?

  /// The property's name, in kebab case.
  static let derived = OptionName(long: nil, short: nil)

  /// A long name other than the property's.
  static func long(_ name: String) -> OptionName { OptionName(long: name, short: nil) }

  /// A one-letter name beside the long one (the property's, unless given).
  static func short(_ letter: Character, long: String? = nil) -> OptionName { OptionName(long: long, short: letter) }
}

/// What shell completion offers for a value.
enum Completion: Equatable {
  case none
  /// These words.
  case values([String])
  /// File names.
  case files
  /// Directory names.
  case directories
}

extension String {
  /// `maxCount` as `max-count`, `cslID` as `csl-id`: a property's name as a command-line name.
  var kebabCased: String {
    var result = ""
    var previous: Character?
    for character in self {
      if character.isUppercase, let previous, previous.isLowercase || previous.isNumber { result += "-" }
      result += character.lowercased()
      previous = character
    }
    return result
  }
}

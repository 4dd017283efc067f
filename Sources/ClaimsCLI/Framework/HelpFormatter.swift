/// Writes help in swift-argument-parser's layout: `OVERVIEW:`, `USAGE:`, `ARGUMENTS:`, `OPTIONS:`,
/// `SUBCOMMANDS:`, entries indented two spaces with their text at column 26.
enum HelpFormatter {
  static let labelWidth = 24
  static let lineWidth = 100

  /// `claims <name> [<options>] <arguments>`: each option of the command's own while there are
  /// five or fewer, then the positionals.
  static func usage(for command: CommandDescription) -> String {
    let options = command.definitions.filter { $0.kind != .positional }
    var parts = ["claims", command.configuration.name]
    if options.count > 5 {
      parts.append("[<options>]")
    } else {
      parts += options.map(\.usage)
    }
    parts += command.definitions.filter { $0.kind == .positional }.map(\.usage)
    return parts.joined(separator: " ")
  }

  static func help(for command: CommandDescription) -> String {
    let configuration = command.configuration
    var text = "OVERVIEW: \(configuration.abstract)\n"
    if let discussion = configuration.discussion { text += "\n" + wrap(discussion, indent: 0) + "\n" }
    text += "\nUSAGE: \(usage(for: command))\n"
    let positionals = command.definitions.filter { $0.kind == .positional }
    if !positionals.isEmpty {
      text += "\nARGUMENTS:\n"
      for argument in positionals { text += entry(argument.helpLabel, argument.help) }
    }
    text += "\nOPTIONS:\n"
    for option in (command.definitions + command.inherited) where option.kind != .positional {
      var help = option.help
      if let defaultValue = option.defaultValue { help += " (default: \(defaultValue))" }
      text += entry(option.helpLabel, help)
    }
    text += entry("-h, --help", "Show help information.")
    return text
  }

  /// The help of `claims` itself: its options and the list of subcommands.
  static func rootHelp(options: [ArgumentDefinition], subcommands: [CommandConfiguration]) -> String {
    var text = "OVERVIEW: Check news articles claim by claim, with every review kept in a git ledger.\n\n"
    text += "USAGE: \(rootUsage)\n\nOPTIONS:\n"
    for option in options { text += entry(option.helpLabel, option.help) }
    text += entry("-h, --help", "Show help information.")
    text += "\nSUBCOMMANDS:\n"
    for command in subcommands { text += entry(command.name, command.abstract) }
    text += "\n  See 'claims help <subcommand>' for detailed help.\n"
    return text
  }

  /// The usage of `claims` itself.
  static let rootUsage = "claims [-C <dir>] <subcommand>"

  /// An entry: two spaces, the label padded to column 26 (or alone on its line when longer), the text.
  static func entry(_ label: String, _ help: String) -> String {
    let indent = String(repeating: " ", count: labelWidth + 2)
    let wrapped = wrap(help, indent: labelWidth + 2)
    let body = wrapped.dropFirst(labelWidth + 2)
    if label.count <= labelWidth - 2 {
      return "  " + label + String(repeating: " ", count: labelWidth - label.count) + body + "\n"
    }
    return "  \(label)\n" + indent + body + "\n"
  }

  /// Wraps text to ``lineWidth`` columns, every line indented by `indent` spaces.
  static func wrap(_ text: String, indent: Int) -> String {
    let pad = String(repeating: " ", count: indent)
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = pad
      for word in paragraph.split(separator: " ") {
        if line.count > indent, line.count + 1 + word.count > lineWidth {
          lines.append(line)
          line = pad
        }
        line += (line.count > indent ? " " : "") + word
      }
      lines.append(line)
    }
    return lines.joined(separator: "\n")
  }
}

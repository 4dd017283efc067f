/// Writes help in swift-argument-parser's layout: `OVERVIEW:`, `USAGE:`, `ARGUMENTS:`, `OPTIONS:`,
/// `SUBCOMMANDS:`, entries indented two spaces with their text at column 26.
enum HelpFormatter {
  static let labelWidth = 24
  static let lineWidth = 100

  static func usage(for command: CommandSpec) -> String {
    var parts = ["claims", command.name]
    if command.options.count > 5 {
      parts.append("[<options>]")
    } else {
      parts += command.options.map(\.usage)
    }
    for argument in command.arguments {
      var text = "<\(argument.name)>"
      if argument.isRepeating { text += " ..." }
      if argument.isOptional { text = "[\(text)]" }
      parts.append(text)
    }
    return parts.joined(separator: " ")
  }

  static func help(for command: CommandSpec) -> String {
    var text = "OVERVIEW: \(command.abstract)\n"
    if let discussion = command.discussion { text += "\n" + wrap(discussion, indent: 0) + "\n" }
    text += "\nUSAGE: \(usage(for: command))\n"
    if !command.arguments.isEmpty {
      text += "\nARGUMENTS:\n"
      for argument in command.arguments { text += entry("<\(argument.name)>", argument.help) }
    }
    text += "\nOPTIONS:\n"
    for option in command.allOptions {
      var help = option.help
      if let defaultValue = option.defaultValue { help += " (default: \(defaultValue))" }
      text += entry(option.label, help)
    }
    text += entry("-h, --help", "Show help information.")
    return text
  }

  static func rootHelp(commands: [CommandSpec]) -> String {
    var text = "OVERVIEW: Check news articles claim by claim, with every review kept in a git ledger.\n\n"
    text += "USAGE: claims [-C <dir>] <subcommand>\n\nOPTIONS:\n"
    text += entry("-C, --directory <dir>", "Run as if claims was started in <dir>.")
    text += entry("--version", "Show the version.")
    text += entry("-h, --help", "Show help information.")
    text += "\nSUBCOMMANDS:\n"
    for command in commands { text += entry(command.name, command.abstract) }
    text += "\n  See 'claims help <subcommand>' for detailed help.\n"
    return text
  }

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

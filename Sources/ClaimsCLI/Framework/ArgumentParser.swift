/// Parses a subcommand's arguments against its spec, in swift-argument-parser's manner: long options
/// as `--name value` or `--name=value`, short ones as `-n value` or `-nvalue`, `--` ending options.
enum ArgumentParser {
  static func parse(_ arguments: [String], for command: CommandSpec) throws(UsageError) -> ParsedArguments {
    var parsed = ParsedArguments(commandName: command.name)
    var positionals: [String] = []
    let options = command.allOptions
    var index = 0
    var onlyPositionals = false
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if onlyPositionals || argument == "-" || !argument.hasPrefix("-") {
        positionals.append(argument)
        continue
      }
      if argument == "--" {
        onlyPositionals = true
        continue
      }
      let option: OptionSpec
      var inlineValue: String?
      if argument.hasPrefix("--") {
        var name = String(argument.dropFirst(2))
        if let equals = name.firstIndex(of: "=") {
          inlineValue = String(name[name.index(after: equals)...])
          name = String(name[..<equals])
        }
        guard let found = options.first(where: { $0.long == name }) else {
          let suggestion = Suggestions.closest(to: name, among: options.map(\.long)).map { " Did you mean '--\($0)'?" }
          throw UsageError("Unknown option '--\(name)'.\(suggestion ?? "")", command: command.name)
        }
        option = found
      } else {
        let letters = Array(argument.dropFirst())
        guard let letter = letters.first, let found = options.first(where: { $0.short == letter }) else {
          if Double(argument) != nil {
            positionals.append(argument)
            continue
          }
          throw UsageError("Unknown option '\(argument)'.", command: command.name)
        }
        option = found
        if letters.count > 1 { inlineValue = String(letters.dropFirst()) }
      }
      if let valueName = option.valueName {
        let value: String
        if let inlineValue {
          value = inlineValue
        } else if index < arguments.count {
          value = arguments[index]
          index += 1
        } else {
          throw UsageError("Missing value for '--\(option.long) <\(valueName)>'.", command: command.name)
        }
        if !option.isRepeating, parsed.values[option.long] != nil, option.long != "directory" {
          throw UsageError("'--\(option.long)' was given more than once.", command: command.name)
        }
        parsed.values[option.long, default: []].append(value)
      } else {
        guard inlineValue == nil else {
          throw UsageError("'--\(option.long)' takes no value.", command: command.name)
        }
        parsed.flags.insert(option.long)
      }
    }
    var remaining = positionals[...]
    for spec in command.arguments {
      if spec.isRepeating {
        parsed.positionals[spec.name] = Array(remaining)
        remaining = []
      } else if let value = remaining.popFirst() {
        parsed.positionals[spec.name] = [value]
      }
      if !spec.isOptional, parsed.positionals[spec.name, default: []].isEmpty {
        throw UsageError("Missing expected argument '<\(spec.name)>'", command: command.name)
      }
    }
    if let extra = remaining.first {
      throw UsageError("Unexpected argument '\(extra)'", command: command.name)
    }
    return parsed
  }
}

/// Reads a command line into declared slots, in swift-argument-parser's manner: long options as
/// `--name value` or `--name=value`, short ones as `-n value` or `-nvalue`, flags alone, `--`
/// ending options (everything after it is positional, `--help` too), a word that reads as a
/// number positional unless it is a known short option.
struct CommandParser {
  private let slots: [any ArgumentSlotProtocol]

  init(_ slots: [any ArgumentSlotProtocol]) {
    self.slots = slots
  }

  private var named: [any ArgumentSlotProtocol] { slots.filter { $0.definition.kind != .positional } }
  private var positionals: [any ArgumentSlotProtocol] { slots.filter { $0.definition.kind == .positional } }

  /// Whether `arguments` ask for help: `-h` or `--help` where an option may stand, that is before
  /// `--` and not as an option's value; with `stoppingAtPositional`, also before the first
  /// positional word (the subcommand).
  func requestsHelp(_ arguments: ArraySlice<String>, stoppingAtPositional: Bool = false) -> Bool {
    var index = arguments.startIndex
    while index < arguments.endIndex {
      let argument = arguments[index]
      index += 1
      if argument == "--" { return false }
      if argument == "--help" || argument == "-h" { return true }
      if stoppingAtPositional, argument == "-" || !argument.hasPrefix("-") { return false }
      if let (slot, inline) = try? option(for: argument), slot.definition.kind == .option, inline == nil {
        index += 1
      }
    }
    return false
  }

  /// Reads `arguments` into the slots and resolves them: every value parsed by its type, every
  /// required one present. With `stoppingAtPositional` (a command with subcommands), reads options
  /// only up to the first positional word and returns its index, resolving nothing.
  @discardableResult
  func parse(_ arguments: ArraySlice<String>, stoppingAtPositional: Bool = false) throws(UsageError) -> Int? {
    var positionalWords: [String] = []
    var index = arguments.startIndex
    var onlyPositionals = false
    while index < arguments.endIndex {
      let argument = arguments[index]
      index += 1
      if onlyPositionals || argument == "-" || !argument.hasPrefix("-") || isNumber(argument) {
        if stoppingAtPositional { return index - 1 }
        positionalWords.append(argument)
        continue
      }
      if argument == "--" {
        onlyPositionals = true
        continue
      }
      let (slot, inlineValue) = try option(for: argument)
      let definition = slot.definition
      if definition.kind == .flag {
        guard inlineValue == nil else { throw UsageError("'--\(definition.name)' takes no value.") }
        slot.record("")
        continue
      }
      let value: String
      if let inlineValue {
        value = inlineValue
      } else if index < arguments.endIndex {
        value = arguments[index]
        index += 1
      } else {
        throw UsageError("Missing value for '\(definition.valueLabel)'.")
      }
      if !definition.isRepeating, slot.recordedCount > 0 {
        throw UsageError("'--\(definition.name)' was given more than once.")
      }
      slot.record(value)
    }
    if stoppingAtPositional { return nil }
    var remaining = positionalWords[...]
    for slot in positionals {
      if slot.definition.isRepeating {
        remaining.forEach(slot.record)
        remaining = []
      } else if let value = remaining.popFirst() {
        slot.record(value)
      }
      if slot.definition.isRequired, slot.recordedCount == 0 { throw slot.definition.missing }
    }
    if let extra = remaining.first { throw UsageError("Unexpected argument '\(extra)'") }
    for slot in slots { try slot.resolve() }
    return nil
  }

  /// Resolves every slot as if nothing had been given: defaults, nils and empty arrays (for a
  /// command with subcommands run without one).
  func resolveUnset() throws(UsageError) {
    for slot in slots { try slot.resolve() }
  }

  /// The option an argument names, with the value written into it (`--n=5`, `-n5`).
  private func option(for argument: String) throws(UsageError) -> (any ArgumentSlotProtocol, String?) {
    if argument.hasPrefix("--") {
      var name = String(argument.dropFirst(2))
      var inlineValue: String?
      if let equals = name.firstIndex(of: "=") {
        inlineValue = String(name[name.index(after: equals)...])
        name = String(name[..<equals])
      }
      guard let slot = named.first(where: { $0.definition.name == name }) else {
        let suggestion = Suggestions.closest(to: name, among: named.map(\.definition.name))
          .map { " Did you mean '--\($0)'?" }
        throw UsageError("Unknown option '--\(name)'.\(suggestion ?? "")")
      }
      return (slot, inlineValue)
    }
    let letters = Array(argument.dropFirst())
    guard let letter = letters.first, let slot = named.first(where: { $0.definition.short == letter }) else {
      // `-m` for `--message`: the one long option that starts with the letter, if there is one.
      let starting = named.filter { $0.definition.name.hasPrefix(String(letters.prefix(1))) }
      let suggestion = starting.count == 1 ? starting.first.map { " Did you mean '--\($0.definition.name)'?" } : nil
      throw UsageError("Unknown option '\(argument)'.\(suggestion ?? "")")
    }
    return (slot, letters.count > 1 ? String(letters.dropFirst()) : nil)
  }

  /// A word such as `-1` or `-2.5` is a value, unless a short option has that letter.
  private func isNumber(_ argument: String) -> Bool {
    guard Double(argument) != nil, let letter = argument.dropFirst().first else { return false }
    return !named.contains { $0.definition.short == letter }
  }
}

/// A named option that takes a value: `@Option(help: "…") var format: ReportFormat = .text`.
///
/// The value's type parses it (``ExpressibleByArgument``). A property with a default may be left
/// out; an optional one is nil when left out; an array collects every time the option is given;
/// any other is required.
@propertyWrapper
struct Option<Value>: ArgumentDeclaration {
  let slot: ArgumentSlot<Value>

  var wrappedValue: Value { slot.parsedValue }

  /// The declaration, for messages about the value (`$title.valueLabel`).
  var projectedValue: ArgumentDefinition { slot.definition }

  func slots(label: String?) -> [any ArgumentSlotProtocol] {
    slot.nameAfter(label: label)
    return [slot]
  }

  private static func definition(
    _ name: OptionName, valueName: String, help: String, isRepeating: Bool = false, isRequired: Bool = false,
    defaultValue: String? = nil, completion: Completion
  ) -> ArgumentDefinition {
    ArgumentDefinition(
      kind: .option, name: name.long ?? "", short: name.short, valueName: valueName, help: help,
      isRepeating: isRepeating, isRequired: isRequired, defaultValue: defaultValue, completion: completion)
  }
}

extension Option where Value: ExpressibleByArgument {
  /// An option with a default, shown in help.
  init(
    wrappedValue: Value, name: OptionName = .derived, valueName: String? = nil, help: String,
    completion: Completion? = nil
  ) {
    let definition = Self.definition(
      name, valueName: valueName ?? Value.valueName, help: help, defaultValue: wrappedValue.defaultValueDescription,
      completion: completion ?? Value.completion)
    slot = ArgumentSlot(definition) { texts, definition throws(UsageError) in
      guard let text = texts.last else { return wrappedValue }
      return try definition.parse(text, as: Value.self)
    }
  }

  /// A required option.
  init(name: OptionName = .derived, valueName: String? = nil, help: String, completion: Completion? = nil) {
    let definition = Self.definition(
      name, valueName: valueName ?? Value.valueName, help: help, isRequired: true,
      completion: completion ?? Value.completion)
    slot = ArgumentSlot(definition) { texts, definition throws(UsageError) in
      guard let text = texts.last else { throw definition.missing }
      return try definition.parse(text, as: Value.self)
    }
  }
}

extension Option {
  /// An option that may be left out.
  init<Element: ExpressibleByArgument>(
    name: OptionName = .derived, valueName: String? = nil, help: String, completion: Completion? = nil
  ) where Value == Element? {
    let definition = Self.definition(
      name, valueName: valueName ?? Element.valueName, help: help, completion: completion ?? Element.completion)
    slot = ArgumentSlot(definition) { texts, definition throws(UsageError) in
      guard let text = texts.last else { return nil }
      return try definition.parse(text, as: Element.self)
    }
  }

  /// An option that may be given any number of times, collecting every value in order.
  init<Element: ExpressibleByArgument>(
    wrappedValue: Value = [], name: OptionName = .derived, valueName: String? = nil, help: String,
    completion: Completion? = nil
  ) where Value == [Element] {
    let definition = Self.definition(
      name, valueName: valueName ?? Element.valueName, help: help, isRepeating: true,
      completion: completion ?? Element.completion)
    slot = ArgumentSlot(definition) { texts, definition throws(UsageError) in
      guard !texts.isEmpty else { return wrappedValue }
      var values: [Element] = []
      for text in texts { values.append(try definition.parse(text, as: Element.self)) }
      return values
    }
  }
}

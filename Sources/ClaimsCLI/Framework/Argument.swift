/// A value given by position: `@Argument(help: "…") var id: ClaimReference`.
///
/// Positionals take the command line's values in declaration order; a non-optional one is
/// required, an optional one may be left out, an array takes every remaining value.
@propertyWrapper
struct Argument<Value>: ArgumentDeclaration {
  let slot: ArgumentSlot<Value>

  var wrappedValue: Value { slot.parsedValue }

  /// The declaration, for messages about the value (`$number.valueLabel`).
  var projectedValue: ArgumentDefinition { slot.definition }

  func slots(label: String?) -> [any ArgumentSlotProtocol] {
    slot.nameAfter(label: label)
    return [slot]
  }

  private static func definition(
    _ name: String?, valueName: String, help: String, isRepeating: Bool = false, isRequired: Bool,
    completion: Completion
  ) -> ArgumentDefinition {
    ArgumentDefinition(
      kind: .positional, name: name ?? "", short: nil, valueName: valueName, help: help, isRepeating: isRepeating,
      isRequired: isRequired, defaultValue: nil, completion: completion)
  }
}

extension Argument where Value: ExpressibleByArgument {
  /// A required argument. `name` is its name in usage (`<n>`), when not the property's.
  init(name: String? = nil, help: String, completion: Completion? = nil) {
    let definition = Self.definition(
      name, valueName: Value.valueName, help: help, isRequired: true, completion: completion ?? Value.completion)
    slot = ArgumentSlot(definition) { texts, definition throws(UsageError) in
      guard let text = texts.first else { throw definition.missing }
      return try definition.parse(text, as: Value.self)
    }
  }
}

extension Argument {
  /// An argument that may be left out.
  init<Element: ExpressibleByArgument>(name: String? = nil, help: String, completion: Completion? = nil)
  where Value == Element? {
    let definition = Self.definition(
      name, valueName: Element.valueName, help: help, isRequired: false, completion: completion ?? Element.completion)
    slot = ArgumentSlot(definition) { texts, definition throws(UsageError) in
      guard let text = texts.first else { return nil }
      return try definition.parse(text, as: Element.self)
    }
  }

  /// An argument that takes every remaining value; `isRequired` asks for at least one.
  init<Element: ExpressibleByArgument>(
    wrappedValue: Value = [], name: String? = nil, help: String, isRequired: Bool = false,
    completion: Completion? = nil
  ) where Value == [Element] {
    let definition = Self.definition(
      name, valueName: Element.valueName, help: help, isRepeating: true, isRequired: isRequired,
      completion: completion ?? Element.completion)
    slot = ArgumentSlot(definition) { texts, definition throws(UsageError) in
      if texts.isEmpty, definition.isRequired { throw definition.missing }
      guard !texts.isEmpty else { return wrappedValue }
      var values: [Element] = []
      for text in texts { values.append(try definition.parse(text, as: Element.self)) }
      return values
    }
  }
}

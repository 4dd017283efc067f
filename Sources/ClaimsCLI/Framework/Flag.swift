/// A named option that takes no value: `@Flag(help: "Print … as JSON.") var json = false`.
@propertyWrapper
struct Flag: ArgumentDeclaration {
  let slot: ArgumentSlot<Bool>

  var wrappedValue: Bool { slot.parsedValue }

  init(wrappedValue: Bool = false, name: OptionName = .derived, help: String) {
    let definition = ArgumentDefinition(
      kind: .flag, name: name.long ?? "", short: name.short, valueName: nil, help: help, isRepeating: true,
      isRequired: false, defaultValue: nil, completion: .none)
    slot = ArgumentSlot(definition) { texts, _ in texts.isEmpty ? wrappedValue : true }
  }

  func slots(label: String?) -> [any ArgumentSlotProtocol] {
    slot.nameAfter(label: label)
    return [slot]
  }
}

/// Options declared once and used by several commands: `@OptionGroup var reviewer: ActingReviewer`.
/// Its options appear in help and parse where the group is declared.
@propertyWrapper
struct OptionGroup<Group: ParsableArguments>: ArgumentDeclaration {
  let wrappedValue: Group

  init() {
    wrappedValue = Group()
  }

  func slots(label: String?) -> [any ArgumentSlotProtocol] {
    Declarations.slots(of: wrappedValue)
  }
}

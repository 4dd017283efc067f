/// One declared option, flag or argument with what the command line gave it, whatever its
/// value's type: what the parser works with.
protocol ArgumentSlotProtocol: AnyObject {
  var definition: ArgumentDefinition { get set }
  /// How many values were given (a flag records an empty one each time).
  var recordedCount: Int { get }
  /// Takes one value from the command line.
  func record(_ text: String)
  /// Turns what was recorded into the property's value: the default, a parsed value, or a usage
  /// error (a value of the wrong form, a required one missing).
  func resolve() throws(UsageError)
}

/// The storage behind one `@Option`, `@Flag` or `@Argument` property. A class because the parser
/// finds declarations by reflecting on a copy of the command, and must fill the very storage the
/// command's property reads.
final class ArgumentSlot<Value>: ArgumentSlotProtocol {
  var definition: ArgumentDefinition
  private var texts: [String] = []
  private let build: ([String], ArgumentDefinition) throws(UsageError) -> Value
  private var value: Value?

  /// - Parameter build: the property's value from the texts given, in order.
  init(_ definition: ArgumentDefinition, build: @escaping ([String], ArgumentDefinition) throws(UsageError) -> Value) {
    self.definition = definition
    self.build = build
  }

  var recordedCount: Int { texts.count }

  func record(_ text: String) {
    texts.append(text)
  }

  func resolve() throws(UsageError) {
    value = try build(texts, definition)
  }

  /// The parsed value. Reading it before the command line was parsed is a programming error.
  var parsedValue: Value {
    guard let value else {
      preconditionFailure("\(definition.displayName) was read before the command line was parsed")
    }
    return value
  }
}

extension ArgumentDefinition {
  /// `text` as a `T`, or the usage error "The value 'x' is invalid for '--n <n>': <reason>".
  func parse<T: ExpressibleByArgument>(_ text: String, as type: T.Type) throws(UsageError) -> T {
    do throws(InvalidArgumentValue) {
      return try T(argument: text)
    } catch {
      throw UsageError.invalidValue(text, for: self, reason: error.reason)
    }
  }

  /// The usage error for a required value that was not given.
  var missing: UsageError {
    kind == .positional
      ? UsageError("Missing expected argument '\(valueLabel)'") : UsageError("Missing expected option '\(valueLabel)'")
  }
}

/// Something in a command that declares options, flags or arguments: a property wrapper, or an
/// option group holding more of them.
protocol ArgumentDeclaration {
  /// The slots declared, named after the property `label` (`_maxCount`) where no name was given.
  func slots(label: String?) -> [any ArgumentSlotProtocol]
}

extension ArgumentSlotProtocol {
  /// Names the slot after its property when its declaration gave no name.
  func nameAfter(label: String?) {
    guard definition.name.isEmpty, let label else { return }
    definition.name = String(label.drop(while: { $0 == "_" })).kebabCased
  }
}

enum Declarations {
  /// Every option, flag and argument `value` declares, in declaration order, option groups
  /// flattened in place.
  static func slots(of value: Any) -> [any ArgumentSlotProtocol] {
    Mirror(reflecting: value).children.flatMap { child -> [any ArgumentSlotProtocol] in
      (child.value as? any ArgumentDeclaration)?.slots(label: child.label) ?? []
    }
  }

  /// The definitions `value` declares, named.
  static func definitions(of value: Any) -> [ArgumentDefinition] {
    slots(of: value).map(\.definition)
  }
}

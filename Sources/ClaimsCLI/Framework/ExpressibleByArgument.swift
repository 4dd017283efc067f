/// A type whose values are given on the command line as text: it parses and checks the text
/// itself, names itself in usage, and says what shell completion may offer, so that every command
/// taking one (a date, a source id, a claim reference) checks it the same way, with one message
/// shape: "The value 'x' is invalid for '--n <n>': <reason>".
protocol ExpressibleByArgument {
  /// The value `text` stands for.
  /// - Throws: ``InvalidArgumentValue`` saying what is wrong with it.
  init(argument text: String) throws(InvalidArgumentValue)
  /// The value's name in usage and help (`date` for `<date>`), unless a declaration gives another.
  static var valueName: String { get }
  /// What shell completion offers for values of this type.
  static var completion: Completion { get }
  /// The value as help shows it as a default: `(default: text)`.
  var defaultValueDescription: String { get }
}

extension ExpressibleByArgument {
  static var completion: Completion { .none }
  var defaultValueDescription: String { String(describing: self) }
}

/// Why a text is not a value of a type; completes "The value 'x' is invalid for '--n <n>'".
struct InvalidArgumentValue: Error, Equatable {
  /// What is wrong or what to write instead; nil when the value's name says enough.
  var reason: String?

  init(_ reason: String? = nil) {
    self.reason = reason
  }
}

/// A choice among fixed words (a format, a shell, a status): parsed by its raw value, completed
/// with every case, and refused with the list and the closest word.
protocol EnumeratedArgument: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension EnumeratedArgument {
  init(argument text: String) throws(InvalidArgumentValue) {
    guard let value = Self(rawValue: text) else {
      let names = Self.allCases.map(\.rawValue)
      let hint = Suggestions.closest(to: text, among: names).map { " Did you mean '\($0)'?" } ?? ""
      throw InvalidArgumentValue("use one of \(names.joined(separator: ", ")).\(hint)")
    }
    self = value
  }

  static var completion: Completion { .values(allCases.map(\.rawValue)) }
  var defaultValueDescription: String { rawValue }
}

extension String: ExpressibleByArgument {
  init(argument text: String) {
    self = text
  }

  static var valueName: String { "text" }
}

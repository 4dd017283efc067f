import WebSources

/// A page named on the command line: a web address (`https://…`), a file, or `-` for standard
/// input.
struct PageArgument: ExpressibleByArgument, CustomStringConvertible {
  var text: String

  init(argument text: String) {
    self.text = text
  }

  static var valueName: String { "page" }
  static var completion: Completion { .files }

  /// Standard input.
  var isStandardInput: Bool { text == "-" }
  /// A web address: anything that opens with a scheme (`https:`, and `file:` or `ftp:`, which the
  /// fetch refuses by name).
  var isWebAddress: Bool { PageLocation.hasScheme(text) }

  /// The name it goes by in messages.
  var name: String { isStandardInput ? "standard input" : text }

  var description: String { text }
}

import ClaimModel

/// A command line that cannot be run as written: exit status 64, with the usage of the command
/// being parsed.
struct UsageError: Error, Equatable {
  var message: String

  init(_ message: String) {
    self.message = message
  }

  /// "The value 'x' is invalid for '--n <n>': <reason>", the one shape of every refused value.
  static func invalidValue(_ text: String, for definition: ArgumentDefinition, reason: String?) -> UsageError {
    UsageError(
      "The value '\(text.escapedForMessage)' is invalid for '\(definition.valueLabel)'"
        + (reason.map { ": \($0)" } ?? ""))
  }
}

/// Exit statuses, as swift-argument-parser uses them.
enum ExitStatus {
  static let success: Int32 = 0
  static let failure: Int32 = 1
  /// `EX_USAGE` from sysexits.h.
  static let usage: Int32 = 64
}

/// A command line that cannot be run as written: exit status 64, with usage.
struct UsageError: Error, Equatable {
  var message: String
  /// The command whose usage to show, when known.
  var command: String?

  init(_ message: String, command: String? = nil) {
    self.message = message
    self.command = command
  }
}

/// A failure to report as `Error: <message>` with exit status 1.
struct CommandFailure: Error, Equatable {
  var message: String

  init(_ message: String) {
    self.message = message
  }
}

/// Exit statuses, as swift-argument-parser uses them.
enum ExitStatus {
  static let success: Int32 = 0
  static let failure: Int32 = 1
  /// `EX_USAGE` from sysexits.h.
  static let usage: Int32 = 64
}

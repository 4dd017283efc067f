import ClaimLedger
import ClaimModel
import ClaimReport

#if canImport(Glibc)
  import Glibc
#endif

/// Somewhere text goes: standard output, standard error, or a buffer in tests.
public protocol TextSink: AnyObject {
  func write(_ text: String)
  /// Writes UTF-8 that ends on a whole character; a report streams its megabytes through this
  /// without making a `String` of them.
  func write(utf8 bytes: UnsafeBufferPointer<UInt8>)
  /// Writes out anything buffered, so a status line shows at once.
  func flushIfPossible()
}

extension TextSink {
  public func write(utf8 bytes: UnsafeBufferPointer<UInt8>) {
    write(String(decoding: bytes, as: UTF8.self))
  }

  public func flushIfPossible() {}
}

/// Somewhere lines come from: standard input, or a script in tests.
public protocol LineSource: AnyObject {
  /// The next line without its line break, or nil at the end of input.
  func readLine() -> String?
  /// Everything left, as bytes.
  func readAll() -> [UInt8]
  /// One key press on a terminal (without waiting for Enter); elsewhere, the next line.
  /// The empty string stands for Enter; nil for the end of input.
  func readKey() -> String?
}

extension LineSource {
  public func readKey() -> String? { readLine() }
}

/// What a command runs with: its streams, environment and working directory, injected so that tests
/// can run every command in-process and check exactly what it printed.
public final class CommandContext {
  let output: any TextSink
  let errorOutput: any TextSink
  let input: any LineSource
  let environment: [String: String]
  /// The working directory, or the one `-C` named once the command line is parsed.
  var currentDirectory: String
  let isOutputTerminal: Bool
  let isErrorTerminal: Bool
  let isInputTerminal: Bool
  /// The width of the terminal standard output is, as the terminal reported it at start.
  let terminalColumns: Int?
  var style: TextStyle
  var errorStyle: TextStyle

  public init(
    output: any TextSink, errorOutput: any TextSink, input: any LineSource, environment: [String: String],
    currentDirectory: String, isOutputTerminal: Bool = false, isErrorTerminal: Bool = false,
    isInputTerminal: Bool = false, terminalColumns: Int? = nil
  ) {
    self.output = output
    self.errorOutput = errorOutput
    self.input = input
    self.environment = environment
    self.currentDirectory = currentDirectory
    self.isOutputTerminal = isOutputTerminal
    self.isErrorTerminal = isErrorTerminal
    self.isInputTerminal = isInputTerminal
    self.terminalColumns = terminalColumns
    let colourAllowed = environment["NO_COLOR"].map(\.isEmpty) ?? true
    let dumb = environment["TERM"] == "dumb"
    style = TextStyle(isEnabled: isOutputTerminal && colourAllowed && !dumb)
    errorStyle = TextStyle(isEnabled: isErrorTerminal && colourAllowed && !dumb)
  }

  /// The columns output may take: `COLUMNS` when it is set to a width, else the terminal's, else
  /// nil (output goes to a file or a pipe).
  var outputWidth: Int? {
    if let text = environment["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
    return isOutputTerminal ? terminalColumns : nil
  }

  /// Prints a line on standard output.
  func print(_ line: String = "") {
    output.write(line + "\n")
  }

  /// Prints a line on standard error, at once and after what standard output holds so far: on a
  /// terminal (and in `2>&1`) an error shows where it happened, not after the next prompt.
  func printError(_ line: String) {
    output.flushIfPossible()
    errorOutput.write(line + "\n")
    errorOutput.flushIfPossible()
  }

  /// Shows what a long piece of work is doing, on one line of standard error that the next status
  /// or ``clearStatus()`` overwrites; only on a terminal, so logs and pipes stay clean.
  func status(_ message: String) {
    guard isErrorTerminal else { return }
    errorOutput.write("\r\u{1B}[K" + errorStyle.dim(TerminalText.sanitize(message)))
    errorOutput.flushIfPossible()
  }

  /// Removes the status line.
  func clearStatus() {
    guard isErrorTerminal else { return }
    errorOutput.write("\r\u{1B}[K")
  }

  /// Prints a warning on standard error.
  func warn(_ message: String) {
    printError("\(errorStyle.yellow("warning:")) \(TerminalText.sanitize(message))")
  }

  /// Reports files in the ledger that could not be used.
  func report(_ problems: [LedgerProblem]) {
    for problem in problems.prefix(20) {
      printError(
        "\(errorStyle.yellow("warning:")) \(TerminalText.visiblePath(problem.path)): "
          + TerminalText.sanitize("\(problem.problem); \(problem.remedy)"))
    }
    if problems.count > 20 { warn("\(problems.count - 20) more problems; run 'claims check' for the full list") }
  }

  /// The current time, or `CLAIMS_DATE` when set (an ISO 8601 UTC timestamp), so that scripted
  /// runs such as the bundled ledger's can be reproduced exactly.
  func now() throws(CommandFailure) -> Timestamp {
    if let fixed = try ClaimsDate.parse(environment["CLAIMS_DATE"]) { return fixed }
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    return Timestamp(secondsSince1970: Int64(now.tv_sec))
  }

  /// `path` made absolute against the working directory.
  func absolutePath(_ path: String) -> String {
    path.hasPrefix("/") ? path : "\(currentDirectory)/\(path)"
  }

  /// The ledger containing the working directory or `-C`'s.
  func openLedger() throws(LedgerError) -> Ledger {
    try Ledger.discover(from: currentDirectory)
  }

  /// The person running an importing, tagging or assigning command: `explicit` (`--author`), else
  /// `CLAIMS_AUTHOR`, else git config.
  func author(_ explicit: Identity?, ledger: Ledger?) throws(LedgerError) -> Identity {
    try IdentityResolver.resolve(
      explicit: explicit, environment: environment["CLAIMS_AUTHOR"], sources: ("--author", "CLAIMS_AUTHOR"),
      ledger: ledger)
  }
}

@available(*, unavailable)
extension CommandContext: Sendable {}

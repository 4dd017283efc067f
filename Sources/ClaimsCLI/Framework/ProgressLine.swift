import ClaimLedger

#if canImport(Glibc)
  import Glibc
#endif

/// One line on standard error that a long transfer rewrites in place; shown only when standard
/// error is a terminal, at most ten times a second.
final class ProgressLine {
  private let context: CommandContext
  private var lastShown = 0.0
  private var shownLength = 0

  init(context: CommandContext) {
    self.context = context
  }

  /// Reports `status` to the terminal, if it is time to.
  func update(_ status: TransferStatus) {
    guard context.isErrorTerminal else { return }
    let (text, isDone) = Self.describe(status)
    let now = Self.now()
    guard isDone || now - lastShown >= 0.1 else { return }
    lastShown = now
    let padding = String(repeating: " ", count: max(0, shownLength - text.count))
    shownLength = text.count
    context.errorOutput.write("\r\(text)\(padding)")
    flush()
  }

  /// Ends the line, if one was shown, so that later messages start on their own line.
  func finish() {
    guard shownLength > 0 else { return }
    context.errorOutput.write("\n")
    flush()
    shownLength = 0
  }

  /// Sends the line out at once: standard error is buffered until the command ends.
  private func flush() {
    (context.errorOutput as? FileDescriptorSink)?.flush()
  }

  static func describe(_ status: TransferStatus) -> (String, isDone: Bool) {
    switch status {
    case .receiving(let objects, let total, let bytes):
      return ("Receiving objects: \(percent(objects, total)) (\(objects)/\(total)), \(size(bytes))", objects == total)
    case .resolving(let deltas, let total):
      return ("Resolving deltas: \(percent(deltas, total)) (\(deltas)/\(total))", deltas == total)
    case .sending(let objects, let total, let bytes):
      return ("Writing objects: \(percent(objects, total)) (\(objects)/\(total)), \(size(bytes))", objects == total)
    }
  }

  private static func percent(_ part: Int, _ whole: Int) -> String {
    "\(whole == 0 ? 100 : part * 100 / whole)%"
  }

  private static func size(_ bytes: Int) -> String {
    if bytes < 1024 { return "\(bytes) bytes" }
    if bytes < 1 << 20 { return "\(bytes >> 10) KiB" }
    let tenths = bytes * 10 >> 20
    return "\(tenths / 10).\(tenths % 10) MiB"
  }

  private static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
}

import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// "Checking pages: 120/1000" on standard error, rewritten in place while many pages are fetched;
/// shown only when standard error is a terminal, at most ten times a second. Fetches report from
/// their own threads, so every write holds the lock (the command's own thread waits meanwhile).
final class FetchProgress: Sendable {
  private struct State {
    var lastShown = 0.0
    var shownLength = 0
  }

  private let sink: SinkBox?
  private let label: String
  private let state = Mutex(State())

  /// The terminal's error stream, kept only when it is a terminal.
  private final class SinkBox: @unchecked Sendable {
    // Written only under `state`'s lock, while the command's own thread waits for the fetches.
    let sink: any TextSink
    init(_ sink: any TextSink) { self.sink = sink }
  }

  init(label: String, context: CommandContext) {
    self.label = label
    sink = context.isErrorTerminal ? SinkBox(context.errorOutput) : nil
  }

  /// Reports that `done` of `total` are done.
  func update(_ done: Int, _ total: Int) {
    guard let sink else { return }
    state.withLock { state in
      let now = Self.now()
      guard done == total || now - state.lastShown >= 0.1 else { return }
      state.lastShown = now
      let text = "\(label): \(done)/\(total)"
      let padding = String(repeating: " ", count: max(0, state.shownLength - text.count))
      state.shownLength = text.count
      sink.sink.write("\r\(text)\(padding)")
      sink.sink.flushIfPossible()
    }
  }

  /// Ends the line, if one was shown.
  func finish() {
    guard let sink else { return }
    state.withLock { state in
      guard state.shownLength > 0 else { return }
      sink.sink.write("\n")
      sink.sink.flushIfPossible()
      state.shownLength = 0
    }
  }

  private static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
}

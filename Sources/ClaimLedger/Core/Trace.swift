import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Timings of a command's phases on standard error, when `CLAIMS_TRACE` is set: a way to see where
/// time goes on a large ledger without a profiler. Each line also gives the processor time the
/// marking thread has used so far, which a busy machine does not inflate.
public enum Trace {
  /// When the last mark was made; marks may come from any thread.
  private static let start = Mutex<Double>(now())
  private static let isEnabled = getenv("CLAIMS_TRACE") != nil

  private static func now(_ clock: clockid_t = CLOCK_MONOTONIC) -> Double {
    var time = timespec()
    clock_gettime(clock, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  /// Prints the time since the last mark, with `label`.
  public static func mark(_ label: @autoclosure () -> String) {
    guard isEnabled else { return }
    let current = now()
    let previous = start.withLock { last in
      defer { last = current }
      return last
    }
    let milliseconds = Int((current - previous) * 100_000)
    let threadMilliseconds = Int(now(CLOCK_THREAD_CPUTIME_ID) * 1_000)
    let line =
      "[trace] \(milliseconds / 100).\(milliseconds % 100 < 10 ? "0" : "")\(milliseconds % 100) ms  \(label())  (thread cpu \(threadMilliseconds) ms)\n"
    _ = line.withCString { write(2, $0, strlen($0)) }
  }
}

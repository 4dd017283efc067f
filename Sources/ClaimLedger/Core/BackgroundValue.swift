import Dispatch
import Synchronization

/// A value computed on another thread while the caller does other work; ``value`` waits for it.
/// For a step that would otherwise hold up a single-threaded stretch (an import's digest of its
/// text, while the text is segmented).
final class BackgroundValue<Value: Sendable>: Sendable {
  private let result = Mutex<Value?>(nil)
  private let finished = DispatchGroup()

  init(_ compute: @escaping @Sendable () -> Value) {
    finished.enter()
    DispatchQueue.global(qos: .userInitiated).async { [self] in
      let value = compute()
      result.withLock { $0 = value }
      finished.leave()
    }
  }

  /// The value, once computed.
  var value: Value {
    finished.wait()
    guard let value = result.withLock({ $0 }) else { preconditionFailure("a background value was not computed") }
    return value
  }
}

import Dispatch
import Synchronization

extension Array where Element: Sendable {
  /// `map(transform)`, in order, on up to four threads when there are at least `minimumCount`
  /// elements (below that, starting threads costs more than it saves).
  func concurrentMap<Mapped: Sendable>(minimumCount: Int = 1_024, _ transform: @Sendable (Element) -> Mapped)
    -> [Mapped]
  {
    let workers = count >= minimumCount ? Swift.min(Swift.max(1, System.activeProcessorCount), 4) : 1
    guard workers > 1 else { return map(transform) }
    let chunk = (count + workers - 1) / workers
    let parts = Mutex<[Int: [Mapped]]>([:])
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      let part = self[(worker * chunk)..<Swift.min(count, (worker + 1) * chunk)].map(transform)
      parts.withLock { $0[worker] = part }
    }
    return parts.withLock { parts in (0..<workers).flatMap { parts[$0] ?? [] } }
  }
}

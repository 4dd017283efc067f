#if canImport(Glibc)
  import Glibc
#endif

/// Fetches many addresses at once with a bounded number of threads, each with its own
/// `HTTPClient`, and at most `perHost` requests to one host at a time, so that checking many
/// citations of one site does not hammer it.
public enum ConcurrentFetch {
  /// Fetches every address in `urls`; the results are in the order of `urls`.
  ///
  /// A host is the first request's host; redirects to other hosts are not counted against them.
  /// - Parameters:
  ///   - concurrency: the most fetches at once (threads).
  ///   - perHost: the most fetches at once to one host.
  ///   - progress: called after each fetch with the number done and the total, from any thread.
  public static func fetchAll(
    _ urls: [String], options: FetchOptions = FetchOptions(), concurrency: Int = 8, perHost: Int = 1,
    progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
  ) -> [Result<HTTPResponse, FetchError>] {
    let schedule = Schedule(urls: urls, perHost: max(1, perHost))
    let workers = max(1, min(concurrency, urls.count))
    // Threads of our own, not Foundation's: without Foundation every claims command starts faster.
    var threads: [pthread_t] = []
    for _ in 0..<workers {
      if let thread = WorkerThread.start({ work(schedule, options: options, progress: progress) }) {
        threads.append(thread)
      } else {
        work(schedule, options: options, progress: progress)
      }
    }
    for thread in threads { pthread_join(thread, nil) }
    return schedule.results()
  }

  private static func work(
    _ schedule: Schedule, options: FetchOptions, progress: (@Sendable (Int, Int) -> Void)?
  ) {
    var client: HTTPClient?
    while let (index, url) = schedule.next() {
      let result: Result<HTTPResponse, FetchError>
      do throws(FetchError) {
        if client == nil { client = try HTTPClient() }
        guard let client else { continue }
        result = .success(try client.fetch(url, options: options))
      } catch {
        result = .failure(error)
      }
      let done = schedule.finish(index, result)
      progress?(done, schedule.total)
    }
  }
}

/// The shared queue of `ConcurrentFetch`: which address comes next, which hosts are busy, and the
/// results. Every access holds `condition`'s lock, which is why it may be shared.
private final class Schedule: @unchecked Sendable {
  let total: Int
  private let urls: [String]
  private let perHost: Int
  private let condition = Condition()
  /// Hosts in order of first appearance, each with its waiting indices.
  private var hostOrder: [String] = []
  private var waiting: [String: [Int]] = [:]
  private var busy: [String: Int] = [:]
  private var hostOfIndex: [String] = []
  private var outcomes: [Result<HTTPResponse, FetchError>?]
  private var done = 0

  init(urls: [String], perHost: Int) {
    self.urls = urls
    self.perHost = perHost
    total = urls.count
    outcomes = Array(repeating: nil, count: urls.count)
    for (index, url) in urls.enumerated() {
      // An address that does not parse fails at once in `fetch`; it gets a host of its own.
      let host = (try? HTTPAddress(url).host) ?? "invalid \(index)"
      hostOfIndex.append(host)
      if waiting[host] == nil { hostOrder.append(host) }
      waiting[host, default: []].append(index)
    }
    for host in hostOrder { waiting[host]?.reverse() }
  }

  /// The next address whose host has room, waiting while every host with work is busy; nil when
  /// nothing is left to start.
  func next() -> (Int, String)? {
    condition.lock()
    defer { condition.unlock() }
    while true {
      var anyWaiting = false
      for host in hostOrder {
        guard let indices = waiting[host], !indices.isEmpty else { continue }
        anyWaiting = true
        guard busy[host, default: 0] < perHost else { continue }
        let index = waiting[host]?.removeLast() ?? 0
        busy[host, default: 0] += 1
        return (index, urls[index])
      }
      guard anyWaiting else { return nil }
      condition.wait()
    }
  }

  /// Records a result and frees its host; returns how many are done.
  func finish(_ index: Int, _ result: Result<HTTPResponse, FetchError>) -> Int {
    condition.lock()
    defer { condition.unlock() }
    outcomes[index] = result
    busy[hostOfIndex[index], default: 1] -= 1
    done += 1
    condition.broadcast()
    return done
  }

  func results() -> [Result<HTTPResponse, FetchError>] {
    condition.lock()
    defer { condition.unlock() }
    return outcomes.enumerated().map { index, outcome in
      outcome ?? .failure(FetchError(.other, "not fetched", url: urls[index]))
    }
  }
}

/// A POSIX thread running one closure.
private enum WorkerThread {
  private final class Body {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
  }

  /// Starts `body` on a new thread; nil when no thread could be made.
  static func start(_ body: @escaping @Sendable () -> Void) -> pthread_t? {
    let context = Unmanaged.passRetained(Body(body)).toOpaque()
    var thread = pthread_t()
    let result = pthread_create(
      &thread, nil,
      { raw in
        guard let raw else { return nil }
        Unmanaged<Body>.fromOpaque(raw).takeRetainedValue().run()
        return nil
      }, context)
    guard result == 0 else {
      Unmanaged<Body>.fromOpaque(context).release()
      return nil
    }
    return thread
  }
}

/// A mutex with a condition variable (pthread), as `NSCondition` offers.
private final class Condition: @unchecked Sendable {
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  private let variable = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

  init() {
    pthread_mutex_init(mutex, nil)
    pthread_cond_init(variable, nil)
  }

  deinit {
    pthread_cond_destroy(variable)
    pthread_mutex_destroy(mutex)
    variable.deallocate()
    mutex.deallocate()
  }

  func lock() { pthread_mutex_lock(mutex) }
  func unlock() { pthread_mutex_unlock(mutex) }
  /// Waits for ``broadcast()``; the lock must be held, and is held again on return.
  func wait() { pthread_cond_wait(variable, mutex) }
  func broadcast() { pthread_cond_broadcast(variable) }
}

import HTTP
import Synchronization
import TestSupport
import Testing

/// Many fetches overlap, but never more than one per host at a time.
@Suite struct ConcurrentFetchTests {
  @Test func fetchesOverlapAcrossHostsButNotWithinOne() throws {
    let first = try LocalHTTPServer(host: "127.0.0.1")
    let second: LocalHTTPServer
    do {
      second = try LocalHTTPServer(host: "127.0.0.2")
    } catch {
      // Some sandboxes route only 127.0.0.1; the overlap needs a second loopback address.
      print("skipped: cannot listen on 127.0.0.2 (\(error))")
      return
    }
    var urls: [String] = []
    for index in 0..<4 {
      for server in [first, second] {
        server.setRoute("/\(index)", .delayed(milliseconds: 300, .page(body: Array("\(server.host) \(index)".utf8))))
        urls.append(server.url("/\(index)"))
      }
    }
    urls.append("file:///etc/passwd")
    let calls = Mutex(0)
    let started = ContinuousClock().now
    let results = ConcurrentFetch.fetchAll(urls, concurrency: 8, perHost: 1) { done, total in
      calls.withLock { $0 += 1 }
      #expect(total == 9)
      #expect(done <= total)
    }
    let elapsed = ContinuousClock().now - started
    #expect(results.count == 9)
    for (index, result) in results.prefix(8).enumerated() {
      let server = index % 2 == 0 ? first : second
      #expect((try? result.get().body) == Array("\(server.host) \(index / 2)".utf8))
    }
    if case .failure(let error) = results[8] {
      #expect(error.kind == .unsupportedScheme)
    } else {
      Issue.record("file: was fetched")
    }
    #expect(first.maxConcurrentRequests == 1)
    #expect(second.maxConcurrentRequests == 1)
    // Two hosts in parallel: about 4 × 300 ms, not 8 × 300 ms.
    #expect(elapsed < .milliseconds(2000))
    #expect(calls.withLock { $0 } == 9)
  }

  @Test func perHostLimitCanBeRaised() throws {
    let server = try LocalHTTPServer()
    let urls = (0..<6).map { index in
      server.setRoute("/\(index)", .delayed(milliseconds: 100, .page(body: [UInt8(index)])))
      return server.url("/\(index)")
    }
    let results = ConcurrentFetch.fetchAll(urls, concurrency: 3, perHost: 3)
    #expect(results.compactMap { try? $0.get().body.first } == [0, 1, 2, 3, 4, 5])
    #expect(server.maxConcurrentRequests == 3)
  }
}

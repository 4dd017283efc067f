public import ClaimMatching
import Dispatch
import Synchronization

/// The ledger's earlier checks, searchable: its fact-checks and its reviewed claims in a
/// ``MatchingIndex``, with what to show of each. Made by ``LedgerSnapshot/matcher()`` from the cache,
/// which it updates first.
public struct LedgerMatcher: Sendable {
  let index: MatchingIndex
  /// The checks of the cache's delta, then of its base less the keys removed from it.
  let checks: CheckTable
  let baseChecks: CheckTable?
  let removed: Set<String>

  init(index: MatchingIndex, checks: CheckTable, baseChecks: CheckTable?, removed: Set<String>) {
    self.index = index
    self.checks = checks
    self.baseChecks = baseChecks
    self.removed = removed
  }

  /// How many earlier checks there are.
  public var count: Int { index.count }

  /// Whether there is nothing to match against.
  public var isEmpty: Bool { index.count == 0 }

  /// The earlier check with this key (a fact-check's url or a claim's id), or nil.
  public func check(_ key: String) -> EarlierCheck? {
    if let found = checks.check(key) { return found }
    return removed.contains(key) ? nil : baseChecks?.check(key)
  }

  /// The earlier checks most like `query`, best first, without the one whose key is `excluding`
  /// (a claim is not matched against itself).
  /// - Throws: ``MatchingError`` of kind `emptyQuery` or `nothingToMatch`.
  public func matches(for query: String, excluding: String? = nil, limit: Int) throws(MatchingError)
    -> [LedgerMatch]
  {
    let found = try index.matches(for: query, limit: limit + (excluding == nil ? 0 : 1))
    return resolve(found, excluding: excluding, limit: limit)
  }

  /// ``matches(for:excluding:limit:)`` for many queries, on every core: one result per query.
  public func matches(for queries: [(text: String, excluding: String?)], limit: Int) -> [Result<
    [LedgerMatch], MatchingError
  >] {
    guard !queries.isEmpty else { return [] }
    let workers = min(max(1, System.activeProcessorCount), 8, max(1, queries.count / 16))
    let chunk = (queries.count + workers - 1) / workers
    let index = self.index
    let texts = queries.map(\.text)
    let raw = Mutex<[Int: [Result<[Match], MatchingError>]]>([:])
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      let range = (worker * chunk)..<min(queries.count, (worker + 1) * chunk)
      guard !range.isEmpty else { return }
      let found = index.matches(for: Array(texts[range]), limit: limit + 1)
      raw.withLock { $0[worker] = found }
    }
    var results: [Result<[LedgerMatch], MatchingError>] = []
    results.reserveCapacity(queries.count)
    let done = raw.withLock { $0 }
    for worker in 0..<workers {
      for (offset, result) in (done[worker] ?? []).enumerated() {
        let excluding = queries[worker * chunk + offset].excluding
        results.append(result.map { resolve($0, excluding: excluding, limit: limit) })
      }
    }
    return results
  }

  private func resolve(_ found: [Match], excluding: String?, limit: Int) -> [LedgerMatch] {
    var result: [LedgerMatch] = []
    for match in found where match.key != excluding {
      guard result.count < limit, let check = check(match.key) else { continue }
      result.append(LedgerMatch(check: check, score: match.score, resembles: Resemblance.resembles(match)))
    }
    return result
  }
}

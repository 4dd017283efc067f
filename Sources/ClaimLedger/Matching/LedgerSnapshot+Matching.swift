public import ClaimModel

extension LedgerSnapshot {
  /// The ledger's earlier checks (its fact-checks and reviewed claims), searchable: from the cache
  /// in `<git-dir>/claims-cache/v2/matching/` (a base and a delta), updated first from whatever changed since it was
  /// made. Made once per snapshot.
  public func matcher() -> LedgerMatcher {
    MatchingCache.matcher(for: self)
  }

  /// For each of `claims` that is live, checkable and has no verdict yet, its best match among the
  /// earlier checks when that resembles it (a claim is never matched against itself); the others
  /// are left out. Queries run on every core.
  public func resemblances(of claims: [Claim], using matcher: LedgerMatcher) -> [ClaimID: LedgerMatch] {
    guard !matcher.isEmpty else { return [:] }
    var asked: [Claim] = []
    for claim in claims where !claim.isRetired && claim.kind.isCheckable {
      if reviews(of: claim).contains(where: { $0.verdict != nil }) { continue }
      asked.append(claim)
    }
    let results = matcher.matches(for: asked.map { ($0.text, $0.id.rawValue) }, limit: 1)
    var found: [ClaimID: LedgerMatch] = [:]
    for (claim, result) in zip(asked, results) {
      if case .success(let matches) = result, let best = matches.first, best.resembles { found[claim.id] = best }
    }
    return found
  }
}

extension LedgerSnapshot {
  /// Whether the ledger holds fact-checks or links: what turns matching on in the views that show
  /// every claim's matches unasked (`show`, the review session, `import`'s count, the report), so
  /// that a ledger without them never pays for loading the index there. `claims match` always searches.
  public var hasFactChecksOrLinks: Bool {
    let root = directory("")
    return root.entry(named: LedgerPaths.factChecks) != nil || root.entry(named: LedgerPaths.links) != nil
  }
}

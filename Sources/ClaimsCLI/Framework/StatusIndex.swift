import ClaimLedger
import ClaimModel

/// Two bytes per claim saying where it stands (``Flags``), kept per source in the ledger's caches
/// (`claims-cache/v2/claim-status/`) under the source's fingerprint, the ledger's settings and the
/// build: `claims list --status` reads these bytes to know which sources have a claim of that
/// status, and reads the records of only those. After one review, one source's bytes are made
/// again. On a ledger of a million claims this is the difference between reading 20,000 sources'
/// records (seconds, and gigabytes of memory) and reading a few.
enum StatusIndex {
  static let cacheName = "claim-status"
  /// 2: statuses count the desk's decisions (a claim ruled out is not checkable); 3: two bytes a
  /// claim, the second saying whether the desk dismissed it (`--status dismissed`).
  static let version: UInt8 = 3

  /// What ``StatusFilter`` asks of a claim, as bits.
  struct Flags: OptionSet, Sendable {
    let rawValue: UInt16
    static let retired = Flags(rawValue: 1 << 0)
    static let checkable = Flags(rawValue: 1 << 1)
    static let reviewed = Flags(rawValue: 1 << 2)
    static let cited = Flags(rawValue: 1 << 3)
    static let disputed = Flags(rawValue: 1 << 4)
    static let flagged = Flags(rawValue: 1 << 5)
    static let verified = Flags(rawValue: 1 << 6)
    static let stale = Flags(rawValue: 1 << 7)
    static let dismissed = Flags(rawValue: 1 << 8)

    init(rawValue: UInt16) { self.rawValue = rawValue }

    init(claim: Claim, status: ClaimStatus) {
      var flags: Flags = []
      if claim.isRetired { flags.insert(.retired) }
      if status.isCheckable { flags.insert(.checkable) }
      if status.isReviewed { flags.insert(.reviewed) }
      if status.isCited { flags.insert(.cited) }
      if status.isDisputed { flags.insert(.disputed) }
      if status.isFlagged { flags.insert(.flagged) }
      if status.isVerified { flags.insert(.verified) }
      if status.hasStaleReviews { flags.insert(.stale) }
      if status.isNotAClaim { flags.insert(.dismissed) }
      self = flags
    }

    /// The flags as stored: two bytes, little-endian.
    var bytes: [UInt8] { [UInt8(truncatingIfNeeded: rawValue), UInt8(truncatingIfNeeded: rawValue >> 8)] }

    /// The flags of each claim in `bytes` as ``bytes`` stores them (an odd last byte is ignored).
    static func decode(_ bytes: [UInt8]) -> [Flags] {
      stride(from: 0, to: bytes.count - 1, by: 2).map { start in
        Flags(rawValue: UInt16(bytes[start]) | UInt16(bytes[start + 1]) << 8)
      }
    }
  }

  /// The sources among `sources` with a claim any of `statuses` selects (a retired one for
  /// `.retired`, else a live one), in order.
  static func sources(
    _ sources: [SourceID], withClaimsIn statuses: [StatusFilter], of snapshot: LedgerSnapshot, config: LedgerConfig
  ) -> [SourceID] {
    let cache = SourceBlobCache(snapshot: snapshot, name: cacheName)
    var hasher = SHA256()
    hasher.update(JSONWriter.canonicalBytes(of: config.json))
    let common = hasher.finalize() + [version]
    var known: [SourceID: [UInt8]] = [:]
    var missing: [(source: SourceID, key: [UInt8])] = []
    for source in sources {
      let key = snapshot.fingerprint(of: source) + common
      if let entry = cache.entry(of: source, key: key), let parts = cache.readAll(entry), parts.count == 1 {
        known[source] = parts[0]
      } else {
        missing.append((source, key))
      }
    }
    // Sources not indexed yet are read a batch of record-cache files at a time, so that a cold
    // ledger of a million claims is never in memory whole and each cache file is written once.
    let keys = Dictionary(missing.map { ($0.source, $0.key) }) { first, _ in first }
    for batch in snapshot.recordCacheBatches(of: missing.map(\.source), size: 2_000) {
      // The desk's decisions change a claim's status; they are read here, not on the workers.
      var decisionsBySource: [SourceID: [ClaimID: ClaimDecision]] = [:]
      for source in batch { decisionsBySource[source] = snapshot.decisions(of: source) }
      let decisionsOfBatch = decisionsBySource
      let made = snapshot.mapRecords(of: batch) { source, records in
        let decisions = decisionsOfBatch[source] ?? [:]
        var bytes: [UInt8] = []
        bytes.reserveCapacity(2 * records.claims.count)
        for claim in records.claims {
          let status = ClaimStatus(
            claim: claim, reviews: records.reviews[claim.id] ?? [], config: config, decision: decisions[claim.id])
          bytes += Flags(claim: claim, status: status).bytes
        }
        return bytes
      }
      for (source, bytes) in zip(batch, made) {
        known[source] = bytes
        if let key = keys[source] { cache.store([bytes], for: source, key: key) }
      }
    }
    if !missing.isEmpty { cache.flush() }
    return sources.filter { source in
      Flags.decode(known[source] ?? []).contains { flags in statuses.contains { $0.matches(flags) } }
    }
  }
}

extension StatusFilter {
  /// Whether a claim with `flags` has this status: ``matches(_:)`` on the flags of its status,
  /// retired claims only for `.retired` (as `claims list` selects them).
  func matches(_ flags: StatusIndex.Flags) -> Bool {
    guard flags.contains(.retired) == (self == .retired) else { return false }
    // A live claim the desk dismissed has that status alone (as ``matches(_:)`` on its status).
    if self != .retired, flags.contains(.dismissed) { return self == .dismissed }
    switch self {
    case .unreviewed: return flags.contains(.checkable) && !flags.contains(.reviewed)
    case .reviewed: return flags.contains(.reviewed)
    case .uncited: return flags.contains(.checkable) && !flags.contains(.cited)
    case .disputed: return flags.contains(.disputed)
    case .flagged: return flags.contains(.flagged)
    case .verified: return flags.contains(.verified)
    case .stale: return flags.contains(.stale)
    case .dismissed: return false
    case .retired: return true
    // Found by ``ClaimFilter`` afterwards, with the matching index: every live claim may be one.
    case .matched: return true
    }
  }
}

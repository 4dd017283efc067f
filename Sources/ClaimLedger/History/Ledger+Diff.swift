public import ClaimModel
import Git

extension Ledger {
  /// The semantic difference between two revisions (`to` nil: the branch tip, which claims keeps
  /// equal to the work tree). Only the files that differ are read, so the cost follows the number
  /// of changes, not the size of the ledger.
  ///
  /// It compares the two states, not the way between them: a claim live in both with the same text
  /// is unchanged whatever happened in between, a claim live in neither is left out, and a claim
  /// that replaced others is reworded from those of them live in `from` (found through
  /// `supersedes`, as far back as it goes). Entries come in article order: by source, then ordinal,
  /// a claim retired at its old ordinal.
  public func diff(from: String, to: String?, sources: [SourceID] = []) throws(LedgerError) -> LedgerDiff {
    let before = try snapshot(at: from)
    let after: LedgerSnapshot
    if let to {
      after = try snapshot(at: to)
    } else {
      after = try snapshot()
    }
    let wanted = Set(sources)
    if !wanted.isEmpty {
      let known = Set(before.sourceIDs()).union(after.sourceIDs())
      if let unknown = sources.first(where: { !known.contains($0) }) {
        throw LedgerError(
          .notFound, "no source '\(unknown)' in either revision; \(Self.describe(sources: known.sorted()))")
      }
    }
    var diff = LedgerDiff(from: before.revision, to: after.revision)
    func isWanted(_ path: String) -> SourceID? {
      let parts = path.split(separator: "/")
      guard parts.count >= 3, let source = SourceID(String(parts[1])) else { return nil }
      return wanted.isEmpty || wanted.contains(source) ? source : nil
    }
    func changes(under directory: String) throws(LedgerError) -> [FileChange] {
      do {
        return try repository.changedFiles(
          from: before.treeID(ofDirectory: directory), to: after.treeID(ofDirectory: directory), prefix: directory)
      } catch {
        throw LedgerError(.git(error), "cannot compare the revisions: \(error.message)")
      }
    }
    let records = ClaimRecords(before: before, after: after)
    /// A changed file whose content on one side cannot be used: reported as such, never read as a removal.
    func unreadable(_ change: FileChange, source: SourceID, oldUsable: Bool, newUsable: Bool) -> Bool {
      let side: LedgerSnapshot
      if change.newID != nil, !newUsable {
        side = after
      } else if change.oldID != nil, !oldUsable {
        side = before
      } else {
        return false
      }
      let parts = change.path.split(separator: "/")
      let claim = parts.count >= 3 ? ClaimID(String(parts[2].prefix(ClaimID.length))) : nil
      let problem = side.problems.first { $0.path == change.path }?.problem ?? "cannot be read"
      diff.unreadable.append(
        .init(path: change.path, source: source, claim: claim, revision: side.revision, problem: problem))
      return true
    }

    var touched: [ClaimID: SourceID] = [:]
    var retired: [Claim] = []
    var predecessors: [ClaimID: [ClaimID]] = [:]
    var replacedBy: [ClaimID: [ClaimID]] = [:]
    for change in try changes(under: LedgerPaths.claims) {
      guard let source = isWanted(change.path) else { continue }
      let old = change.oldID.flatMap { before.objects.record(Claim.self, blob: $0, path: change.path) }
      let new = change.newID.flatMap { after.objects.record(Claim.self, blob: $0, path: change.path) }
      guard !unreadable(change, source: source, oldUsable: old != nil, newUsable: new != nil) else { continue }
      switch (old.flatMap { $0.isRetired ? nil : $0 }, new.flatMap { $0.isRetired ? nil : $0 }) {
      case (nil, nil):
        // Live in neither revision (made and retired in between, or retired all along): not a change.
        break
      case (let old?, nil):
        retired.append(old)
      case (nil, let new?):
        let ancestors = records.liveAncestors(of: new)
        predecessors[new.id] = ancestors
        for ancestor in ancestors { replacedBy[ancestor, default: []].append(new.id) }
        diff.claims.append(.init(claim: new, kind: ancestors.isEmpty ? .added : .reworded(from: ancestors)))
        touched[new.id] = source
      case (let old?, let new?):
        // The same claim with the same text is unchanged, whatever happened in between.
        if old.normalizedText != new.normalizedText {
          diff.claims.append(.init(claim: new, kind: .reworded(from: new.supersedes)))
        }
      }
    }
    for old in retired {
      diff.claims.append(.init(claim: old, kind: .retired, replacedBy: replacedBy[old.id] ?? []))
      touched[old.id] = old.source
    }

    for change in try changes(under: LedgerPaths.reviews) {
      guard let source = isWanted(change.path) else { continue }
      let old = change.oldID.flatMap { before.objects.record(Review.self, blob: $0, path: change.path) }
      let new = change.newID.flatMap { after.objects.record(Review.self, blob: $0, path: change.path) }
      guard !unreadable(change, source: source, oldUsable: old != nil, newUsable: new != nil), let any = new ?? old
      else { continue }
      // Reviews of a claim live in neither revision are no part of either state.
      guard records.isLive(any.claim, in: source, after: true) || records.isLive(any.claim, in: source, after: false)
      else { continue }
      diff.reviews.append(.init(claim: any.claim, source: source, reviewer: any.reviewer, before: old, after: new))
      touched[any.claim] = source
    }

    let config = after.config()
    func status(_ claim: ClaimID, in source: SourceID, after side: Bool) -> ClaimStatus? {
      let snapshot = side ? after : before
      guard let record = records.record(claim, in: source, after: side), !record.isRetired else { return nil }
      return ClaimStatus(claim: record, reviews: snapshot.reviews(ofClaim: claim, in: source), config: config)
    }
    for (claim, source) in touched.sorted(by: { $0.key < $1.key }) {
      let now = status(claim, in: source, after: true)
      var was = status(claim, in: source, after: false)
      if was == nil, now != nil {
        // A claim that replaced others takes over their disputes: compare with those.
        let earlier = (predecessors[claim] ?? []).compactMap { status($0, in: source, after: false) }
        was = earlier.first(where: \.isDisputed) ?? earlier.first
      }
      if let now {
        if (was?.isDisputed ?? false) != now.isDisputed {
          diff.disputes.append(.init(claim: claim, source: source, isDisputed: now.isDisputed, verdicts: now.verdicts))
        }
      } else if let was, was.isDisputed, replacedBy[claim] == nil {
        // Retired with no replacement to carry it: the dispute ends with the claim.
        diff.disputes.append(
          .init(claim: claim, source: source, isDisputed: false, verdicts: was.verdicts, byRetirement: true))
      }
    }

    var assignmentClaims: [ClaimID: SourceID] = [:]
    for change in try changes(under: LedgerPaths.assignments) {
      guard let source = isWanted(change.path), let claim = ClaimID(String(change.path.split(separator: "/")[2])) else {
        continue
      }
      assignmentClaims[claim] = source
    }
    for (claim, source) in assignmentClaims.sorted(by: { $0.key < $1.key }) {
      let was = before.assignment(ofClaim: claim, in: source)?.assignee
      let now = after.assignment(ofClaim: claim, in: source)?.assignee
      if was != now { diff.assignments.append(.init(claim: claim, source: source, before: was, after: now)) }
    }

    var decisionClaims: [ClaimID: SourceID] = [:]
    for change in try changes(under: LedgerPaths.decisions) {
      guard let source = isWanted(change.path), let claim = ClaimID(String(change.path.split(separator: "/")[2])) else {
        continue
      }
      decisionClaims[claim] = source
    }
    for (claim, source) in decisionClaims.sorted(by: { $0.key < $1.key }) {
      let was = before.decisions(of: source)[claim]
      let now = after.decisions(of: source)[claim]
      if was != now { diff.decisions.append(.init(claim: claim, source: source, before: was, after: now)) }
    }

    // Article order: by source, then ordinal (a claim live afterwards at its new one, a retired claim
    // at its old one, just before the claim that now has it).
    var keys: [ClaimID: (source: SourceID, ordinal: Int, tier: Int)] = [:]
    func note(_ claim: ClaimID, _ source: SourceID) {
      guard keys[claim] == nil else { return }
      if let now = records.record(claim, in: source, after: true), !now.isRetired {
        keys[claim] = (source, now.ordinal, 1)
      } else if let then = records.record(claim, in: source, after: false)
        ?? records.record(claim, in: source, after: true)
      {
        keys[claim] = (source, then.ordinal, 0)
      } else {
        keys[claim] = (source, Int.max, 2)
      }
    }
    for change in diff.claims { note(change.claim.id, change.claim.source) }
    for change in diff.reviews { note(change.claim, change.source) }
    for change in diff.disputes { note(change.claim, change.source) }
    for change in diff.assignments { note(change.claim, change.source) }
    for change in diff.decisions { note(change.claim, change.source) }
    for file in diff.unreadable { if let claim = file.claim { note(claim, file.source) } }
    let ranked = keys.sorted { lhs, rhs in
      let (left, right) = (lhs.value, rhs.value)
      if left.source != right.source { return left.source < right.source }
      if left.ordinal != right.ordinal { return left.ordinal < right.ordinal }
      if left.tier != right.tier { return left.tier < right.tier }
      return lhs.key < rhs.key
    }
    let order = Dictionary(uniqueKeysWithValues: ranked.enumerated().map { ($0.element.key, $0.offset) })
    diff.articleOrder = order
    func rank(_ claim: ClaimID?) -> Int { claim.flatMap { order[$0] } ?? Int.max }
    diff.claims.sort { rank($0.claim.id) < rank($1.claim.id) }
    for index in diff.claims.indices { diff.claims[index].replacedBy.sort { rank($0) < rank($1) } }
    diff.reviews.sort { (rank($0.claim), $0.reviewer.key) < (rank($1.claim), $1.reviewer.key) }
    diff.disputes.sort { rank($0.claim) < rank($1.claim) }
    diff.assignments.sort { rank($0.claim) < rank($1.claim) }
    diff.decisions.sort { rank($0.claim) < rank($1.claim) }
    diff.unreadable.sort { ($0.source, rank($0.claim), $0.path) < ($1.source, rank($1.claim), $1.path) }
    diff.problems = before.problems + after.problems
    return diff
  }
}

extension Ledger {
  /// `sources: a, b, c` for a message naming the sources there are (the first 20, and how many).
  public static func describe(sources: [SourceID]) -> String {
    guard !sources.isEmpty else { return "there are no sources yet" }
    let shown = sources.prefix(20).map(\.rawValue).joined(separator: ", ")
    return "sources: " + shown + (sources.count > 20 ? ", … (\(sources.count) in all; 'claims list' shows them)" : "")
  }
}

/// Claim records of the two revisions a diff compares, each read once.
private final class ClaimRecords {
  let before: LedgerSnapshot
  let after: LedgerSnapshot
  private var read: [Bool: [ClaimID: Claim?]] = [false: [:], true: [:]]

  init(before: LedgerSnapshot, after: LedgerSnapshot) {
    self.before = before
    self.after = after
  }

  func record(_ claim: ClaimID, in source: SourceID, after side: Bool) -> Claim? {
    if let known = read[side]?[claim] { return known }
    let record = (side ? after : before).claimRecord(claim, in: source)
    read[side, default: [:]][claim] = .some(record)
    return record
  }

  func isLive(_ claim: ClaimID, in source: SourceID, after side: Bool) -> Bool {
    record(claim, in: source, after: side).map { !$0.isRetired } ?? false
  }

  /// The claims live in the earlier revision that `claim` replaced, directly or through claims made
  /// and replaced in between.
  func liveAncestors(of claim: Claim) -> [ClaimID] {
    var found: [ClaimID] = []
    var seen: Set<ClaimID> = [claim.id]
    var queue = claim.supersedes
    while !queue.isEmpty {
      let id = queue.removeFirst()
      guard seen.insert(id).inserted else { continue }
      if isLive(id, in: claim.source, after: false) {
        found.append(id)
      } else if let record = record(id, in: claim.source, after: true) ?? record(id, in: claim.source, after: false) {
        queue += record.supersedes
      }
    }
    return found
  }
}

extension ObjectReader {
  /// Blob `id`, found at `path`, decoded as record type `R`; nil (reported) when unusable.
  func record<R: LedgerRecord>(_ type: R.Type, blob id: ObjectID, path: String) -> R? {
    let (directory, name) = LedgerSnapshot.split(path)
    return record(type, entry: TreeEntry(name: name, id: id, kind: .blob, fileMode: 0o100644), in: directory)
  }
}

extension LedgerSnapshot {
  /// The reviews of one claim, read from its own directory without loading the whole source.
  func reviews(ofClaim claim: ClaimID, in source: SourceID) -> [Review] {
    let directory = LedgerPaths.reviewDirectory(claim, in: source)
    return entries(ofDirectory: directory).compactMap { entry in
      guard let review = objects.record(Review.self, entry: entry, in: directory), review.claim == claim else {
        return nil
      }
      return review
    }.sorted { $0.reviewer.key < $1.reviewer.key }
  }

  /// One claim record, read from its own file.
  func claimRecord(_ claim: ClaimID, in source: SourceID) -> Claim? {
    guard let entry = entry(at: LedgerPaths.claim(claim, in: source)) else { return nil }
    return objects.record(Claim.self, entry: entry, in: LedgerPaths.claimDirectory(source))
  }

  /// The standing assignment of one claim, read from its own directory.
  func assignment(ofClaim claim: ClaimID, in source: SourceID) -> Assignment? {
    let directory = "\(LedgerPaths.assignments)/\(source)/\(claim)"
    return entries(ofDirectory: directory).compactMap { entry in
      objects.record(Assignment.self, entry: entry, in: directory)
    }.max { ($0.updated, $0.assignedBy.key) < ($1.updated, $1.assignedBy.key) }
  }
}

import ClaimModel
import Git

extension Ledger {
  /// Every commit reachable from `revision` (default: the branch tip), newest first, in the
  /// ledger's terms. Commits read before come from the history cache; only new ones are read.
  public func history(from revision: String? = nil) throws(LedgerError) -> [HistoryEntry] {
    let tip: ObjectID
    do {
      if let revision {
        tip = try repository.resolveCommit(revision)
      } else {
        guard let current = try branchTip().tip else { return [] }
        tip = current
      }
    } catch let error as GitError {
      throw LedgerError(.notFound, "unknown revision '\(revision?.escapedForMessage ?? "HEAD")': \(error.message)")
    } catch let error as LedgerError {
      throw error
    } catch {
      throw LedgerError(.unexpected, "cannot read the history: \(error)")
    }
    let cache = HistoryCache(cacheDirectory: "\(gitDirectory)/claims-cache/v2")
    var known = cache.load()
    var added: [HistoryEntry] = []
    var reachable: [HistoryEntry] = []
    var visited: Set<ObjectID> = []
    var pending = [tip]
    while let id = pending.popLast() {
      guard visited.insert(id).inserted else { continue }
      let entry: HistoryEntry
      if let cached = known[id] {
        entry = cached
      } else {
        do {
          entry = try readEntry(id)
        } catch {
          throw LedgerError(
            .git(error), "cannot read commit \(id.short): \(error.message); run 'git fsck' on the ledger")
        }
        known[id] = entry
        added.append(entry)
      }
      reachable.append(entry)
      for parent in entry.parents.reversed() {
        if let parentID = ObjectID(hex: parent) { pending.append(parentID) }
      }
    }
    cache.append(added)
    Trace.mark("history: \(reachable.count) commits, \(added.count) read from git")
    // Newest first; among equal times, a commit before its parents.
    let order = Dictionary(uniqueKeysWithValues: reachable.enumerated().map { ($0.element.commit, $0.offset) })
    return reachable.sorted { lhs, rhs in
      lhs.time != rhs.time ? lhs.time > rhs.time : (order[lhs.commit] ?? 0) < (order[rhs.commit] ?? 0)
    }
  }

  private func readEntry(_ id: ObjectID) throws(GitError) -> HistoryEntry {
    let commit = try repository.commit(id)
    return HistoryEntry.make(from: commit) {
      // Only the ledger's record directories matter, and a listing of one source's directory is enough
      // to name its claims: a bulk commit of a whole ledger must not be walked file by file.
      let parentTree = commit.parentIDs.first.flatMap { try? repository.commit($0).treeID }
      var paths: [String] = []
      for directory in [LedgerPaths.claims, LedgerPaths.reviews, LedgerPaths.assignments] {
        let old = parentTree.flatMap { try? repository.treeEntry(at: directory, inTree: $0) }?.id
        let new = (try? repository.treeEntry(at: directory, inTree: commit.treeID))?.id
        guard old != new else { continue }
        let changes =
          (try? repository.changedFiles(
            from: old, to: new, prefix: directory, limit: 4 * HistoryEntry.maximumListedClaims)) ?? []
        paths += changes.map(\.path)
      }
      return paths
    }
  }
}

extension Ledger {
  /// The whole story of `claim` in `entries` (newest first, as ``history(from:)`` gives them): the
  /// commits that concern it and, before the re-import that made it, those of the claims it
  /// supersedes and theirs in turn, each with the claim it was on. `snapshot` is where the records
  /// of the superseded claims are read (retired claims stay in the tree).
  public func story(of claim: Claim, in entries: [HistoryEntry], at snapshot: LedgerSnapshot) -> [(
    entry: HistoryEntry, claim: ClaimID
  )] {
    var on: [Int: ClaimID] = [:]
    var visited: Set<String> = []
    func visit(_ claim: Claim, olderThan cutoff: Int?) {
      guard visited.insert("\(claim.id)@\(cutoff ?? -1)").inserted else { return }
      let start = cutoff.map { $0 + 1 } ?? 0
      guard start < entries.count else { return }
      var end = entries.count - 1
      if !claim.supersedes.isEmpty, let creation = Self.creationIndex(of: claim, in: entries, olderThan: cutoff) {
        // Before the re-import that made it, the story is that of the claims it replaced (the import
        // of the article, in particular, made them, not this one).
        end = creation
        for old in claim.supersedes {
          if let record = snapshot.claimRecord(old, in: claim.source) { visit(record, olderThan: creation) }
        }
      }
      for index in start...end where on[index] == nil && entries[index].concerns(claim.id, of: claim.source) {
        on[index] = claim.id
      }
    }
    visit(claim, olderThan: nil)
    return on.keys.sorted().compactMap { index in on[index].map { (entries[index], $0) } }
  }
}

public import ClaimModel
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
    let cache = HistoryCache(directory: CacheDirectory(gitDirectory: gitDirectory))
    var known = cache.load()
    var added: [HistoryEntry] = []
    var reachable: [HistoryEntry] = []
    var visited: Set<ObjectID> = []
    var pending = [tip]
    // Commits the cache lacks are read through a handle of their own, replaced every
    // `commitsPerReader` commits and let go of at the end: each review commit has a new `Reviews/`
    // tree of every source (800 KB at 20,000 sources, 1.3 MB parsed), and one handle's object
    // cache kept 256 MB of them by its own count, half as much again in memory, all command long.
    var reader: Repository?
    while let id = pending.popLast() {
      guard visited.insert(id).inserted else { continue }
      let entry: HistoryEntry
      if let cached = known[id] {
        entry = cached
      } else {
        do {
          if reader == nil || added.count % Self.commitsPerReader == 0 {
            reader = (try? Repository(openingAt: gitDirectory)) ?? repository
          }
          entry = try readEntry(id, in: reader ?? repository)
        } catch {
          throw shallowHistoryError(error, doing: "read commit \(id.short)")
            ?? LedgerError(
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

  /// How many commits ``history(from:)`` reads through one repository handle: a few cached
  /// trees are read again with the next, and memory stays at a few dozen of them.
  static let commitsPerReader = 64

  private func readEntry(_ id: ObjectID, in repository: Repository) throws(GitError) -> HistoryEntry {
    let commit = try repository.commit(id)
    let parentTree = commit.parentIDs.first.flatMap { try? repository.commit($0).treeID }
    var changedPaths: [String]?
    var entry = HistoryEntry.make(from: commit) {
      // Only the ledger's record directories matter, and a listing of one source's directory is enough
      // to name its claims: a bulk commit of a whole ledger must not be walked file by file.
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
      changedPaths = paths
      return paths
    }
    guard commit.parentIDs.count <= 1 else { return entry }
    let authorSlug = entry.author.fileSlug
    /// The files under `path` (or `path` itself, a file) that the commit changed.
    func changed(_ path: String) -> [String] {
      let old = parentTree.flatMap { try? repository.treeEntry(at: path, inTree: $0) }
      let new = try? repository.treeEntry(at: path, inTree: commit.treeID)
      guard old?.id != new?.id else { return [] }
      guard old?.kind == .tree || new?.kind == .tree else { return [path] }
      let trees = (old?.kind == .tree ? old?.id : nil, new?.kind == .tree ? new?.id : nil)
      return ((try? repository.changedFiles(from: trees.0, to: trees.1, prefix: path, limit: 64)) ?? []).map(\.path)
    }
    func isForeign(_ path: String) -> Bool {
      guard path.hasPrefix(LedgerPaths.reviews + "/"), path.hasSuffix(".json") else { return false }
      let name = path.split(separator: "/").last.map { String($0.dropLast(5)) } ?? ""
      return name != authorSlug
    }
    switch entry.action {
    case .verdict, .cite, .uncite, .note, .withdraw, .withdrawVerdict:
      let paths = zip(entry.sources, entry.claims).flatMap { source, claim in
        changed(LedgerPaths.reviewDirectory(claim, in: source))
      }
      entry.recordsChanged = !paths.isEmpty
      entry.foreignEdits = paths.filter(isForeign)
    case .assign, .unassign:
      entry.recordsChanged = entry.sources.contains { !changed("\(LedgerPaths.assignments)/\($0)").isEmpty }
    case .import, .reimport:
      entry.recordsChanged = entry.sources.contains { source in
        !changed(LedgerPaths.seedText(source)).isEmpty || !changed(LedgerPaths.sourceRecord(source)).isEmpty
          || !changed(LedgerPaths.claimDirectory(source)).isEmpty
      }
    case .edit:
      entry.foreignEdits = (changedPaths ?? []).filter(isForeign)
    default:
      break
    }
    return entry
  }
}

extension Ledger {
  /// The whole story of `claim` in `entries` (newest first, as ``history(from:)`` gives them): the
  /// commits that concern it and, before the re-import that made it, those of the claims it
  /// supersedes and theirs in turn, each with the claim it was on. "Before" means not after in
  /// history: a commit on another machine's branch that reviewed an old claim while the re-import
  /// was made elsewhere belongs to the old claim's story (its review followed the replacement when
  /// the two met). `snapshot` is where the records of the superseded claims are read (retired
  /// claims stay in the tree).
  public func story(of claim: Claim, in entries: [HistoryEntry], at snapshot: LedgerSnapshot) -> [(
    entry: HistoryEntry, claim: ClaimID
  )] {
    let graph = HistoryGraph(entries)
    var on: [Int: ClaimID] = [:]
    var visited: Set<String> = []
    func visit(_ claim: Claim, excluding excluded: Set<Int>, key: Int) {
      guard visited.insert("\(claim.id)@\(key)").inserted else { return }
      var life: Set<Int>?
      if !claim.supersedes.isEmpty,
        let creation = Self.creationIndex(of: claim, in: entries, excluding: excluded)
      {
        // From the re-import that made it on, the story is this claim's; before it (the import of
        // the article, in particular), that of the claims it replaced.
        let after = graph.descendants(of: creation)
        for old in claim.supersedes {
          if let record = snapshot.claimRecord(old, in: claim.source) {
            visit(record, excluding: excluded.union(after), key: creation)
          }
        }
        life = after
      }
      for index in entries.indices where on[index] == nil && !excluded.contains(index) {
        if let life, !life.contains(index) { continue }
        if entries[index].concerns(claim.id, of: claim.source) { on[index] = claim.id }
      }
    }
    visit(claim, excluding: [], key: -1)
    return on.keys.sorted().compactMap { index in on[index].map { (entries[index], $0) } }
  }

  /// The index in `entries` (newest first) of the commit, among those not `excluded`, that made
  /// `claim` replace the claims it supersedes: the newest re-import naming it and one of them (a
  /// re-import names both the new claims and those they replace), else the newest commit doing so;
  /// nil when none does.
  static func creationIndex(of claim: Claim, in entries: [HistoryEntry], excluding excluded: Set<Int>) -> Int? {
    guard !claim.supersedes.isEmpty else { return nil }
    var naming: Int?
    for (index, entry) in entries.enumerated() where !excluded.contains(index) {
      guard entry.claims.contains(claim.id), entry.claims.contains(where: claim.supersedes.contains) else { continue }
      if entry.action == .reimport { return index }
      naming = naming ?? index
    }
    return naming
  }
}

/// The parent links of a list of history entries, to tell which commits came after one.
struct HistoryGraph {
  private var children: [Int: [Int]] = [:]

  init(_ entries: [HistoryEntry]) {
    var index: [String: Int] = [:]
    for (position, entry) in entries.enumerated() { index[entry.commit] = position }
    for (position, entry) in entries.enumerated() {
      for parent in entry.parents {
        if let parentIndex = index[parent] { children[parentIndex, default: []].append(position) }
      }
    }
  }

  /// Entry `index` and every entry whose commit has it as an ancestor.
  func descendants(of index: Int) -> Set<Int> {
    var found: Set<Int> = [index]
    var pending = [index]
    while let next = pending.popLast() {
      for child in children[next] ?? [] where found.insert(child).inserted { pending.append(child) }
    }
    return found
  }
}

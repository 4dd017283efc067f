public import ClaimModel
import Git

/// How a file changed differently on both sides of a merge was settled.
public struct MergeResolution: Sendable, Equatable {
  /// The side whose version was kept.
  public enum Side: String, Sendable {
    /// This ledger's version.
    case ours
    /// The remote's version.
    case theirs
  }

  /// The file's path in the ledger.
  public var path: String
  /// Whose version the merge holds.
  public var kept: Side
  /// When this ledger's version was made (the author time of the commit that made it).
  public var oursTime: Timestamp
  /// When the remote's version was made.
  public var theirsTime: Timestamp
  /// Whether the kept version is a removal of the file.
  public var keptRemoval: Bool

  /// One line for a commit trailer and for the terminal.
  public var summary: String {
    let kept = kept == .ours ? oursTime : theirsTime
    let other = self.kept == .ours ? theirsTime : oursTime
    let why = kept == other ? "same time, larger object id" : "later"
    return "\(path) kept \(self.kept.rawValue)\(keptRemoval ? " (removed)" : "") (\(kept.text), \(why))"
  }
}

/// Merges two commits file by file. Records are whole files, so a file changed on one side only
/// takes that side's version, and a file changed differently on both sides keeps the version made
/// by the later action: the newer author time of the commit that made it, then, on a tie, the
/// larger object id (a removal counting as the smallest). The rule looks only at the two sides, so
/// every clone that merges the same two commits gets the same tree.
///
/// Contents are never merged line by line: two halves of two reviews would make a review nobody
/// wrote.
struct ThreeWayMerge {
  let repository: Repository

  /// The merged tree of `ours` and `theirs`, built on `ours`'s tree, and the conflicts it settled.
  func merge(ours: ObjectID, theirs: ObjectID, base: ObjectID?) throws(GitError)
    -> (tree: ObjectID, resolutions: [MergeResolution])
  {
    let baseTree = try base.map { id throws(GitError) in try repository.commit(id).treeID }
    let oursTree = try repository.commit(ours).treeID
    let theirsTree = try repository.commit(theirs).treeID
    var ourChanges: [String: FileChange] = [:]
    for change in try repository.changedFiles(from: baseTree, to: oursTree) { ourChanges[change.path] = change }
    var edits: [TreeChange] = []
    var resolutions: [MergeResolution] = []
    for change in try repository.changedFiles(from: baseTree, to: theirsTree) {
      let theirEntry = try entry(at: change.path, in: theirsTree)
      guard let mine = ourChanges[change.path] else {
        edits.append(edit(change.path, to: theirEntry))
        continue
      }
      let myEntry = try entry(at: change.path, in: oursTree)
      if myEntry?.id == theirEntry?.id && myEntry?.fileMode == theirEntry?.fileMode { continue }
      let oursTime = try introduction(of: mine.newID, at: change.path, from: ours, above: base)
      let theirsTime = try introduction(of: change.newID, at: change.path, from: theirs, above: base)
      let theirsWins =
        (theirsTime, change.newID ?? .zero) > (oursTime, mine.newID ?? .zero)
      if theirsWins { edits.append(edit(change.path, to: theirEntry)) }
      resolutions.append(
        MergeResolution(
          path: change.path, kept: theirsWins ? .theirs : .ours, oursTime: Timestamp(secondsSince1970: oursTime),
          theirsTime: Timestamp(secondsSince1970: theirsTime),
          keptRemoval: (theirsWins ? change.newID : mine.newID) == nil))
    }
    let tree = edits.isEmpty ? oursTree : try repository.updatedTree(from: oursTree, applying: edits)
    return (tree, resolutions)
  }

  private func entry(at path: String, in tree: ObjectID) throws(GitError) -> TreeEntry? {
    guard let entry = try repository.treeEntry(at: path, inTree: tree), entry.kind != .tree else { return nil }
    return entry
  }

  private func edit(_ path: String, to entry: TreeEntry?) -> TreeChange {
    guard let entry else { return .remove(path: path) }
    return .place(path: path, id: entry.id, fileMode: entry.fileMode)
  }

  /// The author time of the newest commit between `base` and `tip` that gave `path` the value
  /// `value` (nil: removed it): one that holds it while none of its parents does. A value that
  /// came through a merge is thus dated by the action that made it, not by the merge.
  private func introduction(of value: ObjectID?, at path: String, from tip: ObjectID, above base: ObjectID?)
    throws(GitError) -> Int64
  {
    let walk = try RevisionWalk(repository)
    try walk.push(tip)
    if let base { try walk.hide(base) }
    while let id = try walk.next() {
      let commit = try repository.commit(id)
      guard try entry(at: path, in: commit.treeID)?.id == value else { continue }
      var introduced = true
      for parent in commit.parentIDs where try entry(at: path, in: repository.commit(parent).treeID)?.id == value {
        introduced = false
        break
      }
      if introduced { return commit.author.time }
    }
    return try repository.commit(tip).author.time
  }
}

internal import CLibGit2

/// A file that differs between two trees.
public struct FileChange: Equatable, Sendable {
  /// Its path from the root of the trees.
  public var path: String
  /// Its blob before, or nil when it was added.
  public var oldID: ObjectID?
  /// Its blob after, or nil when it was removed.
  public var newID: ObjectID?
}

extension Repository {
  /// The files that differ between two trees (nil: the empty tree), named from `prefix`.
  ///
  /// Subtrees with equal ids are skipped without being read, so the cost follows the number of
  /// changed paths, not the size of the trees. Symbolic links and submodules count as files.
  /// - Parameter limit: stop once this many changes are found (the result is then partial).
  public func changedFiles(from old: ObjectID?, to new: ObjectID?, prefix: String = "", limit: Int = .max)
    throws(GitError) -> [FileChange]
  {
    var changes: [FileChange] = []
    try collectChanges(from: old, to: new, path: prefix, depth: 0, limit: limit, into: &changes)
    return changes.sorted { $0.path < $1.path }
  }

  private func collectChanges(
    from old: ObjectID?, to new: ObjectID?, path: String, depth: Int, limit: Int, into changes: inout [FileChange]
  ) throws(GitError) {
    guard old != new, changes.count < limit else { return }
    // Each level is a stack frame and a longer path: a crafted tree thousands of levels deep
    // would crash the process, so the walk stops where no ledger reaches.
    guard depth < Self.maximumTreeDepth else { throw Self.tooDeepError(at: path) }
    let oldEntries = try old.map { id throws(GitError) in try treeEntries(id) } ?? []
    let newEntries = try new.map { id throws(GitError) in try treeEntries(id) } ?? []
    var oldByName: [String: TreeEntry] = [:]
    for entry in oldEntries { oldByName[entry.name] = entry }
    var seen: Set<String> = []
    for entry in newEntries {
      seen.insert(entry.name)
      let childPath = path.isEmpty ? entry.name : "\(path)/\(entry.name)"
      try compare(oldByName[entry.name], entry, path: childPath, depth: depth, limit: limit, into: &changes)
    }
    for entry in oldEntries where !seen.contains(entry.name) {
      let childPath = path.isEmpty ? entry.name : "\(path)/\(entry.name)"
      try compare(entry, nil, path: childPath, depth: depth, limit: limit, into: &changes)
    }
  }

  private func compare(
    _ old: TreeEntry?, _ new: TreeEntry?, path: String, depth: Int, limit: Int, into changes: inout [FileChange]
  ) throws(GitError) {
    if let old, let new, old.id == new.id, old.fileMode == new.fileMode { return }
    let oldTree = old?.kind == .tree ? old?.id : nil
    let newTree = new?.kind == .tree ? new?.id : nil
    if oldTree != nil || newTree != nil {
      try collectChanges(from: oldTree, to: newTree, path: path, depth: depth + 1, limit: limit, into: &changes)
    }
    let oldFile = old?.kind == .tree ? nil : old?.id
    let newFile = new?.kind == .tree ? nil : new?.id
    if oldFile != nil || newFile != nil, oldFile != newFile || old?.fileMode != new?.fileMode {
      changes.append(FileChange(path: path, oldID: oldFile, newID: newFile))
    }
  }

  /// Makes an annotated tag `name` on commit `target` (`git_tag_create`); an existing tag is never
  /// overwritten.
  /// - Throws: ``GitError`` `.exists` when the tag exists, `.invalidSpec` for a name git refuses.
  public func createTag(named name: String, on target: ObjectID, tagger: Signature, message: String)
    throws(GitError) -> ObjectID
  {
    var oid = target.oid
    var object: OpaquePointer?
    try check(git_object_lookup(&object, pointer, &oid, GIT_OBJECT_COMMIT), function: "git_object_lookup")
    defer { git_object_free(object) }
    var result = git_oid()
    _ = try tagger.withGitSignature { (signature) throws(GitError) in
      try check(git_tag_create(&result, pointer, name, object, signature, message, 0), function: "git_tag_create")
    }
    return ObjectID(result)
  }

  /// Whether `name` is a valid reference name (`git_reference_name_is_valid`).
  public static func isValidReferenceName(_ name: String) -> Bool {
    _ = libgit2Ready
    var valid: Int32 = 0
    return git_reference_name_is_valid(&valid, name) == 0 && valid == 1
  }
}

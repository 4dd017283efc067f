internal import CLibGit2

#if canImport(Glibc)
  import Glibc
#endif

/// One change to a tree, by full path from its root.
public enum TreeChange: Equatable, Sendable {
  /// Puts a regular file holding blob `id` at `path`, replacing what was there.
  case upsert(path: String, blob: ObjectID)
  /// Removes whatever is at `path`; nothing happens when nothing is.
  case remove(path: String)
  /// Puts an entry exactly as another tree holds it: a symbolic link, an executable file, a
  /// submodule (a merge keeps what the other side committed).
  case place(path: String, id: ObjectID, fileMode: UInt32)

  /// The path the change applies to.
  public var path: String {
    switch self {
    case .upsert(let path, _), .remove(let path), .place(let path, _, _): path
    }
  }
}

extension Repository {
  /// The tree made by applying `changes` to tree `base` (nil: the empty tree). Only the trees on
  /// the changed paths are written, so the cost follows the directories touched, not the size of
  /// the whole tree (`git_tree_create_updated`).
  public func updatedTree(from base: ObjectID?, applying changes: [TreeChange]) throws(GitError) -> ObjectID {
    var baseTree: OpaquePointer?
    if let base {
      var oid = base.oid
      try check(git_tree_lookup(&baseTree, pointer, &oid), function: "git_tree_lookup")
    }
    defer { git_tree_free(baseTree) }
    // libgit2 needs the paths alive as C strings for the whole call.
    let paths = changes.map { strdup($0.path) }
    defer { paths.forEach { free($0) } }
    var updates: [git_tree_update] = []
    updates.reserveCapacity(changes.count)
    for (index, change) in changes.enumerated() {
      var update = git_tree_update()
      update.path = UnsafePointer(paths[index])
      switch change {
      case .upsert(_, let blob):
        update.action = GIT_TREE_UPDATE_UPSERT
        update.id = blob.oid
        update.filemode = GIT_FILEMODE_BLOB
      case .remove:
        update.action = GIT_TREE_UPDATE_REMOVE
      case .place(_, let id, let fileMode):
        update.action = GIT_TREE_UPDATE_UPSERT
        update.id = id.oid
        update.filemode = git_filemode_t(fileMode)
      }
      updates.append(update)
    }
    var result = git_oid()
    if baseTree == nil && changes.isEmpty {
      return try emptyTree()
    }
    try check(
      git_tree_create_updated(&result, pointer, baseTree, updates.count, updates), function: "git_tree_create_updated")
    return ObjectID(result)
  }

  /// The id of the empty tree, written so that a commit can refer to it.
  public func emptyTree() throws(GitError) -> ObjectID {
    var builder: OpaquePointer?
    try check(git_treebuilder_new(&builder, pointer, nil), function: "git_treebuilder_new")
    defer { git_treebuilder_free(builder) }
    var oid = git_oid()
    try check(git_treebuilder_write(&oid, builder), function: "git_treebuilder_write")
    return ObjectID(oid)
  }

  /// Writes a commit object without moving any reference (`git_commit_create` with no ref name);
  /// the caller moves the branch with a compare-and-swap afterwards.
  public func createCommit(
    tree: ObjectID, parents: [ObjectID], author: Signature, committer: Signature, message: String
  ) throws(GitError) -> ObjectID {
    var treeOID = tree.oid
    var treeObject: OpaquePointer?
    try check(git_tree_lookup(&treeObject, pointer, &treeOID), function: "git_tree_lookup")
    defer { git_tree_free(treeObject) }
    var parentObjects: [OpaquePointer?] = []
    defer { parentObjects.forEach { git_commit_free($0) } }
    for parent in parents {
      var oid = parent.oid
      var commit: OpaquePointer?
      try check(git_commit_lookup(&commit, pointer, &oid), function: "git_commit_lookup")
      parentObjects.append(commit)
    }
    var result = git_oid()
    try author.withGitSignature { (authorSignature) throws(GitError) in
      try committer.withGitSignature { (committerSignature) throws(GitError) in
        let code = parentObjects.withUnsafeMutableBufferPointer { buffer in
          git_commit_create(
            &result, pointer, nil, authorSignature, committerSignature, "UTF-8", message, treeObject, buffer.count,
            buffer.baseAddress)
        }
        try check(code, function: "git_commit_create")
      }
    }
    return ObjectID(result)
  }
}

internal import CLibGit2

extension Repository {
  /// The best common ancestor of two commits, or nil when their histories share none
  /// (`git_merge_base`).
  public func mergeBase(_ one: ObjectID, _ other: ObjectID) throws(GitError) -> ObjectID? {
    var result = git_oid()
    var first = one.oid
    var second = other.oid
    let code = git_merge_base(&result, pointer, &first, &second)
    if code == GIT_ENOTFOUND.rawValue { return nil }
    try check(code, function: "git_merge_base")
    return ObjectID(result)
  }

  /// Whether `commit` has `ancestor` in its history; a commit is not its own descendant
  /// (`git_graph_descendant_of`).
  public func isDescendant(_ commit: ObjectID, of ancestor: ObjectID) throws(GitError) -> Bool {
    var commitID = commit.oid
    var ancestorID = ancestor.oid
    return try check(git_graph_descendant_of(pointer, &commitID, &ancestorID), function: "git_graph_descendant_of")
      == 1
  }
}

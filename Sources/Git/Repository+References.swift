internal import CLibGit2

/// Where HEAD points.
public enum HeadState: Equatable, Sendable {
  /// HEAD names a branch that has no commit yet.
  case unborn(branch: String)
  /// HEAD names a branch at a commit.
  case branch(String, ObjectID)
  /// HEAD holds a commit id directly.
  case detached(ObjectID)
}

extension Repository {
  /// Where HEAD points (`git_reference_lookup`, `git_reference_resolve`).
  public func headState() throws(GitError) -> HeadState {
    var head: OpaquePointer?
    try check(git_reference_lookup(&head, pointer, "HEAD"), function: "git_reference_lookup")
    defer { git_reference_free(head) }
    guard let head else { throw GitError(code: .notFound, message: "HEAD is missing") }
    if git_reference_type(head) == GIT_REFERENCE_SYMBOLIC {
      let branch = String(cString: git_reference_symbolic_target(head))
      guard let id = try referenceTarget(named: branch) else { return .unborn(branch: branch) }
      return .branch(branch, id)
    }
    guard let target = git_reference_target(head) else { throw GitError(code: .invalid, message: "HEAD has no target") }
    return .detached(ObjectID(target))
  }

  /// The commit a reference resolves to, or nil when there is no such reference
  /// (`git_reference_name_to_id`).
  public func referenceTarget(named name: String) throws(GitError) -> ObjectID? {
    var oid = git_oid()
    let result = git_reference_name_to_id(&oid, pointer, name)
    if result == GIT_ENOTFOUND.rawValue { return nil }
    try check(result, function: "git_reference_name_to_id")
    return ObjectID(oid)
  }

  /// Moves reference `name` to `target` only if it still points at `expected` (nil: only if it does
  /// not exist yet). The comparison happens under the reference's lock, so two writers can never
  /// both succeed from the same starting point (`git_reference_create_matching`).
  /// - Throws: ``GitError`` `.modified` when the reference moved meanwhile, `.locked` when another
  ///   writer holds its lock, `.exists` when it was expected absent but exists.
  public func updateReference(
    named name: String, to target: ObjectID, expecting expected: ObjectID?, logMessage: String
  ) throws(GitError) {
    var reference: OpaquePointer?
    var newID = target.oid
    var oldID = (expected ?? .zero).oid
    try check(
      git_reference_create_matching(&reference, pointer, name, &newID, 1, &oldID, logMessage),
      function: "git_reference_create_matching")
    git_reference_free(reference)
  }

  /// Deletes reference `name` if it exists (`git_reference_remove`).
  public func deleteReference(named name: String) throws(GitError) {
    let result = git_reference_remove(pointer, name)
    if result == GIT_ENOTFOUND.rawValue { return }
    try check(result, function: "git_reference_remove")
  }

  /// Points HEAD at branch `name` (`refs/heads/…`), which need not exist yet
  /// (`git_repository_set_head`).
  public func setHead(toBranch name: String) throws(GitError) {
    try check(git_repository_set_head(pointer, name), function: "git_repository_set_head")
  }

  /// The names of every reference starting with `prefix` (`git_reference_foreach_glob`).
  public func referenceNames(matching glob: String) throws(GitError) -> [String] {
    final class Collector {
      var names: [String] = []
    }
    let collector = Collector()
    let result = git_reference_foreach_glob(
      pointer, glob,
      { name, payload in
        guard let name, let payload else { return 0 }
        Unmanaged<Collector>.fromOpaque(payload).takeUnretainedValue().names.append(String(cString: name))
        return 0
      }, Unmanaged.passUnretained(collector).toOpaque())
    try check(result, function: "git_reference_foreach_glob")
    return collector.names.sorted()
  }

  /// The commit a revision names: `HEAD~3`, a branch, a tag, a full or abbreviated id
  /// (`git_revparse_single`, peeled to a commit).
  /// - Throws: ``GitError`` `.notFound` for an unknown revision, `.ambiguous` for an ambiguous one,
  ///   `.invalidSpec` for a malformed one.
  public func resolveCommit(_ revision: String) throws(GitError) -> ObjectID {
    var object: OpaquePointer?
    try check(git_revparse_single(&object, pointer, revision), function: "git_revparse_single")
    defer { git_object_free(object) }
    var commit: OpaquePointer?
    try check(git_object_peel(&commit, object, GIT_OBJECT_COMMIT), function: "git_object_peel")
    defer { git_object_free(commit) }
    guard let commit else { throw GitError(code: .notFound, message: "'\(revision)' is not a commit") }
    return ObjectID(git_object_id(commit))
  }
}

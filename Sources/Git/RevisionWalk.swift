internal import CLibGit2

/// Walks commits from the ones pushed back through their ancestors (`git_revwalk`).
///
/// Not a `Sequence`: a failed step is an error to report, not the end of history.
public final class RevisionWalk {
  let pointer: OpaquePointer
  /// The walk reads from this repository, so it must outlive the walk.
  public let repository: Repository

  /// The order commits come out in.
  public struct Order: OptionSet, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    /// Parents never before children.
    public static let topological = Order(rawValue: GIT_SORT_TOPOLOGICAL.rawValue)
    /// Newest commit time first.
    public static let time = Order(rawValue: GIT_SORT_TIME.rawValue)
    /// Reversed.
    public static let reverse = Order(rawValue: GIT_SORT_REVERSE.rawValue)
  }

  /// A new walk over `repository` (`git_revwalk_new`).
  public init(_ repository: Repository, order: Order = [.topological, .time]) throws(GitError) {
    var pointer: OpaquePointer?
    try check(git_revwalk_new(&pointer, repository.pointer), function: "git_revwalk_new")
    guard let pointer else { throw GitError(code: .invalid, message: "no revision walk") }
    self.pointer = pointer
    self.repository = repository
    try check(git_revwalk_sorting(pointer, order.rawValue), function: "git_revwalk_sorting")
  }

  deinit {
    git_revwalk_free(pointer)
  }

  /// Starts the walk at `id` (`git_revwalk_push`).
  public func push(_ id: ObjectID) throws(GitError) {
    var oid = id.oid
    try check(git_revwalk_push(pointer, &oid), function: "git_revwalk_push")
  }

  /// Leaves out `id` and its ancestors (`git_revwalk_hide`).
  public func hide(_ id: ObjectID) throws(GitError) {
    var oid = id.oid
    try check(git_revwalk_hide(pointer, &oid), function: "git_revwalk_hide")
  }

  /// Follows only first parents, as `git log --first-parent` does (`git_revwalk_simplify_first_parent`).
  public func followFirstParentOnly() throws(GitError) {
    try check(git_revwalk_simplify_first_parent(pointer), function: "git_revwalk_simplify_first_parent")
  }

  /// The next commit, or nil when the walk is over (`git_revwalk_next`).
  public func next() throws(GitError) -> ObjectID? {
    var oid = git_oid()
    let result = git_revwalk_next(&oid, pointer)
    if result == GIT_ITEROVER.rawValue { return nil }
    try check(result, function: "git_revwalk_next")
    return ObjectID(oid)
  }
}

@available(*, unavailable)
extension RevisionWalk: Sendable {}

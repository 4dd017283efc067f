internal import CLibGit2

extension Repository {
  /// Copies the repository at `url` (a URL or a path) into a new repository at `path`, with a remote
  /// `origin` and its default branch as HEAD, but nothing checked out yet (`git_clone` with a
  /// checkout of none): the caller configures the clone, then calls ``checkOutHead()``. With
  /// `isBare`, the copy has no work tree at all.
  /// - Throws: ``GitError`` `.exists` when `path` is not empty, `.authentication`, `.certificate`,
  ///   `.notFound` and others when the remote cannot be read.
  public static func clone(from url: String, to path: String, isBare: Bool = false, callbacks: RemoteCallbacks)
    throws(GitError) -> Repository
  {
    _ = libgit2Ready
    var options = git_clone_options()
    try check(git_clone_options_init(&options, UInt32(GIT_CLONE_OPTIONS_VERSION)), function: "git_clone_options_init")
    options.checkout_opts.checkout_strategy = GIT_CHECKOUT_NONE.rawValue
    options.bare = isBare ? 1 : 0
    callbacks.install(into: &options.fetch_opts.callbacks)
    var pointer: OpaquePointer?
    defer { withExtendedLifetime(callbacks) {} }
    try check(git_clone(&pointer, url, path, &options), function: "git_clone")
    guard let pointer else { throw GitError(code: .notFound, message: "no repository cloned at \(path)") }
    return Repository(pointer: pointer)
  }

  /// Writes every file of HEAD's tree into the work tree and the index, replacing whatever is there
  /// (`git_checkout_head` with `GIT_CHECKOUT_FORCE`); for a fresh clone only.
  /// - Throws: ``GitError`` `.tooDeep`, before anything is written, for a tree nested deeper than
  ///   ``maximumTreeDepth`` (libgit2 would spend a path per level, hundreds of megabytes).
  public func checkOutHead() throws(GitError) {
    try requireTreeDepth(of: try commit(try resolveCommit("HEAD")).treeID)
    var options = git_checkout_options()
    try check(
      git_checkout_options_init(&options, UInt32(GIT_CHECKOUT_OPTIONS_VERSION)), function: "git_checkout_options_init")
    options.checkout_strategy = GIT_CHECKOUT_FORCE.rawValue
    try check(git_checkout_head(pointer, &options), function: "git_checkout_head")
  }
}

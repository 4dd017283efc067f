internal import CLibGit2

/// A remote repository to fetch from and push to (`git_remote`): one configured by name, or an
/// anonymous one for a URL or path.
public final class Remote {
  let pointer: OpaquePointer
  /// The remote is read through this repository, so it must outlive the remote.
  public let repository: Repository

  /// The remote configured as `name` (`git_remote_lookup`).
  /// - Throws: ``GitError`` `.notFound` when no remote has that name, `.invalidSpec` for a bad name.
  public init(named name: String, in repository: Repository) throws(GitError) {
    var pointer: OpaquePointer?
    try check(git_remote_lookup(&pointer, repository.pointer, name), function: "git_remote_lookup")
    guard let pointer else { throw GitError(code: .notFound, message: "no remote \(name)") }
    self.pointer = pointer
    self.repository = repository
  }

  /// A remote for `url` (a URL or a path) that is not in the configuration
  /// (`git_remote_create_anonymous`).
  public init(url: String, in repository: Repository) throws(GitError) {
    var pointer: OpaquePointer?
    try check(git_remote_create_anonymous(&pointer, repository.pointer, url), function: "git_remote_create_anonymous")
    guard let pointer else { throw GitError(code: .invalid, message: "no remote for \(url)") }
    self.pointer = pointer
    self.repository = repository
  }

  deinit {
    git_remote_free(pointer)
  }

  /// The remote's name, or nil for an anonymous remote.
  public var name: String? { git_remote_name(pointer).map { String(cString: $0) } }

  /// The URL fetched from.
  public var url: String { git_remote_url(pointer).map { String(cString: $0) } ?? "" }

  /// Downloads what `refspecs` name (empty: the configured refspecs) and updates the references
  /// they map to (`git_remote_fetch`). FETCH_HEAD is left alone.
  public func fetch(refspecs: [String], callbacks: RemoteCallbacks, reflogMessage: String) throws(GitError) {
    var options = git_fetch_options()
    try check(git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION)), function: "git_fetch_options_init")
    options.update_fetchhead = 0
    callbacks.install(into: &options.callbacks)
    defer { withExtendedLifetime(callbacks) {} }
    if refspecs.isEmpty {
      try check(git_remote_fetch(pointer, nil, &options, reflogMessage), function: "git_remote_fetch")
    } else {
      try withStringArray(refspecs) { (array) throws(GitError) -> Void in
        try check(git_remote_fetch(pointer, array, &options, reflogMessage), function: "git_remote_fetch")
      }
    }
  }

  /// The references the remote advertised when last connected, by name (`git_remote_ls`).
  public func advertisedReferences() throws(GitError) -> [String: ObjectID] {
    var heads: UnsafeMutablePointer<UnsafePointer<git_remote_head>?>?
    var count = 0
    try check(git_remote_ls(&heads, &count, pointer), function: "git_remote_ls")
    var references: [String: ObjectID] = [:]
    guard let heads else { return references }
    for index in 0..<count {
      guard let head = heads[index], let name = head.pointee.name else { continue }
      references[String(cString: name)] = ObjectID(head.pointee.oid)
    }
    return references
  }

  /// Sends what `refspecs` name (`git_remote_push`). A reference the remote refuses is reported in
  /// the result, with the remote's reason, rather than thrown.
  /// - Throws: ``GitError`` `.nonFastForward` when the remote's branch has commits this repository
  ///   lacks, `.authentication` and others when the push cannot be made at all.
  /// - Returns: the rejected references and why.
  public func push(refspecs: [String], callbacks: RemoteCallbacks) throws(GitError) -> [String: String] {
    var options = git_push_options()
    try check(git_push_options_init(&options, UInt32(GIT_PUSH_OPTIONS_VERSION)), function: "git_push_options_init")
    callbacks.install(into: &options.callbacks)
    defer { withExtendedLifetime(callbacks) {} }
    try withStringArray(refspecs) { (array) throws(GitError) -> Void in
      try check(git_remote_push(pointer, array, &options), function: "git_remote_push")
    }
    return callbacks.pushRejections
  }
}

@available(*, unavailable)
extension Remote: Sendable {}

extension Repository {
  /// The names of the configured remotes, sorted (`git_remote_list`).
  public func remoteNames() throws(GitError) -> [String] {
    var array = git_strarray()
    try check(git_remote_list(&array, pointer), function: "git_remote_list")
    defer { git_strarray_dispose(&array) }
    var names: [String] = []
    for index in 0..<array.count {
      if let name = array.strings[index] { names.append(String(cString: name)) }
    }
    return names.sorted()
  }

  /// Adds a remote `name` fetching from `url` with git's default refspec (`git_remote_create`).
  public func addRemote(named name: String, url: String) throws(GitError) {
    var remote: OpaquePointer?
    try check(git_remote_create(&remote, pointer, name, url), function: "git_remote_create")
    git_remote_free(remote)
  }
}

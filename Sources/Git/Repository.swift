internal import CLibGit2

/// An open git repository (`git_repository`).
public final class Repository {
  let pointer: OpaquePointer
  /// The object database, opened on first use and kept: reading thousands of blobs must not open
  /// it thousands of times.
  private var objectDatabase: OpaquePointer?

  /// Opens the repository whose work tree or git directory is exactly `path` (no search upwards).
  /// - Throws: ``GitError`` with code `.notFound` when `path` is not a repository
  ///   (`git_repository_open_ext`).
  public init(openingAt path: String) throws(GitError) {
    _ = libgit2Ready
    var pointer: OpaquePointer?
    try check(
      git_repository_open_ext(&pointer, path, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil),
      function: "git_repository_open_ext")
    guard let pointer else { throw GitError(code: .notFound, message: "no repository at \(path)") }
    self.pointer = pointer
  }

  init(pointer: OpaquePointer) {
    self.pointer = pointer
  }

  /// Makes a new repository at `path`, or re-initialises an existing one harmlessly
  /// (`git_repository_init_ext`). A new repository's HEAD names `initialBranch`.
  public static func create(at path: String, isBare: Bool = false, initialBranch: String = "main") throws(GitError)
    -> Repository
  {
    _ = libgit2Ready
    var options = git_repository_init_options()
    try check(
      git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)),
      function: "git_repository_init_options_init")
    options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue
    if isBare { options.flags |= GIT_REPOSITORY_INIT_BARE.rawValue }
    var pointer: OpaquePointer?
    let result = initialBranch.withCString { branch in
      options.initial_head = branch
      return git_repository_init_ext(&pointer, path, &options)
    }
    try check(result, function: "git_repository_init_ext")
    guard let pointer else { throw GitError(code: .notFound, message: "no repository at \(path)") }
    return Repository(pointer: pointer)
  }

  /// The git directory (`.git/` of a work tree, or a bare repository itself) of the repository
  /// that contains `path`, searching upwards (`git_repository_discover`), with a trailing slash;
  /// nil when no repository contains it. Not the top of the work tree: open the repository for that.
  public static func discoverGitDirectory(from path: String) throws(GitError) -> String? {
    _ = libgit2Ready
    var buffer = git_buf()
    defer { git_buf_dispose(&buffer) }
    let result = git_repository_discover(&buffer, path, 0, nil)
    if result == GIT_ENOTFOUND.rawValue { return nil }
    try check(result, function: "git_repository_discover")
    return buffer.ptr.map { String(cString: $0) }
  }

  deinit {
    if let objectDatabase { git_odb_free(objectDatabase) }
    git_repository_free(pointer)
  }

  /// The repository's object database (`git_repository_odb`), kept open.
  func odb() throws(GitError) -> OpaquePointer {
    if let objectDatabase { return objectDatabase }
    var odb: OpaquePointer?
    try check(git_repository_odb(&odb, pointer), function: "git_repository_odb")
    guard let odb else { throw GitError(code: .notFound, message: "no object database") }
    objectDatabase = odb
    return odb
  }

  /// The top of the work tree, with a trailing `/`; nil for a bare repository.
  public var workingDirectory: String? {
    git_repository_workdir(pointer).map { String(cString: $0) }
  }

  /// The git directory (`.git/` or the bare repository), with a trailing `/`.
  public var gitDirectory: String {
    String(cString: git_repository_path(pointer))
  }

  /// Whether the repository has no work tree.
  public var isBare: Bool { git_repository_is_bare(pointer) == 1 }
}

@available(*, unavailable)
extension Repository: Sendable {}

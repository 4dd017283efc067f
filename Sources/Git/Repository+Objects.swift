internal import CLibGit2

/// A commit's contents, copied out of libgit2.
public struct Commit: Equatable, Sendable {
  public var id: ObjectID
  public var treeID: ObjectID
  public var parentIDs: [ObjectID]
  public var author: Signature
  public var committer: Signature
  /// The full message, encoded as UTF-8 (invalid bytes replaced).
  public var message: String
}

/// What a tree entry holds.
public enum EntryKind: Equatable, Sendable {
  case blob, tree, commit, other
}

/// One name in a tree.
public struct TreeEntry: Equatable, Sendable {
  public var name: String
  public var id: ObjectID
  public var kind: EntryKind
  /// The raw file mode: `0o100644`, `0o100755`, `0o120000` (symbolic link), `0o040000` (tree), …
  public var fileMode: UInt32

  /// Whether the entry is a symbolic link rather than a file.
  public var isSymbolicLink: Bool { fileMode == 0o120000 }

  public init(name: String, id: ObjectID, kind: EntryKind, fileMode: UInt32) {
    self.name = name
    self.id = id
    self.kind = kind
    self.fileMode = fileMode
  }

  init(_ entry: OpaquePointer) {
    name = String(cString: git_tree_entry_name(entry))
    id = ObjectID(git_tree_entry_id(entry))
    switch git_tree_entry_type(entry) {
    case GIT_OBJECT_BLOB: kind = .blob
    case GIT_OBJECT_TREE: kind = .tree
    case GIT_OBJECT_COMMIT: kind = .commit
    default: kind = .other
    }
    fileMode = git_tree_entry_filemode_raw(entry).rawValue
  }
}

extension Repository {
  /// Reads a commit (`git_commit_lookup`).
  public func commit(_ id: ObjectID) throws(GitError) -> Commit {
    var oid = id.oid
    var commit: OpaquePointer?
    try check(git_commit_lookup(&commit, pointer, &oid), function: "git_commit_lookup")
    defer { git_commit_free(commit) }
    guard let commit else { throw GitError(code: .notFound, message: "no commit \(id)") }
    var parents: [ObjectID] = []
    for index in 0..<git_commit_parentcount(commit) {
      if let parent = git_commit_parent_id(commit, index) { parents.append(ObjectID(parent)) }
    }
    let raw = git_commit_message_raw(commit).map { String(cString: $0) } ?? ""
    return Commit(
      id: id, treeID: ObjectID(git_commit_tree_id(commit)), parentIDs: parents,
      author: Signature(git_commit_author(commit)), committer: Signature(git_commit_committer(commit)), message: raw)
  }

  /// The entries of a tree, in git's order (`git_tree_lookup`).
  public func treeEntries(_ id: ObjectID) throws(GitError) -> [TreeEntry] {
    var oid = id.oid
    var tree: OpaquePointer?
    try check(git_tree_lookup(&tree, pointer, &oid), function: "git_tree_lookup")
    defer { git_tree_free(tree) }
    guard let tree else { throw GitError(code: .notFound, message: "no tree \(id)") }
    let count = git_tree_entrycount(tree)
    var entries: [TreeEntry] = []
    entries.reserveCapacity(count)
    for index in 0..<count {
      if let entry = git_tree_entry_byindex(tree, index) { entries.append(TreeEntry(entry)) }
    }
    return entries
  }

  /// The entry at a slash-separated `path` below a tree, or nil (`git_tree_entry_bypath`).
  public func treeEntry(at path: String, inTree treeID: ObjectID) throws(GitError) -> TreeEntry? {
    var oid = treeID.oid
    var tree: OpaquePointer?
    try check(git_tree_lookup(&tree, pointer, &oid), function: "git_tree_lookup")
    defer { git_tree_free(tree) }
    var entry: OpaquePointer?
    let result = git_tree_entry_bypath(&entry, tree, path)
    if result == GIT_ENOTFOUND.rawValue { return nil }
    try check(result, function: "git_tree_entry_bypath")
    defer { git_tree_entry_free(entry) }
    guard let entry else { return nil }
    return TreeEntry(entry)
  }

  /// The entry called `name` in tree `treeID` (no path: one level), or nil
  /// (`git_tree_entry_byname`, a binary search in the tree libgit2 keeps in its cache).
  public func treeEntry(named name: String, inTree treeID: ObjectID) throws(GitError) -> TreeEntry? {
    var oid = treeID.oid
    var tree: OpaquePointer?
    try check(git_tree_lookup(&tree, pointer, &oid), function: "git_tree_lookup")
    defer { git_tree_free(tree) }
    guard let entry = git_tree_entry_byname(tree, name) else { return nil }
    return TreeEntry(entry)
  }

  /// The bytes of a blob (`git_blob_lookup`).
  public func blobContent(_ id: ObjectID) throws(GitError) -> [UInt8] {
    var oid = id.oid
    var blob: OpaquePointer?
    try check(git_blob_lookup(&blob, pointer, &oid), function: "git_blob_lookup")
    defer { git_blob_free(blob) }
    guard let blob, let raw = git_blob_rawcontent(blob) else { return [] }
    let size = Int(git_blob_rawsize(blob))
    return Array(UnsafeRawBufferPointer(start: raw, count: size))
  }

  /// The size of a blob in bytes, without reading it whole (`git_odb_read_header`).
  public func blobSize(_ id: ObjectID) throws(GitError) -> Int {
    var oid = id.oid
    var size = 0
    var type = GIT_OBJECT_ANY
    try check(git_odb_read_header(&size, &type, try odb(), &oid), function: "git_odb_read_header")
    return size
  }

  /// The bytes of a blob, or nil when it is larger than `limit` bytes (`git_odb_read`).
  ///
  /// The size is checked once the object is read: asking for the header first would unpack every
  /// packed object twice, which doubled the cost of reading a ledger. A huge file thus passes
  /// through memory once, and is dropped without being copied or parsed.
  public func blobContent(_ id: ObjectID, limit: Int) throws(GitError) -> [UInt8]? {
    var oid = id.oid
    var object: OpaquePointer?
    try check(git_odb_read(&object, try odb(), &oid), function: "git_odb_read")
    defer { git_odb_object_free(object) }
    guard let object else { return [] }
    let size = git_odb_object_size(object)
    guard size <= limit else { return nil }
    guard let data = git_odb_object_data(object) else { return [] }
    return Array(UnsafeRawBufferPointer(start: data, count: size))
  }

  /// Stores bytes as a blob (`git_blob_create_from_buffer`).
  public func writeBlob(_ bytes: [UInt8]) throws(GitError) -> ObjectID {
    var oid = git_oid()
    let result = bytes.withUnsafeBytes { raw in git_blob_create_from_buffer(&oid, pointer, raw.baseAddress, raw.count) }
    try check(result, function: "git_blob_create_from_buffer")
    return ObjectID(oid)
  }

  /// The id `bytes` would have as a blob, without storing it (`git_odb_hash`).
  public static func blobID(of bytes: [UInt8]) throws(GitError) -> ObjectID {
    _ = libgit2Ready
    var oid = git_oid()
    let result = bytes.withUnsafeBytes { raw in git_odb_hash(&oid, raw.baseAddress, raw.count, GIT_OBJECT_BLOB) }
    try check(result, function: "git_odb_hash")
    return ObjectID(oid)
  }

  /// Whether the object database holds `id` (`git_odb_exists`).
  public func containsObject(_ id: ObjectID) throws(GitError) -> Bool {
    var oid = id.oid
    return git_odb_exists(try odb(), &oid) == 1
  }
}

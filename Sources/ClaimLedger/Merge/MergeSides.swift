import ClaimModel
import Git

/// The three commits of a merge (the common ancestor, this ledger's tip and the remote's), and how
/// to read files and their history out of them.
final class MergeSides {
  /// One of the three trees.
  enum Side {
    case base, ours, theirs
  }

  let repository: Repository
  let base: ObjectID?
  let ours: ObjectID
  let theirs: ObjectID
  let baseTree: ObjectID?
  let oursTree: ObjectID
  let theirsTree: ObjectID
  /// The tree the merge is building, once the plain file merges are applied (set by the merge).
  var mergedTree: ObjectID?

  init(repository: Repository, base: ObjectID?, ours: ObjectID, theirs: ObjectID) throws(GitError) {
    self.repository = repository
    self.base = base
    self.ours = ours
    self.theirs = theirs
    baseTree = try base.map { id throws(GitError) in try repository.commit(id).treeID }
    oursTree = try repository.commit(ours).treeID
    theirsTree = try repository.commit(theirs).treeID
  }

  func tree(_ side: Side) -> ObjectID? {
    switch side {
    case .base: baseTree
    case .ours: oursTree
    case .theirs: theirsTree
    }
  }

  /// The file (not directory) at `path` in `tree`, or nil.
  func fileEntry(at path: String, inTree tree: ObjectID?) throws(GitError) -> TreeEntry? {
    guard let tree, let entry = try repository.treeEntry(at: path, inTree: tree), entry.kind != .tree else {
      return nil
    }
    return entry
  }

  func fileEntry(at path: String, in side: Side) throws(GitError) -> TreeEntry? {
    try fileEntry(at: path, inTree: tree(side))
  }

  /// The record at `path` on `side`: nil when there is no file; `.unreadable` when it cannot be read.
  func record<R: LedgerRecord>(_ type: R.Type, at path: String, in side: Side) throws(GitError) -> RecordRead<R> {
    guard let entry = try fileEntry(at: path, in: side) else { return .absent }
    return try record(type, blob: entry)
  }

  func record<R: LedgerRecord>(_ type: R.Type, blob entry: TreeEntry) throws(GitError) -> RecordRead<R> {
    guard !entry.isSymbolicLink,
      let bytes = try repository.blobContent(entry.id, limit: ObjectReader.maximumRecordSize)
    else { return .unreadable }
    guard let record = try? R(decoding: bytes) else { return .unreadable }
    return .read(record, formatVersion: Self.formatVersion(of: bytes))
  }

  /// The `format_version` a record's bytes declare (1 when it cannot be told).
  static func formatVersion(of bytes: [UInt8]) -> Int {
    guard case .object(let members)? = try? JSONParser.parse(bytes),
      case .integer(let version)? = members["format_version"]
    else { return 1 }
    return version
  }

  /// The commit, and its author time, of the newest commit between `base` and the tip of `side`
  /// that gave `path` the value `value` (nil: removed it): one that holds it while none of its
  /// parents does. A value that came through a merge is thus dated by the action that made it.
  func introduction(of value: ObjectID?, at path: String, on side: Side) throws(GitError) -> (
    commit: ObjectID, time: Int64
  ) {
    let tip = side == .theirs ? theirs : ours
    let walk = try RevisionWalk(repository)
    try walk.push(tip)
    if let base { try walk.hide(base) }
    while let id = try walk.next() {
      let commit = try repository.commit(id)
      guard try fileEntry(at: path, inTree: commit.treeID)?.id == value else { continue }
      var introduced = true
      for parent in commit.parentIDs
      where try fileEntry(at: path, inTree: repository.commit(parent).treeID)?.id == value {
        introduced = false
        break
      }
      if introduced { return (id, commit.author.time) }
    }
    return (tip, try repository.commit(tip).author.time)
  }
}

/// A record read from one side of a merge.
enum RecordRead<R: LedgerRecord> {
  /// No file at the path.
  case absent
  /// A file that is not a readable record of the type.
  case unreadable
  case read(R, formatVersion: Int)

  var record: R? {
    if case .read(let record, _) = self { return record }
    return nil
  }
}

extension MergeSides {
  /// Every readable claim record of `source` in `tree` (files that cannot be read are left to
  /// `claims check`).
  func claims(of source: SourceID, inTree tree: ObjectID?) throws(GitError) -> [Claim] {
    guard let tree,
      let directory = try repository.treeEntry(at: LedgerPaths.claimDirectory(source), inTree: tree),
      directory.kind == .tree
    else { return [] }
    var claims: [Claim] = []
    for entry in try repository.treeEntries(directory.id) where entry.kind == .blob {
      if let claim = try record(Claim.self, blob: entry).record, claim.source == source { claims.append(claim) }
    }
    return claims.sorted { ($0.ordinal, $0.id) < ($1.ordinal, $1.id) }
  }

  /// The readable review files of one claim in `tree`, by path.
  func reviewFiles(of claim: ClaimID, in source: SourceID, inTree tree: ObjectID?) throws(GitError) -> [(
    path: String, review: Review
  )] {
    let directoryPath = LedgerPaths.reviewDirectory(claim, in: source)
    guard let tree, let directory = try repository.treeEntry(at: directoryPath, inTree: tree),
      directory.kind == .tree
    else { return [] }
    var files: [(String, Review)] = []
    for entry in try repository.treeEntries(directory.id) where entry.kind == .blob {
      if let review = try record(Review.self, blob: entry).record, review.claim == claim {
        files.append(("\(directoryPath)/\(entry.name)", review))
      }
    }
    return files
  }

  /// Writes `record` as a blob and returns the tree edit that places it at `path`.
  func place(_ record: some LedgerRecord, at path: String) throws(GitError) -> TreeChange {
    .upsert(path: path, blob: try repository.writeBlob(record.encoded()))
  }
}

/// What a path of the ledger holds, as far as merging is concerned.
enum LedgerPathRole: Equatable {
  case review(SourceID, ClaimID)
  /// `Links/<source>/<claim>/<linker>.json`: merged by the union of its events.
  case link(SourceID, ClaimID)
  /// `Decisions/<source>/<claim>/<editor>.json`: merged by the union of its events.
  case decision(SourceID, ClaimID)
  case claim(SourceID, ClaimID)
  case seedText(SourceID)
  case sourceRecord(SourceID)
  case assignment(SourceID)
  case config
  /// Anything else: a file someone committed beside the ledger's records.
  case other

  init(_ path: String) {
    let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    switch (parts.first, parts.count) {
    case ("Reviews", 4):
      if let source = SourceID(parts[1]), let claim = ClaimID(parts[2]), parts[3].hasSuffix(".json") {
        self = .review(source, claim)
        return
      }
    case ("Links", 4):
      if let source = SourceID(parts[1]), let claim = ClaimID(parts[2]), parts[3].hasSuffix(".json") {
        self = .link(source, claim)
        return
      }
    case (LedgerPaths.decisions, 4):
      if let source = SourceID(parts[1]), let claim = ClaimID(parts[2]), parts[3].hasSuffix(".json") {
        self = .decision(source, claim)
        return
      }
    case ("Claims", 3):
      if let source = SourceID(parts[1]), parts[2].hasSuffix(".json"), let claim = ClaimID(String(parts[2].dropLast(5)))
      {
        self = .claim(source, claim)
        return
      }
    case ("Assignments", 4):
      if let source = SourceID(parts[1]) {
        self = .assignment(source)
        return
      }
    case ("seeds", 2):
      if parts[1].hasSuffix(".txt"), let source = SourceID(String(parts[1].dropLast(4))) {
        self = .seedText(source)
        return
      }
      if parts[1].hasSuffix(".json"), let source = SourceID(String(parts[1].dropLast(5))) {
        self = .sourceRecord(source)
        return
      }
    case (LedgerPaths.config, 1):
      self = .config
      return
    default:
      break
    }
    self = .other
  }

  /// The source the path belongs to, if any.
  var source: SourceID? {
    switch self {
    case .review(let source, _), .claim(let source, _), .seedText(let source), .sourceRecord(let source),
      .assignment(let source):
      source
    // Links and decisions merge by their events alone and never follow a source's text.
    case .link, .decision, .config, .other: nil
    }
  }
}

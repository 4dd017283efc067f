public import ClaimModel
import Git

/// The ledger as it stands in one commit, read straight from git objects: nothing is checked out,
/// so any revision can be read (`--at REV`), and a file someone broke is reported, never trusted.
///
/// Reads are lazy and cached per source; every malformed or unsafe file met on the way is added to
/// ``problems`` once, and left out of the results.
public final class LedgerSnapshot {
  /// Records larger than this are refused unread: a claim or review is a few hundred bytes, and a
  /// crafted 100 MB file must not be loaded into memory.
  public static let maximumRecordSize = 1 << 20

  let repository: Repository
  /// The commit read, or nil for a ledger with no commit yet.
  let commitID: ObjectID?
  /// The commit's root tree.
  let rootTreeID: ObjectID?

  /// The id of the commit read, as 40 hexadecimal digits; nil before the first commit.
  public var revision: String? { commitID?.hex }

  /// Files that could not be used, in the order they were met.
  public private(set) var problems: [LedgerProblem] = []
  private var problemPaths: Set<String> = []
  private var directoryCache: [String: [TreeEntry]] = [:]
  private var claimCache: [SourceID: [Claim]] = [:]
  private var reviewCache: [SourceID: [ClaimID: [Review]]] = [:]
  private var assignmentCache: [SourceID: [ClaimID: Assignment]] = [:]
  private var cachedConfig: LedgerConfig?

  init(repository: Repository, commitID: ObjectID?) throws(GitError) {
    self.repository = repository
    self.commitID = commitID
    rootTreeID = try commitID.map { id throws(GitError) in try repository.commit(id).treeID }
  }

  // MARK: Problems

  func report(_ path: String, _ problem: String, remedy: String = "fix or remove the file, then commit") {
    guard problemPaths.insert(path).inserted else { return }
    problems.append(LedgerProblem(path: path, problem: problem, remedy: remedy))
  }

  // MARK: Raw tree access

  /// The entries of the directory at `path` ("" for the root); empty when it does not exist.
  func entries(ofDirectory path: String) -> [TreeEntry] {
    if let cached = directoryCache[path] { return cached }
    var result: [TreeEntry] = []
    do {
      if let rootTreeID {
        if path.isEmpty {
          result = try repository.treeEntries(rootTreeID)
        } else if let entry = try repository.treeEntry(at: path, inTree: rootTreeID) {
          if entry.kind == .tree {
            result = try repository.treeEntries(entry.id)
          } else {
            report(path, "is a file where a directory belongs", remedy: "remove it, then commit")
          }
        }
      }
    } catch {
      report(path, "cannot be read from git: \(error.message)", remedy: "run 'git fsck' on the ledger")
    }
    directoryCache[path] = result
    return result
  }

  /// The bytes of the file `entry` found in `directory`, or nil (reported) when it is a link,
  /// a directory, too large, or unreadable.
  func fileBytes(_ entry: TreeEntry, in directory: String, limit: Int = maximumRecordSize) -> [UInt8]? {
    let path = directory.isEmpty ? entry.name : "\(directory)/\(entry.name)"
    guard !entry.isSymbolicLink else {
      report(
        path, "is a symbolic link, which the ledger never follows",
        remedy: "replace it with a plain file or remove it, then commit")
      return nil
    }
    guard entry.kind == .blob else {
      report(path, "is a directory where a file belongs", remedy: "remove it, then commit")
      return nil
    }
    do {
      let size = try repository.blobSize(entry.id)
      guard size <= limit else {
        report(path, "is \(size) bytes, more than the \(limit) a ledger file may hold")
        return nil
      }
      return try repository.blobContent(entry.id)
    } catch {
      report(path, "cannot be read from git: \(error.message)", remedy: "run 'git fsck' on the ledger")
      return nil
    }
  }

  /// The file at `path`, decoded as record type `R`; nil (reported) when absent-but-broken.
  func record<R: LedgerRecord>(_ type: R.Type, entry: TreeEntry, in directory: String) -> R? {
    guard let bytes = fileBytes(entry, in: directory) else { return nil }
    let path = "\(directory)/\(entry.name)"
    do {
      return try R(decoding: bytes)
    } catch {
      report(path, error.problem)
      return nil
    }
  }

  /// The entry at `path`, or nil.
  func entry(at path: String) -> TreeEntry? {
    let (directory, name) = Self.split(path)
    return entries(ofDirectory: directory).first { $0.name == name }
  }

  static func split(_ path: String) -> (directory: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return ("", path) }
    return (String(path[..<slash]), String(path[path.index(after: slash)...]))
  }

  // MARK: Config and sources

  /// The ledger's settings; the defaults when `ledger.json` is missing or broken (reported).
  public func config() -> LedgerConfig {
    if let cachedConfig { return cachedConfig }
    var config = LedgerConfig()
    if let entry = entry(at: LedgerPaths.config), let read = record(LedgerConfig.self, entry: entry, in: "") {
      config = read
    }
    cachedConfig = config
    return config
  }

  /// Whether the commit holds a `ledger.json`: whether it is a claims ledger at all.
  public var hasConfig: Bool { entry(at: LedgerPaths.config) != nil }

  /// The ids of every source that has claims, sorted.
  public func sourceIDs() -> [SourceID] {
    var ids: [SourceID] = []
    for entry in entries(ofDirectory: LedgerPaths.claims) {
      guard let id = SourceID(entry.name) else {
        report(
          "\(LedgerPaths.claims)/\(entry.name)", "is not named like a source id",
          remedy: "rename or remove it, then commit")
        continue
      }
      guard entry.kind == .tree else {
        report(
          "\(LedgerPaths.claims)/\(entry.name)", "is a file where a source directory belongs",
          remedy: "remove it, then commit")
        continue
      }
      ids.append(id)
    }
    return ids.sorted()
  }

  /// The source record of `source`, or nil.
  public func sourceRecord(_ source: SourceID) -> SourceRecord? {
    let (directory, name) = Self.split(LedgerPaths.sourceRecord(source))
    guard let entry = entries(ofDirectory: directory).first(where: { $0.name == name }) else { return nil }
    return record(SourceRecord.self, entry: entry, in: directory)
  }

  /// The imported text of `source`, or nil.
  public func seedText(_ source: SourceID, limit: Int = 256 << 20) -> String? {
    let (directory, name) = Self.split(LedgerPaths.seedText(source))
    guard let entry = entries(ofDirectory: directory).first(where: { $0.name == name }),
      let bytes = fileBytes(entry, in: directory, limit: limit)
    else { return nil }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      report(LedgerPaths.seedText(source), "is not valid UTF-8")
      return nil
    }
    return text
  }

  // MARK: Claims

  /// Every claim of `source`, retired ones included, by ordinal.
  public func claims(of source: SourceID) -> [Claim] {
    if let cached = claimCache[source] { return cached }
    let directory = LedgerPaths.claimDirectory(source)
    var claims: [Claim] = []
    for entry in entries(ofDirectory: directory) {
      let path = "\(directory)/\(entry.name)"
      guard let id = LedgerPaths.claimID(fromFileName: entry.name) else {
        report(path, "is not named <claim-id>.json", remedy: "rename or remove it, then commit")
        continue
      }
      guard let claim = record(Claim.self, entry: entry, in: directory) else { continue }
      guard claim.id == id, claim.source == source else {
        report(path, "holds claim \(claim.source):\(claim.id), which does not match its file name")
        continue
      }
      claims.append(claim)
    }
    claims.sort { ($0.ordinal, $0.id) < ($1.ordinal, $1.id) }
    claimCache[source] = claims
    return claims
  }

  /// Every claim of every source, sources in order, each by ordinal.
  public func allClaims() -> [Claim] {
    sourceIDs().flatMap { claims(of: $0) }
  }

  /// Where every claim id lives, read from directory listings alone (no record is opened).
  public func claimLocations() -> [(id: ClaimID, source: SourceID)] {
    var locations: [(id: ClaimID, source: SourceID)] = []
    for source in sourceIDs() {
      for entry in entries(ofDirectory: LedgerPaths.claimDirectory(source)) {
        if let id = LedgerPaths.claimID(fromFileName: entry.name) { locations.append((id, source)) }
      }
    }
    return locations
  }

  /// The claim `id` of `source`, or nil.
  public func claim(_ id: ClaimID, in source: SourceID) -> Claim? {
    claims(of: source).first { $0.id == id }
  }

  // MARK: Reviews and assignments

  /// The reviews of every claim of `source`, by claim, each list sorted by reviewer.
  public func reviews(of source: SourceID) -> [ClaimID: [Review]] {
    if let cached = reviewCache[source] { return cached }
    var result: [ClaimID: [Review]] = [:]
    let sourceDirectory = LedgerPaths.reviewSourceDirectory(source)
    for claimEntry in entries(ofDirectory: sourceDirectory) {
      let claimDirectory = "\(sourceDirectory)/\(claimEntry.name)"
      guard let claimID = ClaimID(claimEntry.name), claimEntry.kind == .tree else {
        report(claimDirectory, "is not a directory named after a claim id", remedy: "rename or remove it, then commit")
        continue
      }
      var reviews: [Review] = []
      for entry in entries(ofDirectory: claimDirectory) {
        let path = "\(claimDirectory)/\(entry.name)"
        guard let review = record(Review.self, entry: entry, in: claimDirectory) else { continue }
        guard review.claim == claimID, review.source == source,
          entry.name == "\(review.reviewer.fileSlug).json"
        else {
          report(path, "holds a review whose claim, source or reviewer does not match its path")
          continue
        }
        reviews.append(review)
      }
      if !reviews.isEmpty {
        result[claimID] = reviews.sorted { $0.reviewer.key < $1.reviewer.key }
      }
    }
    reviewCache[source] = result
    return result
  }

  /// The reviews of one claim, sorted by reviewer.
  public func reviews(of claim: Claim) -> [Review] {
    reviews(of: claim.source)[claim.id] ?? []
  }

  /// The standing assignment of every claim of `source`: per claim, the latest any editor made.
  public func assignments(of source: SourceID) -> [ClaimID: Assignment] {
    if let cached = assignmentCache[source] { return cached }
    var result: [ClaimID: Assignment] = [:]
    let sourceDirectory = "\(LedgerPaths.assignments)/\(source)"
    for claimEntry in entries(ofDirectory: sourceDirectory) {
      let claimDirectory = "\(sourceDirectory)/\(claimEntry.name)"
      guard let claimID = ClaimID(claimEntry.name), claimEntry.kind == .tree else {
        report(claimDirectory, "is not a directory named after a claim id", remedy: "rename or remove it, then commit")
        continue
      }
      for entry in entries(ofDirectory: claimDirectory) {
        guard let assignment = record(Assignment.self, entry: entry, in: claimDirectory) else { continue }
        guard assignment.claim == claimID, assignment.source == source,
          entry.name == "\(assignment.assignedBy.fileSlug).json"
        else {
          report(
            "\(claimDirectory)/\(entry.name)",
            "holds an assignment whose claim, source or editor does not match its path")
          continue
        }
        if let current = result[claimID],
          (current.updated, current.assignedBy.key) > (assignment.updated, assignment.assignedBy.key)
        {
          continue
        }
        result[claimID] = assignment
      }
    }
    assignmentCache[source] = result
    return result
  }
}

@available(*, unavailable)
extension LedgerSnapshot: Sendable {}

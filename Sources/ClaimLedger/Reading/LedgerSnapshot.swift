public import ClaimModel
import Dispatch
import Git
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// The ledger as it stands in one commit, read straight from git objects: nothing is checked out,
/// so any revision can be read (`--at REV`), and a file someone broke is reported, never trusted.
///
/// Reads are lazy and per source; a source's records come from the cache when its trees are
/// unchanged. Every malformed or unsafe file met on the way is added to ``problems`` once, and
/// left out of the results.
public final class LedgerSnapshot {
  let repository: Repository
  let objects: ObjectReader
  /// The commit read, or nil for a ledger with no commit yet.
  let commitID: ObjectID?
  /// The commit's root tree.
  let rootTreeID: ObjectID?
  private let gitDirectory: String
  private let cache: SourceCache
  /// Where the ledger's caches live.
  let cacheDirectory: CacheDirectory

  private var directoryCache: [String: Directory] = [:]
  private var recordCache: [SourceID: SourceRecords] = [:]
  /// The desk's decisions, by source, read once (``decisions(of:)``).
  var decisionCache: [SourceID: [ClaimID: ClaimDecision]] = [:]
  private var cachedConfig: LedgerConfig?
  private var cachedPeople: PeopleMap?
  /// Seeds whose text matches their source record, as scalars, for checking claims against them.
  var seedScalars: [SourceID: [Unicode.Scalar]?] = [:]

  init(repository: Repository, commitID: ObjectID?, gitDirectory: String) throws(GitError) {
    self.repository = repository
    self.objects = ObjectReader(repository: repository)
    self.commitID = commitID
    self.gitDirectory = gitDirectory
    self.cacheDirectory = CacheDirectory(gitDirectory: gitDirectory)
    self.cache = SourceCache(directory: cacheDirectory)
    rootTreeID = try commitID.map { id throws(GitError) in try repository.commit(id).treeID }
  }

  /// The id of the commit read, as 40 hexadecimal digits; nil before the first commit.
  public var revision: String? { commitID?.hex }

  /// Files that could not be used, in the order they were met.
  public var problems: [LedgerProblem] { objects.problems }

  func report(
    _ kind: LedgerProblem.Kind, _ path: String, _ problem: String,
    remedy: String = "fix or remove the file, then commit"
  ) {
    objects.report(kind, path, problem, remedy: remedy)
  }

  // MARK: Trees

  /// A directory of the commit. Its entries are listed on first use; until then a name is looked
  /// up in git's tree itself (a binary search), so that finding one source among 20,000 does not
  /// copy out 20,000 entries.
  final class Directory {
    /// The tree, or nil for a directory that does not exist.
    let treeID: ObjectID?
    private let path: String
    private let objects: ObjectReader?
    private var listed: [TreeEntry]?
    private var index: [String: Int]?

    init(treeID: ObjectID?, path: String, objects: ObjectReader?) {
      self.treeID = treeID
      self.path = path
      self.objects = objects
    }

    /// Every entry, in git's order; empty (reported) when the tree cannot be read.
    var entries: [TreeEntry] {
      if let listed { return listed }
      let read = treeID.flatMap { id in objects?.entries(ofTree: id, at: path) } ?? []
      listed = read
      return read
    }

    func entry(named name: String) -> TreeEntry? {
      if listed == nil, let treeID, let objects {
        switch objects.lookUp(name, inTree: treeID) {
        case .found(let entry): return entry
        case .absent: return nil
        case .unreadable: break  // listing the tree reports why
        }
      }
      return find(name)
    }

    private func find(_ name: String) -> TreeEntry? {
      let entries = self.entries
      if entries.count < 16 { return entries.first { $0.name == name } }
      if index == nil {
        var built: [String: Int] = [:]
        built.reserveCapacity(entries.count)
        for (position, entry) in entries.enumerated() { built[entry.name] = position }
        index = built
      }
      return index?[name].map { entries[$0] }
    }
  }

  /// The directory at `path` ("" for the root), kept once found; empty when it does not exist.
  func directory(_ path: String) -> Directory {
    if let cached = directoryCache[path] { return cached }
    var result = Directory(treeID: nil, path: path, objects: nil)
    if path.isEmpty {
      if let rootTreeID { result = Directory(treeID: rootTreeID, path: path, objects: objects) }
    } else {
      let (parent, name) = Self.split(path)
      if let entry = directory(parent).entry(named: name) {
        if entry.kind == .tree {
          result = Directory(treeID: entry.id, path: path, objects: objects)
        } else {
          report(.unsafeEntry, path, "is a file where a directory belongs", remedy: "remove it, then commit")
        }
      }
    }
    directoryCache[path] = result
    return result
  }

  /// The entries of the directory at `path`.
  func entries(ofDirectory path: String) -> [TreeEntry] {
    directory(path).entries
  }

  /// The tree id of the directory at `path`, or nil when there is none.
  func treeID(ofDirectory path: String) -> ObjectID? {
    if path.isEmpty { return rootTreeID }
    let (parent, name) = Self.split(path)
    guard let entry = directory(parent).entry(named: name), entry.kind == .tree else { return nil }
    return entry.id
  }

  /// The entry at `path`, or nil.
  func entry(at path: String) -> TreeEntry? {
    let (parent, name) = Self.split(path)
    return directory(parent).entry(named: name)
  }

  static func split(_ path: String) -> (directory: String, name: String) {
    // On the UTF-8 bytes: `/` is one byte, and splitting into characters, then searching the
    // UTF-8 view, showed in profiles. Both sides of an ASCII slash are valid UTF-8 themselves.
    var text = path
    return text.withUTF8 { bytes in
      guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return ("", path) }
      return (
        String(decoding: UnsafeBufferPointer(rebasing: bytes[..<slash]), as: UTF8.self),
        String(decoding: UnsafeBufferPointer(rebasing: bytes[(slash + 1)...]), as: UTF8.self)
      )
    }
  }

  // MARK: Config and sources

  /// Who is who: the `.mailmap` at the ledger's top, empty when there is none (or it cannot be read).
  public var people: PeopleMap {
    if let cachedPeople { return cachedPeople }
    var people = PeopleMap()
    if let entry = entry(at: LedgerPaths.mailmap), let bytes = objects.fileBytes(entry, in: ""),
      let text = String(validating: bytes, as: UTF8.self)
    {
      people = PeopleMap(parsing: text)
    }
    cachedPeople = people
    return people
  }

  /// The ledger's settings; the defaults when `ledger.json` is missing or broken (reported).
  public func config() -> LedgerConfig {
    if let cachedConfig { return cachedConfig }
    var config = LedgerConfig()
    if let entry = entry(at: LedgerPaths.config), let read = objects.record(LedgerConfig.self, entry: entry, in: "") {
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
      let path = "\(LedgerPaths.claims)/\(entry.name)"
      guard let id = SourceID(entry.name) else {
        report(.misplaced, path, "is not named like a source id", remedy: "rename or remove it, then commit")
        continue
      }
      guard entry.kind == .tree else {
        report(.unsafeEntry, path, "is a file where a source directory belongs", remedy: "remove it, then commit")
        continue
      }
      ids.append(id)
    }
    return ids.sorted()
  }

  /// The source record of `source`, or nil.
  public func sourceRecord(_ source: SourceID) -> SourceRecord? {
    guard let entry = entry(at: LedgerPaths.sourceRecord(source)) else { return nil }
    return objects.record(SourceRecord.self, entry: entry, in: LedgerPaths.seeds)
  }

  /// Imported texts (`seeds/<source>.txt`) larger than this are not loaded, and never written.
  public static let maximumSeedSize = 256 << 20

  /// The imported text of `source`, or nil.
  public func seedText(_ source: SourceID, limit: Int = maximumSeedSize) -> String? {
    guard let entry = entry(at: LedgerPaths.seedText(source)),
      let bytes = objects.fileBytes(entry, in: LedgerPaths.seeds, limit: limit)
    else { return nil }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      report(.malformed, LedgerPaths.seedText(source), "is not valid UTF-8")
      return nil
    }
    return text
  }

  /// The web page `source` was taken from (`seeds/<source>.html`), as received, or nil.
  public func seedPage(_ source: SourceID, limit: Int = 256 << 20) -> [UInt8]? {
    guard let entry = entry(at: LedgerPaths.seedPage(source)) else { return nil }
    return objects.fileBytes(entry, in: LedgerPaths.seeds, limit: limit)
  }

  // MARK: Records

  func key(of source: SourceID) -> SourceKey {
    SourceKey(
      claims: treeID(ofDirectory: LedgerPaths.claimDirectory(source)),
      reviews: treeID(ofDirectory: LedgerPaths.reviewSourceDirectory(source)),
      assignments: treeID(ofDirectory: "\(LedgerPaths.assignments)/\(source)"))
  }

  /// Bytes that change whenever anything of `source` that a command reads changes: the ids of its
  /// `Claims/`, `Reviews/`, `Assignments/` and `Decisions/` trees and of its source record. Unchanged sources
  /// keep their fingerprint, so values derived from a source can be cached under it.
  public func fingerprint(of source: SourceID) -> [UInt8] {
    // Straight from the top-level directories: no path to build and split for each source.
    let name = source.rawValue
    let trees = [LedgerPaths.claims, LedgerPaths.reviews, LedgerPaths.assignments].map { top in
      directory(top).entry(named: name).flatMap { $0.kind == .tree ? $0.id : nil }
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(126)
    // The `.mailmap` too: it decides whose reviews are one person's.
    let people = directory("").entry(named: LedgerPaths.mailmap)?.id
    var ids = trees + [directory(LedgerPaths.seeds).entry(named: name + ".json")?.id, people]
    // The desk's decisions, only when the source has any: ledgers without them keep their keys.
    if let decisions = directory(LedgerPaths.decisions).entry(named: name), decisions.kind == .tree {
      ids.append(decisions.id)
    }
    for id in ids {
      if let id {
        bytes.append(1)
        bytes.append(contentsOf: id.bytes)
      } else {
        bytes.append(0)
      }
    }
    return bytes
  }

  /// Everything about one source's claims: from memory, the cache, or git.
  public func records(of source: SourceID) -> SourceRecords {
    if let cached = recordCache[source] { return cached }
    let key = key(of: source)
    let records: SourceRecords
    if let cached = cache.read(source, key: key) {
      records = cached
    } else {
      records = SourceReader(objects: ObjectReader(repository: repository)).read(source, key: key)
      cache.store(source, key: key, records: records)
      cache.flush()
    }
    objects.merge(records.problems)
    let named = records.naming(people: people)
    recordCache[source] = named
    return named
  }

  /// Loads the records of many sources at once, reading those the cache lacks from git on every
  /// core (each thread with its own repository handle, as libgit2 requires).
  public func loadRecords(of sources: [SourceID]) {
    let missing = sources.filter { recordCache[$0] == nil }
    guard !missing.isEmpty else { return }
    let loaded = mapRecords(of: missing) { _, records in records }
    for (source, records) in zip(missing, loaded) { recordCache[source] = records }
  }

  /// Fewer sources than this are read and mapped on the calling thread alone.
  static let parallelReadMinimum = 32

  /// Reads the records of each of `sources` (from memory, the cache, or git) and hands them to
  /// `transform` on the thread that read them, on every core; returns the results in the order of
  /// `sources`. The records themselves are not kept, so a caller that reduces each source to
  /// something small never holds the whole ledger in memory. Sources read from git are cached.
  ///
  /// With `flushingCache` false, records read from git stay in memory for the cache until
  /// ``flushRecordCache()``: a caller that maps a large ledger in batches writes each cache file
  /// once, not once per batch.
  public func mapRecords<Result: Sendable>(
    of sources: [SourceID], flushingCache: Bool = true,
    _ transform: @escaping @Sendable (SourceID, SourceRecords) -> Result
  ) -> [Result] {
    let people = self.people
    let transform: @Sendable (SourceID, SourceRecords) -> Result = { source, records in
      transform(source, records.naming(people: people))
    }
    var work: [RecordWork] = []
    work.reserveCapacity(sources.count)
    var gitReads = 0
    for source in sources {
      if let records = recordCache[source] {
        work.append(RecordWork(source: source, key: nil, origin: .memory(records)))
        continue
      }
      let key = key(of: source)
      if let payload = cache.payload(of: source, key: key) {
        work.append(RecordWork(source: source, key: key, origin: .cache(payload)))
      } else {
        work.append(RecordWork(source: source, key: key, origin: .git))
        gitReads += 1
      }
    }
    // A few sources are read on this thread: opening a repository per thread costs more than it
    // saves there. (The crash inside libgit2 once blamed on worker threads was the claim index
    // unmapping a stale file twice; see `ClaimIndex.Storage`.)
    let workers = work.count < Self.parallelReadMinimum ? 1 : min(max(1, System.activeProcessorCount), work.count, 8)
    if gitReads > 0 { Trace.mark("reading \(gitReads) of \(work.count) sources from git on \(workers) threads") }
    let results = Mutex<[Int: RecordWorkResult<Result>]>([:])
    let gitDirectory = self.gitDirectory
    let items = work
    if workers > 1 {
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        var repository: Repository?
        var local: [Int: RecordWorkResult<Result>] = [:]
        for position in stride(from: worker, to: items.count, by: workers) {
          // An item that needs git when the repository will not open is left to the calling thread.
          local[position] = items[position].run(transform) {
            if repository == nil { repository = try? Repository(openingAt: gitDirectory) }
            return repository
          }
        }
        results.withLock { $0.merge(local) { first, _ in first } }
      }
    }
    var done = results.withLock { $0 }
    var output: [Result] = []
    output.reserveCapacity(items.count)
    for (position, item) in items.enumerated() {
      // Done here when there is one worker, or when a worker could not open the repository.
      guard let result = done.removeValue(forKey: position) ?? item.run(transform, repository: { self.repository })
      else { continue }
      if let key = item.key, let encoded = result.encoded { cache.store(item.source, key: key, payload: encoded) }
      objects.merge(result.problems)
      output.append(result.value)
    }
    Trace.mark("records of \(items.count) sources read and mapped")
    if flushingCache {
      cache.flush()
      if gitReads > 0 { Trace.mark("record cache written") }
    }
    return output
  }

  /// `sources` in batches of about `size` that each cover whole files of the record cache, for
  /// a caller that reads a large ledger in any order: each batch, mapped with the cache flushed,
  /// writes each cache file once, and no more than a batch is held in memory.
  public func recordCacheBatches(of sources: [SourceID], size: Int) -> [[SourceID]] {
    Self.batches(of: sources, size: size, shard: SourceCache.shard(of:))
  }

  /// `items` in batches of whole shards (as `shard` numbers them), in shard order, each of at
  /// least `size` items but the last: a caller that writes a cache batch by batch writes each
  /// shard file once.
  public static func batches<Item>(of items: [Item], size: Int, shard: (Item) -> Int) -> [[Item]] {
    let byShard = Dictionary(grouping: items, by: shard)
    var batches: [[Item]] = []
    var current: [Item] = []
    for key in byShard.keys.sorted() {
      current += byShard[key] ?? []
      if current.count >= size {
        batches.append(current)
        current = []
      }
    }
    if !current.isEmpty { batches.append(current) }
    return batches
  }

  /// The file of the record cache that holds the records of `source`: a caller mapping a large
  /// ledger in batches of whole files, each mapped with the cache flushed, writes each file once
  /// and never holds more than a batch's records (``recordCacheBatches(of:size:)`` makes such
  /// batches).
  public func recordCacheShard(of source: SourceID) -> Int {
    SourceCache.shard(of: source)
  }

  /// Writes out the records read from git that ``mapRecords(of:flushingCache:_:)`` kept.
  public func flushRecordCache() {
    cache.flush()
    Trace.mark("record cache written")
  }

  /// Every claim of `source`, retired ones included, by ordinal.
  public func claims(of source: SourceID) -> [Claim] {
    records(of: source).claims
  }

  /// Every claim of every source, sources in order, each by ordinal.
  public func allClaims() -> [Claim] {
    let sources = sourceIDs()
    loadRecords(of: sources)
    return sources.flatMap { claims(of: $0) }
  }

  /// Where every claim id lives, from the claim index (no record is opened).
  public func claimLocations() -> [(id: ClaimID, source: SourceID)] {
    ClaimIndex(snapshot: self).all
  }

  /// The claim `id` of `source`, or nil.
  public func claim(_ id: ClaimID, in source: SourceID) -> Claim? {
    claims(of: source).first { $0.id == id }
  }

  /// The reviews of every claim of `source`, by claim, each list sorted by reviewer.
  public func reviews(of source: SourceID) -> [ClaimID: [Review]] {
    records(of: source).reviews
  }

  /// The reviews of one claim, sorted by reviewer.
  public func reviews(of claim: Claim) -> [Review] {
    reviews(of: claim.source)[claim.id] ?? []
  }

  /// The standing assignment of every claim of `source`: per claim, the latest any editor made.
  public func assignments(of source: SourceID) -> [ClaimID: Assignment] {
    records(of: source).assignments
  }
}

@available(*, unavailable)
extension LedgerSnapshot: Sendable {}

/// One source for ``LedgerSnapshot/mapRecords(of:_:)``, and where its records are to come from.
private struct RecordWork: Sendable {
  enum Origin: Sendable {
    case memory(SourceRecords)
    case cache(ArraySlice<UInt8>)
    case git
  }

  let source: SourceID
  /// The cache key, for records not already in memory.
  let key: SourceKey?
  let origin: Origin

  /// Reads the records and transforms them; `repository` opens a repository for reads from git.
  /// Nil when the records must come from git and no repository opened.
  func run<Result>(
    _ transform: (SourceID, SourceRecords) -> Result, repository: () -> Repository?
  ) -> RecordWorkResult<Result>? {
    var records: SourceRecords?
    var encoded: [UInt8]?
    switch origin {
    case .memory(let kept): records = kept
    case .cache(let payload): records = SourceCache.decode(payload)
    case .git: break
    }
    if records == nil, let key {
      // A cache entry that fails to decode is read again from git, and replaced.
      guard let repository = repository() else { return nil }
      let read = SourceReader(objects: ObjectReader(repository: repository)).read(source, key: key)
      encoded = SourceCache.encode(read)
      records = read
    }
    let result = records ?? SourceRecords()
    return RecordWorkResult(value: transform(source, result), problems: result.problems, encoded: encoded)
  }
}

private struct RecordWorkResult<Value: Sendable>: Sendable {
  let value: Value
  let problems: [LedgerProblem]
  /// The records in cache form, when they were read from git.
  let encoded: [UInt8]?
}

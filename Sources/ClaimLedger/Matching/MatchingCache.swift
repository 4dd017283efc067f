import ClaimMatching
import ClaimModel
import Git

#if canImport(Glibc)
  import Glibc
#endif

/// The matching index of a ledger, kept in `<git-dir>/claims-cache/v2/matching/` in two parts and
/// updated in place by tree id, so that an update costs time in proportion to what changed:
///
/// - `base.bin`: a large ``MatchingIndex`` and the checks to show for it, rewritten only when the
///   changes since outgrow a share of it (``mergeShare``);
/// - `delta.bin`: what the file pair was made for (the `FactChecks/`, `Claims/`, `Reviews/` and
///   `.mailmap` ids), the update state (per publisher folder: its tree id and its files' blob ids
///   and urls; per source: its `Claims/` and `Reviews/` tree ids and the claims indexed from it),
///   the keys taken out of the base, and a small index and check table of the documents added or
///   replaced since the base was written. Rewritten by every update.
///
/// When the four ids are those of the delta, both files are loaded as they are and the delta is
/// laid over the base in memory (its documents merged without analysing their text again);
/// otherwise only the publisher folders and sources whose trees changed are read again, their
/// documents taken out and put into the delta. Safe to delete: the next command that matches builds
/// it again.
struct MatchingCache {
  static let directoryName = "matching"
  /// The single file of the format before the split; removed when found.
  static let formerFileName = "matching.bin"
  private static let baseStamp = CacheStamp(magic: "CMLB", schemaVersion: 3)
  private static let deltaStamp = CacheStamp(magic: "CMLD", schemaVersion: 3)
  /// The base is rewritten once the delta's documents and the base's removed ones together pass
  /// this share of the base (or ``mergeMinimum``): each document is then written again a bounded
  /// number of times, amortised, while a warm load merges at most that many documents.
  static let mergeShare = 16
  static let mergeMinimum = 2_048

  /// What the file was made for: a change to any of these means something to read again.
  struct Roots: Equatable {
    var factChecks: ObjectID?
    var claims: ObjectID?
    var reviews: ObjectID?
    var people: ObjectID?
  }

  /// One publisher folder's files: name, blob id, url.
  struct Folder {
    var tree: ObjectID
    var files: [String: (blob: ObjectID, url: String)]
  }

  /// One source's trees and the claims indexed from it.
  struct Source {
    var claims: ObjectID?
    var reviews: ObjectID?
    var indexed: [String]
  }

  var folders: [String: Folder] = [:]
  var sources: [String: Source] = [:]

  /// The base as read: its generation (which the delta names), index and checks.
  struct Base {
    var generation: UInt64 = 0
    var index = MatchingIndex()
    var checks = CheckTable([:])
  }

  /// The delta as read.
  struct Delta {
    var roots = Roots()
    var state = MatchingCache()
    var removedFromBase: Set<String> = []
    var index = MatchingIndex()
    var checks = CheckTable([:])
  }

  /// The matcher for `snapshot`: loaded from the cache when it is current, else updated from what
  /// changed (or built) and stored again.
  static func matcher(for snapshot: LedgerSnapshot) -> LedgerMatcher {
    Trace.mark("matching: opening the index")
    let root = snapshot.directory("")
    func id(_ name: String) -> ObjectID? { root.entry(named: name)?.id }
    let roots = Roots(
      factChecks: id(LedgerPaths.factChecks), claims: id(LedgerPaths.claims), reviews: id(LedgerPaths.reviews),
      people: id(LedgerPaths.mailmap))
    let directory = snapshot.cacheDirectory.path(of: directoryName)
    let deltaBytes = FileSystem.readFile(at: "\(directory)/delta.bin", limit: 1 << 30)
    let generation = deltaBytes.flatMap { try? readDeltaGeneration($0) }
    var base = generation.flatMap { generation in
      MappedCacheFile(path: "\(directory)/base.bin").flatMap { try? readBase($0, generation: generation) }
    }
    var delta = deltaBytes.flatMap { bytes in base.flatMap { _ in try? readDelta(bytes, wantedRoots: roots) } }
    if let current = delta, current.roots == roots, var index = base?.index {
      index.remove(keys: current.removedFromBase)
      index.merge(current.index)
      Trace.mark("matching index loaded (\(index.count) documents, \(current.index.count) from the delta)")
      return LedgerMatcher(
        index: index, checks: current.checks, baseChecks: base?.checks, removed: current.removedFromBase)
    }
    let fresh = base == nil || delta == nil
    if fresh {
      base = Base()
      delta = Delta()
      unlink(snapshot.cacheDirectory.path(of: formerFileName))
    } else {
      Trace.mark("matching index read for an update")
    }
    var state = delta?.state ?? MatchingCache()
    let baseIndex = base?.index ?? MatchingIndex()
    var removedFromBase = delta?.removedFromBase ?? []
    var deltaIndex = delta?.index ?? MatchingIndex()
    var deltaChecks = delta?.checks.all() ?? [:]
    // The documents read are added to the delta batch by batch, so a first build never holds the
    // documents of every source at once.
    var changes = state.update(snapshot: snapshot, peopleChanged: delta?.roots.people != roots.people) {
      deltaIndex.add($0)
      // The batch's records are freed: give their memory back before the next batch is read.
      HeapTrim.release()
    }
    for key in changes.removed + changes.addedKeys {
      deltaChecks[key] = nil
      if baseIndex.contains(key: key) { removedFromBase.insert(key) }
    }
    deltaIndex.remove(keys: changes.removed)
    // The checks of the delta: those kept, then those read (which replace any of the same key).
    var newChecks = CheckList()
    for check in deltaChecks.values { newChecks.add(check) }
    deltaChecks = [:]
    if newChecks.isEmpty {
      swap(&newChecks, &changes.checks)  // a first build: no copy of 100,000 checks
    } else {
      newChecks.append(changes.checks)
    }
    // The documents and checks read are in the index and list now: free them before the store,
    // which is where a first build's memory peaks.
    let documentsRead = changes.addedKeys.count
    changes = Changes()
    Trace.mark("matching index updated (\(documentsRead) documents read, \(deltaIndex.count) in the delta)")

    HeapTrim.release()
    let mergeAt = max(mergeMinimum, baseIndex.count / mergeShare)
    let stored = snapshot.cacheDirectory.prepare(directoryName)
    if fresh || deltaIndex.count + removedFromBase.count > mergeAt {
      // The delta has grown: one new base of everything, and an empty delta.
      var all = CheckList()
      if let baseChecks = base?.checks, baseChecks.count > 0 {
        for (key, check) in baseChecks.all() where !removedFromBase.contains(key) { all.add(check) }
        all.append(newChecks)
      } else {
        swap(&all, &newChecks)
      }
      newChecks = CheckList()
      var index = base?.index ?? MatchingIndex()
      let generation = (base?.generation ?? 0) &+ 1
      base = nil
      if index.count == 0 && removedFromBase.isEmpty {
        swap(&index, &deltaIndex)  // a first build: nothing to merge into
      } else {
        index.remove(keys: removedFromBase)
        index.merge(deltaIndex)
        deltaIndex = MatchingIndex()
      }
      if stored, storeBase(index: index, checks: all, generation: generation, to: "\(directory)/base.bin") {
        // A delta naming a base that is not there is ignored, never misread: the base first.
        try? FileSystem.writeAtomically(
          encoded(Delta(roots: roots, state: state), generation: generation), to: "\(directory)/delta.bin")
        Trace.mark("matching index stored (base of \(index.count) documents rewritten)")
        // Searched from the file just written, as a warm run does (the bytes are canonical, so the
        // answers are the same): the index and checks built in memory are freed.
        if let file = MappedCacheFile(path: "\(directory)/base.bin"),
          let written = try? readBase(file, generation: generation)
        {
          return LedgerMatcher(index: written.index, checks: written.checks, baseChecks: nil, removed: [])
        }
      }
      return LedgerMatcher(index: index, checks: all.table, baseChecks: nil, removed: [])
    }
    var index = baseIndex
    index.remove(keys: removedFromBase)
    index.merge(deltaIndex)
    let checks = newChecks.table
    newChecks = CheckList()
    let newDelta = Delta(
      roots: roots, state: state, removedFromBase: removedFromBase, index: deltaIndex, checks: checks)
    if stored {
      try? FileSystem.writeAtomically(
        encoded(newDelta, generation: base?.generation ?? 0), to: "\(directory)/delta.bin")
      Trace.mark("matching index stored (delta of \(deltaIndex.count) documents, \(removedFromBase.count) removed)")
    }
    return LedgerMatcher(index: index, checks: checks, baseChecks: base?.checks, removed: removedFromBase)
  }

  /// Writes `base.bin` a part at a time as it is encoded: the stamp, the generation, the check
  /// table, the index. Returns whether the file is in place.
  private static func storeBase(index: MatchingIndex, checks: CheckList, generation: UInt64, to path: String)
    -> Bool
  {
    guard let file = try? AtomicFileWriter(path: path) else { return false }
    file.write(baseStamp.header)
    withUnsafeBytes(of: generation.littleEndian) { file.write($0) }
    checks.encode { file.write($0) }
    index.encode { file.write($0) }
    return (try? file.commit()) != nil
  }

  /// What an update found: documents to take out (by key), the keys of the documents added or
  /// replaced (handed over as they were read), and the checks of the added ones.
  struct Changes {
    var removed: [String] = []
    var addedKeys: [String] = []
    var checks = CheckList()
  }

  /// How many sources an update reads at a time (whole files of the record cache).
  static let sourceBatchSize = 500

  // MARK: Updating

  /// Brings the state up to date with `snapshot`; hands the documents to add or replace to `add`,
  /// a batch of sources at a time, and returns what changed since.
  mutating func update(
    snapshot: LedgerSnapshot, peopleChanged: Bool, add: (_ documents: [MatchingDocument]) -> Void
  ) -> Changes {
    var removed: [String] = []
    var added: [MatchingDocument] = []
    var addedKeys: [String] = []
    var checks = CheckList()

    // Fact-checks, folder by folder, file by file.
    var currentFolders: [String: TreeEntry] = [:]
    for entry in snapshot.entries(ofDirectory: LedgerPaths.factChecks)
    where entry.kind == .tree && FactCheck.isWellFormedSlug(entry.name) {
      currentFolders[entry.name] = entry
    }
    for (slug, folder) in folders where currentFolders[slug] == nil {
      removed += folder.files.values.map(\.url)
      folders[slug] = nil
    }
    for (slug, entry) in currentFolders.sorted(by: { $0.key < $1.key }) where folders[slug]?.tree != entry.id {
      let old = folders[slug]?.files ?? [:]
      var files: [String: (blob: ObjectID, url: String)] = [:]
      let directory = "\(LedgerPaths.factChecks)/\(slug)"
      for file in snapshot.entries(ofDirectory: directory) {
        if let kept = old[file.name], kept.blob == file.id {
          files[file.name] = kept
          continue
        }
        if let gone = old[file.name] { removed.append(gone.url) }
        guard let record = snapshot.factCheck(at: "\(directory)/\(file.name)", entry: file) else { continue }
        files[file.name] = (file.id, record.url)
        added.append(Self.document(record))
        checks.add(EarlierCheck(record))
      }
      for (name, gone) in old where files[name] == nil { removed.append(gone.url) }
      folders[slug] = Folder(tree: entry.id, files: files)
    }

    // Reviewed claims, source by source.
    let claimsDirectory = snapshot.directory(LedgerPaths.claims)
    let reviewsDirectory = snapshot.directory(LedgerPaths.reviews)
    var names = Set(claimsDirectory.entries.map(\.name))
    names.formUnion(reviewsDirectory.entries.map(\.name))
    var changedSources: [SourceID] = []
    for (name, source) in sources where !names.contains(name) {
      removed += source.indexed
      sources[name] = nil
    }
    for name in names.sorted() {
      let claimsTree = claimsDirectory.entry(named: name).flatMap { $0.kind == .tree ? $0.id : nil }
      let reviewsTree = reviewsDirectory.entry(named: name).flatMap { $0.kind == .tree ? $0.id : nil }
      if !peopleChanged, let known = sources[name], known.claims == claimsTree, known.reviews == reviewsTree {
        continue
      }
      removed += sources[name]?.indexed ?? []
      sources[name] = Source(claims: claimsTree, reviews: reviewsTree, indexed: [])
      if let id = SourceID(name), claimsTree != nil, reviewsTree != nil { changedSources.append(id) }
    }
    addedKeys = added.map(\.key)
    add(added)
    added = []
    for batch in snapshot.recordCacheBatches(of: changedSources, size: Self.sourceBatchSize) {
      let perSource = snapshot.mapRecords(of: batch) { _, records in
        var found: [(MatchingDocument, EarlierCheck)] = []
        for claim in records.claims where !claim.isRetired {
          let reviews = records.reviews[claim.id] ?? []
          guard let check = EarlierCheck(claim, reviews: reviews) else { continue }
          found.append((Self.document(claim, reviews: reviews), check))
        }
        return found
      }
      for (source, found) in zip(batch, perSource) {
        sources[source.rawValue]?.indexed = found.map(\.1.key)
        for (document, check) in found {
          added.append(document)
          addedKeys.append(document.key)
          checks.add(check)
        }
      }
      add(added)
      added = []
    }

    let addedSet = Set(addedKeys)
    return Changes(removed: removed.filter { !addedSet.contains($0) }, addedKeys: addedKeys, checks: checks)
  }

  /// A fact-check as a document: ranked among equals by when it was first imported, then by its
  /// place in that feed.
  static func document(_ factCheck: FactCheck) -> MatchingDocument {
    let time = UInt64(max(0, factCheck.imported?.secondsSince1970 ?? 0))
    let position = UInt64(min(max(0, factCheck.importPosition ?? 0), (1 << 24) - 1))
    return MatchingDocument(
      key: factCheck.url, kind: .factCheck, claim: factCheck.claimReviewed, headline: factCheck.headline ?? "",
      language: factCheck.language, precedence: time << 24 | position)
  }

  /// A reviewed claim as a document: ranked among equals by its first verdict, then its ordinal.
  static func document(_ claim: Claim, reviews: [Review]) -> MatchingDocument {
    let first = reviews.compactMap { review in
      review.events.first { event in
        if case .verdict = event.change { true } else { false }
      }?.at
    }.min()
    let time = UInt64(max(0, first?.secondsSince1970 ?? 0))
    let ordinal = UInt64(min(max(0, claim.ordinal), (1 << 24) - 1))
    return MatchingDocument(key: claim.id.rawValue, kind: .claim, claim: claim.text, precedence: time << 24 | ordinal)
  }

  // MARK: Bytes

  /// `base.bin` (written by ``storeBase(index:checks:generation:to:)``): the stamp (``CacheStamp``),
  /// the generation (8 bytes, little-endian), the check table, then the index bytes. Read in place
  /// from a mapping (``MappedCacheFile``).
  private static func readBase(_ file: MappedCacheFile, generation: UInt64) throws(BinaryReader.Corrupt) -> Base {
    let header = baseStamp.header
    let bytes = file.bytes
    guard bytes.count >= header.count + 8, bytes[0..<header.count].elementsEqual(header),
      UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: header.count, as: UInt64.self)) == generation
    else { throw BinaryReader.Corrupt() }
    let (checks, end) = try CheckTable.decode(from: file, at: header.count + 8)
    guard let index = try? MatchingIndex(decoding: file, from: end) else { throw BinaryReader.Corrupt() }
    return Base(generation: generation, index: index, checks: checks)
  }

  /// `delta.bin`: the stamp, the base's generation, the four ids, the state (sized, so a
  /// reader that needs none skips it), the keys removed from the base, the check table, the index.
  static func encoded(_ delta: Delta, generation: UInt64) -> [UInt8] {
    var writer = BinaryWriter(capacity: 1 << 20)
    writer.write(raw: deltaStamp.header)
    writer.write(Int(truncatingIfNeeded: generation))
    let roots = delta.roots
    for id in [roots.factChecks, roots.claims, roots.reviews, roots.people] { writer.write(id?.hex ?? "") }
    var state = BinaryWriter(capacity: 1 << 20)
    delta.state.encodeState(into: &state)
    writer.write(state.bytes.count)
    writer.write(raw: state.bytes)
    let removed = delta.removedFromBase.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    writer.write(removed.count)
    for key in removed { writer.write(key) }
    delta.checks.encode(into: &writer)
    var bytes = writer.bytes
    bytes.append(contentsOf: delta.index.encoded())
    return bytes
  }

  private static func readDeltaGeneration(_ bytes: [UInt8]) throws(BinaryReader.Corrupt) -> UInt64 {
    guard let start = deltaStamp.contentStart(in: bytes) else { throw BinaryReader.Corrupt() }
    var reader = BinaryReader(bytes, position: start)
    return UInt64(truncatingIfNeeded: try reader.readInt())
  }

  /// Reads a delta; its state is decoded only when it was not made for `wantedRoots` (an update).
  private static func readDelta(_ bytes: [UInt8], wantedRoots: Roots) throws(BinaryReader.Corrupt) -> Delta {
    guard let start = deltaStamp.contentStart(in: bytes) else { throw BinaryReader.Corrupt() }
    var reader = BinaryReader(bytes, position: start)
    _ = try reader.readInt()
    func objectID() throws(BinaryReader.Corrupt) -> ObjectID? {
      let hex = try reader.readString()
      if hex.isEmpty { return nil }
      guard let id = ObjectID(hex: hex) else { throw BinaryReader.Corrupt() }
      return id
    }
    var delta = Delta()
    delta.roots = Roots(
      factChecks: try objectID(), claims: try objectID(), reviews: try objectID(), people: try objectID())
    let stateSize = try reader.readCount()
    let stateEnd = reader.position + stateSize
    if delta.roots == wantedRoots {
      reader = BinaryReader(bytes, position: stateEnd)
    } else {
      try delta.state.decodeState(from: &reader)
      guard reader.position == stateEnd else { throw BinaryReader.Corrupt() }
    }
    for _ in 0..<(try reader.readCount()) { delta.removedFromBase.insert(try reader.readString()) }
    let storage = OwnedIndexStorage(copying: bytes)
    let (checks, end) = try CheckTable.decode(from: storage, at: reader.position)
    delta.checks = checks
    guard let index = try? MatchingIndex(decoding: storage, from: end) else { throw BinaryReader.Corrupt() }
    delta.index = index
    return delta
  }

  fileprivate func encodeState(into writer: inout BinaryWriter) {
    writer.write(folders.count)
    for (slug, folder) in folders.sorted(by: { $0.key < $1.key }) {
      writer.write(slug)
      writer.write(folder.tree.hex)
      writer.write(folder.files.count)
      for (name, file) in folder.files.sorted(by: { $0.key < $1.key }) {
        writer.write(name)
        writer.write(file.blob.hex)
        writer.write(file.url)
      }
    }
    writer.write(sources.count)
    for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
      writer.write(name)
      writer.write(source.claims?.hex ?? "")
      writer.write(source.reviews?.hex ?? "")
      writer.write(source.indexed.count)
      for key in source.indexed { writer.write(key) }
    }
  }

  fileprivate mutating func decodeState(from reader: inout BinaryReader) throws(BinaryReader.Corrupt) {
    func objectID() throws(BinaryReader.Corrupt) -> ObjectID? {
      let hex = try reader.readString()
      if hex.isEmpty { return nil }
      guard let id = ObjectID(hex: hex) else { throw BinaryReader.Corrupt() }
      return id
    }
    for _ in 0..<(try reader.readCount()) {
      let slug = try reader.readString()
      guard let tree = try objectID() else { throw BinaryReader.Corrupt() }
      var files: [String: (blob: ObjectID, url: String)] = [:]
      for _ in 0..<(try reader.readCount()) {
        let name = try reader.readString()
        guard let blob = try objectID() else { throw BinaryReader.Corrupt() }
        files[name] = (blob, try reader.readString())
      }
      folders[slug] = Folder(tree: tree, files: files)
    }
    for _ in 0..<(try reader.readCount()) {
      let name = try reader.readString()
      let claims = try objectID()
      let reviews = try objectID()
      var indexed: [String] = []
      for _ in 0..<(try reader.readCount()) { indexed.append(try reader.readString()) }
      sources[name] = Source(claims: claims, reviews: reviews, indexed: indexed)
    }
  }
}

import ClaimMatching
import ClaimModel
import Git

/// The matching index of a ledger, kept in `<git-dir>/claims-cache/v2/matching.bin` and updated in
/// place by tree id: when the `FactChecks/`, `Claims/` and `Reviews/` trees (and `.mailmap`) are
/// those the file was made for, it is loaded as it is; otherwise only the publisher folders and
/// sources whose trees changed are read again, their documents taken out of the index and put back.
/// Safe to delete: the next command that matches builds it again.
///
/// Layout: magic `CMLC`, version, the four tree or blob ids it was made for, the state (per publisher
/// folder: its tree id and its files' blob ids and urls; per source: its `Claims/` and `Reviews/`
/// tree ids and the claims indexed from it), the ``CheckTable``, then the ``MatchingIndex`` bytes.
struct MatchingCache {
  static let fileName = "matching.bin"
  private static let magic = Array("CMLC".utf8)
  private static let version = 1

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

  /// The matcher for `snapshot`: loaded from the cache when it is current, else updated from what
  /// changed (or built) and stored again.
  static func matcher(for snapshot: LedgerSnapshot) -> LedgerMatcher {
    let root = snapshot.directory("")
    func id(_ name: String) -> ObjectID? { root.entry(named: name)?.id }
    let roots = Roots(
      factChecks: id(LedgerPaths.factChecks), claims: id(LedgerPaths.claims), reviews: id(LedgerPaths.reviews),
      people: id(LedgerPaths.mailmap))
    let path = snapshot.cacheDirectory.path(of: fileName)
    let bytes = FileSystem.readFile(at: path, limit: 4 << 30)
    if let bytes, let loaded = try? load(bytes, wantedRoots: roots, stateNeeded: false), loaded.current {
      Trace.mark("matching index loaded (\(loaded.index.count) documents)")
      return LedgerMatcher(index: loaded.index, checks: loaded.checks)
    }
    var cache = MatchingCache()
    var index = MatchingIndex()
    var checks: [String: EarlierCheck] = [:]
    var previousPeople: ObjectID?
    if let bytes, let loaded = try? load(bytes, wantedRoots: roots, stateNeeded: true) {
      Trace.mark("matching index read for an update")
      cache = loaded.state
      index = loaded.index
      checks = loaded.checks.all()
      previousPeople = loaded.roots.people
    }
    let changed = cache.update(
      snapshot: snapshot, index: &index, checks: &checks, peopleChanged: previousPeople != roots.people)
    Trace.mark("matching index updated (\(changed) documents read, \(index.count) in all)")
    let table = CheckTable(checks)
    if snapshot.cacheDirectory.prepare() {
      try? FileSystem.writeAtomically(cache.encoded(roots: roots, checks: table, index: index), to: path)
      Trace.mark("matching index stored")
    }
    return LedgerMatcher(index: index, checks: table)
  }

  // MARK: Updating

  /// Brings the index and checks up to date with `snapshot`; returns how many documents were read.
  mutating func update(
    snapshot: LedgerSnapshot, index: inout MatchingIndex, checks: inout [String: EarlierCheck], peopleChanged: Bool
  ) -> Int {
    var removed: [String] = []
    var added: [MatchingDocument] = []

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
        checks[record.url] = EarlierCheck(record)
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
    let perSource = snapshot.mapRecords(of: changedSources) { _, records in
      var found: [(MatchingDocument, EarlierCheck)] = []
      for claim in records.claims where !claim.isRetired {
        let reviews = records.reviews[claim.id] ?? []
        guard let check = EarlierCheck(claim, reviews: reviews) else { continue }
        found.append((Self.document(claim, reviews: reviews), check))
      }
      return found
    }
    for (source, found) in zip(changedSources, perSource) {
      sources[source.rawValue]?.indexed = found.map(\.1.key)
      for (document, check) in found {
        added.append(document)
        checks[check.key] = check
      }
    }

    let addedKeys = Set(added.map(\.key))
    let gone = removed.filter { !addedKeys.contains($0) }
    for key in gone { checks[key] = nil }
    index.remove(keys: gone)
    index.add(added)
    return added.count
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
    let first = reviews.compactMap { review in review.events.first { $0.change.name == "verdict" }?.at }.min()
    let time = UInt64(max(0, first?.secondsSince1970 ?? 0))
    let ordinal = UInt64(min(max(0, claim.ordinal), (1 << 24) - 1))
    return MatchingDocument(key: claim.id.rawValue, kind: .claim, claim: claim.text, precedence: time << 24 | ordinal)
  }

  // MARK: Bytes

  func encoded(roots: Roots, checks: CheckTable, index: MatchingIndex) -> [UInt8] {
    var writer = BinaryWriter(capacity: 1 << 20)
    writer.write(raw: Self.magic)
    writer.write(Self.version)
    for id in [roots.factChecks, roots.claims, roots.reviews, roots.people] { writer.write(id?.hex ?? "") }
    // The state goes first into a writer of its own, so a reader that needs none skips it whole.
    var state = BinaryWriter(capacity: 1 << 20)
    encodeState(into: &state)
    writer.write(state.bytes.count)
    writer.write(raw: state.bytes)
    checks.encode(into: &writer)
    var bytes = writer.bytes
    bytes.append(contentsOf: index.encoded())
    return bytes
  }

  private func encodeState(into writer: inout BinaryWriter) {
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

  /// Reads a cache file. `current` says whether it was made for `wantedRoots`; the state is decoded
  /// only when `stateNeeded` (an update) or the file is not current.
  private static func load(_ bytes: [UInt8], wantedRoots: Roots, stateNeeded: Bool) throws(BinaryReader.Corrupt) -> (
    current: Bool, roots: Roots, state: MatchingCache, checks: CheckTable, index: MatchingIndex
  ) {
    var reader = BinaryReader(bytes)
    guard try reader.readRaw(count: 4) == magic, try reader.readInt() == version else { throw BinaryReader.Corrupt() }
    func objectID() throws(BinaryReader.Corrupt) -> ObjectID? {
      let hex = try reader.readString()
      if hex.isEmpty { return nil }
      guard let id = ObjectID(hex: hex) else { throw BinaryReader.Corrupt() }
      return id
    }
    let roots = Roots(
      factChecks: try objectID(), claims: try objectID(), reviews: try objectID(), people: try objectID())
    let current = roots == wantedRoots
    var state = MatchingCache()
    let stateSize = try reader.readCount()
    let stateEnd = reader.position + stateSize
    if !stateNeeded && current {
      reader = BinaryReader(bytes, position: stateEnd)
    } else {
      try state.decodeState(from: &reader)
      guard reader.position == stateEnd else { throw BinaryReader.Corrupt() }
    }
    let checks = try CheckTable.decode(from: &reader)
    guard let index = try? MatchingIndex(decoding: Array(bytes[reader.position...])) else {
      throw BinaryReader.Corrupt()
    }
    return (current, roots, state, checks, index)
  }

  private mutating func decodeState(from reader: inout BinaryReader) throws(BinaryReader.Corrupt) {
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

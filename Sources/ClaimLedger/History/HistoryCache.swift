import ClaimModel
import Git

#if canImport(Glibc)
  import Glibc
#endif

/// The history entries of commits already read, in `<git-dir>/claims-cache/v2/history.bin`. A
/// commit never changes, so an entry is valid for as long as the build that read it (the file's
/// ``CacheStamp``); the file only grows, by appending, and starts again empty under a new build.
/// It is always safe to delete, and a torn last record (a killed process) is ignored.
struct HistoryCache {
  private static let stamp = CacheStamp(magic: "CLMH", schemaVersion: 3)

  private let directory: CacheDirectory
  let path: String

  init(directory: CacheDirectory) {
    self.directory = directory
    path = directory.path(of: "history.bin")
  }

  /// Every cached entry, by commit id.
  func load() -> [ObjectID: HistoryEntry] {
    guard let bytes = FileSystem.readFile(at: path, limit: 1 << 31) else { return [:] }
    guard let start = Self.stamp.contentStart(in: bytes) else {
      // Another build's (or schema's) entries: dropped, so that this build's appends start a file
      // of its own rather than adding to one that every reader would refuse.
      _ = unlink(path)
      return [:]
    }
    var entries: [ObjectID: HistoryEntry] = [:]
    var reader = BinaryReader(bytes, position: start)
    while !reader.isAtEnd {
      guard let length = try? reader.readCount(), let frame = try? reader.readRaw(count: length) else { break }
      var frameReader = BinaryReader(frame)
      guard let entry = try? frameReader.readHistoryEntry(), let id = ObjectID(hex: entry.commit) else { continue }
      entries[id] = entry
    }
    return entries
  }

  /// Appends entries; failures only cost speed next time.
  func append(_ entries: [HistoryEntry]) {
    guard !entries.isEmpty else { return }
    var writer = BinaryWriter(capacity: entries.count * 256)
    let isNew = FileSystem.node(at: path) == .missing
    if isNew { writer.write(raw: Self.stamp.header) }
    for entry in entries {
      var frame = BinaryWriter(capacity: 256)
      frame.write(entry)
      writer.write(frame.bytes.count)
      writer.write(raw: frame.bytes)
    }
    guard directory.prepare() else { return }
    let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0o644)
    guard descriptor >= 0 else { return }
    defer { close(descriptor) }
    // One write call: with O_APPEND two processes appending at once never interleave their frames.
    _ = writer.bytes.withUnsafeBytes { raw in write(descriptor, raw.baseAddress, raw.count) }
  }
}

extension BinaryWriter {
  mutating func write(_ entry: HistoryEntry) {
    write(entry.commit)
    write(entry.parents.count)
    for parent in entry.parents { write(parent) }
    write(entry.author)
    write(entry.time.text)
    write(entry.subject)
    write(entry.body)
    write(entry.action.rawValue)
    write(entry.claims.count)
    for claim in entry.claims { write(claim.rawValue) }
    write(entry.sources.count)
    for source in entry.sources { write(source.rawValue) }
    write(entry.verdict)
    write(entry.previousVerdict)
    write(entry.citation)
    write(entry.assignee)
    write(entry.reviewer)
    write(entry.event)
    write(entry.recordsChanged)
    write(entry.foreignEdits.count)
    for path in entry.foreignEdits { write(path) }
  }
}

extension BinaryReader {
  mutating func readHistoryEntry() throws(Corrupt) -> HistoryEntry {
    let commit = try readString()
    var parents: [String] = []
    for _ in 0..<(try readCount()) { parents.append(try readString()) }
    let author = try readIdentity()
    let time = try readTimestamp()
    let subject = try readString()
    let body = try readOptionalString()
    let action = CommitAction(rawValue: try readString())
    var claims: [ClaimID] = []
    for _ in 0..<(try readCount()) { claims.append(try readClaimID()) }
    var sources: [SourceID] = []
    for _ in 0..<(try readCount()) { sources.append(try readSourceID()) }
    var entry = HistoryEntry(
      commit: commit, parents: parents, author: author, time: time, subject: subject, body: body, action: action,
      claims: claims, sources: sources, verdict: try readOptionalString(), previousVerdict: try readOptionalString(),
      citation: try readOptionalString(), assignee: try readOptionalString(), reviewer: try readOptionalString(),
      event: try readOptionalString())
    entry.recordsChanged = try readBool()
    for _ in 0..<(try readCount()) { entry.foreignEdits.append(try readString()) }
    return entry
  }
}

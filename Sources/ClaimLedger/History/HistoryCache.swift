import ClaimModel
import Git

#if canImport(Glibc)
  import Glibc
#endif

/// The history entries of commits already read, in `<git-dir>/claims-cache/v2/history.bin`. A
/// commit never changes, so an entry is valid forever; the file only grows, by appending. It is
/// always safe to delete, and a torn last record (a killed process) is ignored.
struct HistoryCache {
  private static let magic = Array("CLMH".utf8)
  private static let version: UInt8 = 3

  let path: String

  init(cacheDirectory: String) {
    path = "\(cacheDirectory)/history.bin"
  }

  /// Every cached entry, by commit id.
  func load() -> [ObjectID: HistoryEntry] {
    guard let bytes = FileSystem.readFile(at: path, limit: 1 << 31), bytes.count >= 5,
      Array(bytes[0..<4]) == Self.magic, bytes[4] == Self.version
    else { return [:] }
    var entries: [ObjectID: HistoryEntry] = [:]
    var reader = BinaryReader(bytes, position: 5)
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
    if isNew {
      writer.write(raw: Self.magic)
      writer.write(raw: [Self.version])
    }
    for entry in entries {
      var frame = BinaryWriter(capacity: 256)
      frame.write(entry)
      writer.write(frame.bytes.count)
      writer.write(raw: frame.bytes)
    }
    let directory = LedgerSnapshot.split(path).directory
    let gitDirectory = String(directory.dropLast("/claims-cache/v2".count))
    guard (try? FileSystem.makeDirectories("claims-cache/v2", under: gitDirectory)) != nil else { return }
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
    write(entry.action)
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
    let action = try readString()
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

public import ClaimModel
import Dispatch

#if canImport(Glibc)
  import Glibc
#endif

/// Bytes derived from each source — a report's figures, pieces of a rendered report — kept under
/// `<git-dir>/claims-cache/v2/<name>/` between runs. Each source has one entry, made of parts, and
/// stored under a key the caller builds from ``LedgerSnapshot/fingerprint(of:)`` and whatever else
/// the bytes depend on; an entry whose key differs is a miss. The schema and the build are not the
/// caller's business: they are in every shard's stamp (``CacheStamp``).
///
/// Sources are spread over shard files (``CacheShard``), each an index followed by the
/// parts. Only the index is read up front; a part is read when asked for, with its checksum
/// checked, so a run that needs a few sources' parts reads only those. The cache is always safe to
/// delete: a missing, truncated or damaged shard or part is a miss, never an error, and shards are
/// replaced whole through a rename, so a reader never sees half of one.
public final class SourceBlobCache {
  private static let stamp = CacheStamp(magic: "CLMB", schemaVersion: 1)
  /// The stamp and the index length.
  private static let headerSize = stamp.header.count + 4

  /// Where one source's entry is: in the shard file it was read from, which stays open (and
  /// readable, even once a ``flush()`` has renamed a new one over its path) as long as the cache.
  public struct Entry {
    fileprivate let descriptor: Int32
    fileprivate let key: [UInt8]
    /// Each part's offset in the shard file, length and checksum.
    fileprivate let parts: [(offset: Int, length: Int, checksum: UInt64)]

    /// The length of each part.
    public var partLengths: [Int] { parts.map(\.length) }
  }

  private struct Shard {
    var descriptor: Int32 = -1
    var entries: [String: Entry] = [:]
  }

  private let cacheDirectory: CacheDirectory
  private let name: String
  private let shardCount: Int
  private var shards: [Int: Shard] = [:]
  /// Shard files replaced by ``flush()``, kept open for the entries read from them.
  private var replacedFiles: [Int32] = []
  /// Entries stored in this run, by shard, not yet written.
  private var pending: [Int: [String: (key: [UInt8], parts: [[UInt8]])]] = [:]

  /// The cache named `name` (a directory name) of the ledger `snapshot` reads, in `shardCount` files.
  public init(snapshot: LedgerSnapshot, name: String, shardCount: Int = 64) {
    cacheDirectory = snapshot.cacheDirectory
    self.name = name
    self.shardCount = max(1, shardCount)
  }

  deinit {
    for shard in shards.values where shard.descriptor >= 0 { close(shard.descriptor) }
    for descriptor in replacedFiles { close(descriptor) }
  }

  private var directory: String { cacheDirectory.path(of: name) }

  private func shard(of source: SourceID) -> Int { CacheShard.index(of: source.rawValue, count: shardCount) }

  /// The shard file that holds `source`'s entry: ``flush()`` rewrites the shards of the entries
  /// stored since the last flush, so a caller storing many can flush a few shards at a time.
  public func shardIndex(of source: SourceID) -> Int { shard(of: source) }

  private func path(ofShard shard: Int) -> String { "\(directory)/\(CacheShard.fileName(shard))" }

  // MARK: Reading

  /// The entry of `source` when it was stored under `key`.
  public func entry(of source: SourceID, key: [UInt8]) -> Entry? {
    let shard = shard(of: source)
    guard let entry = loadedShard(shard).entries[source.rawValue], entry.key == key else { return nil }
    return entry
  }

  /// Part `part` of `entry`, or nil when it cannot be read whole or its checksum is wrong.
  public func read(_ entry: Entry, part: Int) -> [UInt8]? {
    guard entry.parts.indices.contains(part) else { return nil }
    let (offset, length, checksum) = entry.parts[part]
    guard length > 0 else { return [] }
    guard let bytes = Self.read(entry.descriptor, offset: offset, count: length) else { return nil }
    guard CacheChecksum.of(bytes) == checksum else { return nil }
    return bytes
  }

  /// Every part of `entry`, read at once; nil when any cannot be read whole or fails its checksum.
  public func readAll(_ entry: Entry) -> [[UInt8]]? {
    guard let first = entry.parts.first, let last = entry.parts.last else { return [] }
    let length = last.offset + last.length - first.offset
    guard let bytes = Self.read(entry.descriptor, offset: first.offset, count: length) else { return nil }
    var parts: [[UInt8]] = []
    for part in entry.parts {
      let slice = bytes[(part.offset - first.offset)..<(part.offset - first.offset + part.length)]
      guard slice.withUnsafeBytes({ CacheChecksum.of($0) }) == part.checksum else { return nil }
      parts.append(Array(slice))
    }
    return parts
  }

  /// Reads part `part` of `entry` into `target`, which must be exactly as long; false when it
  /// cannot be read whole or its checksum is wrong.
  public func read(_ entry: Entry, part: Int, into target: UnsafeMutableBufferPointer<UInt8>) -> Bool {
    guard entry.parts.indices.contains(part), entry.parts[part].length == target.count else { return false }
    let (offset, length, checksum) = entry.parts[part]
    guard length > 0 else { return true }
    guard Self.read(entry.descriptor, offset: offset, into: target) else { return false }
    return CacheChecksum.of(UnsafeRawBufferPointer(target)) == checksum
  }

  private func loadedShard(_ shard: Int) -> Shard {
    if let loaded = shards[shard] { return loaded }
    let loaded = Self.open(path(ofShard: shard))
    shards[shard] = loaded
    return loaded
  }

  private static func open(_ path: String) -> Shard {
    let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
    guard descriptor >= 0 else { return Shard() }
    var info = stat()
    guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
      let header = read(descriptor, offset: 0, count: headerSize), let lengthStart = stamp.contentStart(in: header)
    else {
      close(descriptor)
      return Shard()
    }
    let size = Int(info.st_size)
    let indexLength = header[lengthStart..<lengthStart + 4].reversed().reduce(0) { $0 << 8 | Int($1) }
    guard indexLength <= size - headerSize, let index = read(descriptor, offset: headerSize, count: indexLength),
      let entries = try? parseIndex(index, descriptor: descriptor, dataStart: headerSize + indexLength, fileSize: size)
    else {
      close(descriptor)
      return Shard()
    }
    return Shard(descriptor: descriptor, entries: entries)
  }

  private static func parseIndex(_ index: [UInt8], descriptor: Int32, dataStart: Int, fileSize: Int)
    throws(BinaryReader.Corrupt) -> [String: Entry]
  {
    var reader = BinaryReader(index)
    var entries: [String: Entry] = [:]
    for _ in 0..<(try reader.readCount()) {
      let source = try reader.readString()
      let key = try reader.readRaw(count: try reader.readCount())
      var offset = dataStart + (try Self.readSize(&reader))
      var parts: [(offset: Int, length: Int, checksum: UInt64)] = []
      for _ in 0..<(try reader.readCount()) {
        let length = try Self.readSize(&reader)
        let checksum = try reader.readRaw(count: 8).reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard offset + length <= fileSize else { throw BinaryReader.Corrupt() }
        parts.append((offset, length, checksum))
        offset += length
      }
      entries[source] = Entry(descriptor: descriptor, key: key, parts: parts)
    }
    guard reader.isAtEnd else { throw BinaryReader.Corrupt() }
    return entries
  }

  /// An offset or length, which may exceed the record cache's count limit.
  private static func readSize(_ reader: inout BinaryReader) throws(BinaryReader.Corrupt) -> Int {
    let size = try reader.readInt()
    guard size >= 0, size <= 1 << 40 else { throw BinaryReader.Corrupt() }
    return size
  }

  /// `count` bytes at `offset`, or nil when the file is shorter.
  private static func read(_ descriptor: Int32, offset: Int, count: Int) -> [UInt8]? {
    var isComplete = true
    // Uninitialised: every byte is read over.
    let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
      isComplete = read(descriptor, offset: offset, into: buffer)
      initialized = isComplete ? count : 0
    }
    return isComplete ? bytes : nil
  }

  /// Fills `target` from `offset`; false when the file is shorter.
  private static func read(_ descriptor: Int32, offset: Int, into target: UnsafeMutableBufferPointer<UInt8>) -> Bool {
    var done = 0
    while done < target.count {
      let result = pread(descriptor, target.baseAddress.map { $0 + done }, target.count - done, off_t(offset + done))
      if result < 0 && errno == EINTR { continue }
      guard result > 0 else { return false }
      done += result
    }
    return true
  }

  // MARK: Writing

  /// Keeps `parts` as the entry of `source` under `key`; ``flush()`` writes them.
  public func store(_ parts: [[UInt8]], for source: SourceID, key: [UInt8]) {
    pending[shard(of: source), default: [:]][source.rawValue] = (key, parts)
  }

  /// Writes every shard that has new entries, keeping the other entries it held. Failures (a
  /// read-only repository) cost only speed.
  public func flush() {
    guard !pending.isEmpty else { return }
    guard cacheDirectory.prepare(name) else {
      pending.removeAll()
      return
    }
    var jobs: [(path: String, entries: [ShardEntry])] = []
    for (shard, replaced) in pending.sorted(by: { $0.key < $1.key }) {
      var entries: [ShardEntry] = []
      let old = loadedShard(shard)
      for (source, entry) in old.entries where replaced[source] == nil {
        let parts = entry.parts.indices.map { read(entry, part: $0) }
        // A damaged old entry is dropped rather than copied.
        if parts.allSatisfy({ $0 != nil }) { entries.append((source, entry.key, parts.compactMap { $0 })) }
      }
      for (source, entry) in replaced { entries.append((source, entry.key, entry.parts)) }
      entries.sort { $0.source < $1.source }
      jobs.append((path(ofShard: shard), entries))
      // Entries handed out before still read the old file through its descriptor (a report keeps
      // those of the sources it did not recompute); the next lookup reads the new one.
      if old.descriptor >= 0 { replacedFiles.append(old.descriptor) }
      shards[shard] = nil
    }
    pending.removeAll()
    // A cold report writes every shard: checksumming and copying a hundred megabytes into files
    // goes faster on every core.
    let work = jobs
    let workers = min(max(1, System.activeProcessorCount), work.count, 8)
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      for index in stride(from: worker, to: work.count, by: workers) {
        try? FileSystem.writeAtomically(chunks: Self.shardChunks(work[index].entries), to: work[index].path)
      }
    }
  }

  private typealias ShardEntry = (source: String, key: [UInt8], parts: [[UInt8]])

  /// A shard file as chunks: the header and index, then every part as it is, not copied together.
  private static func shardChunks(_ entries: [ShardEntry]) -> [[UInt8]] {
    var index = BinaryWriter(capacity: entries.count * 64)
    index.write(entries.count)
    var dataLength = 0
    for entry in entries {
      index.write(entry.source)
      index.write(entry.key.count)
      index.write(raw: entry.key)
      index.write(dataLength)
      index.write(entry.parts.count)
      for part in entry.parts {
        index.write(part.count)
        var checksum = CacheChecksum.of(part)
        var bytes: [UInt8] = []
        for _ in 0..<8 {
          bytes.append(UInt8(truncatingIfNeeded: checksum))
          checksum >>= 8
        }
        index.write(raw: bytes)
        dataLength += part.count
      }
    }
    var header = stamp.header
    var length = UInt32(index.bytes.count)
    for _ in 0..<4 {
      header.append(UInt8(truncatingIfNeeded: length))
      length >>= 8
    }
    return [header + index.bytes] + entries.flatMap(\.parts).filter { !$0.isEmpty }
  }
}

@available(*, unavailable)
extension SourceBlobCache: Sendable {}

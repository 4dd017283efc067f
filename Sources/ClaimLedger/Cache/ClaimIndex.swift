import ClaimModel
import Git

#if canImport(Glibc)
  import Glibc
#endif

/// Which source every claim id belongs to, so that a claim named by an id prefix is found without
/// listing every source's directory. Kept in `<git-dir>/claims-cache/v2/claim-index.bin` for one
/// `Claims/` tree at a time; imports change that tree and so rebuild the index, reviews do not.
///
/// The file is looked into where it lies (mapped, binary search), not decoded: a ledger of a
/// million claims has an 8 MB index, which one `claims show` should not read whole. Layout, in
/// little-endian numbers: the cache stamp (``CacheStamp``: `CLMI`, schema 3, the build), the
/// `Claims/` tree id (20 bytes), the source count
/// and the claim count (4 bytes each), the end offset of each source's name (4 bytes each) and
/// the names (UTF-8), zero bytes up to a multiple of 8, then one 8-byte record per claim, sorted:
/// the id's 40 bits above the source's 24-bit index.
struct ClaimIndex {
  private static let stamp = CacheStamp(magic: "CLMI", schemaVersion: 3)
  /// The length of the stamp, which depends on the build identity's.
  private static let stampSize = stamp.header.count
  private static let headerSize = stampSize + 20 + 4 + 4

  private let storage: Storage?

  /// The index of `snapshot`'s `Claims/` tree: from the cache, or built and cached.
  init(snapshot: LedgerSnapshot, rebuilding: Bool = false) {
    guard let claimsTree = snapshot.treeID(ofDirectory: LedgerPaths.claims) else {
      storage = nil
      return
    }
    let directory = snapshot.cacheDirectory
    let path = directory.path(of: "claim-index.bin")
    if !rebuilding, let mapped = Storage(mapping: path, tree: claimsTree) {
      storage = mapped
      return
    }
    var sources: [SourceID] = []
    var records: [UInt64] = []
    for source in snapshot.sourceIDs() {
      let sourceIndex = UInt64(sources.count)
      sources.append(source)
      for entry in snapshot.entries(ofDirectory: LedgerPaths.claimDirectory(source)) {
        if let id = LedgerPaths.claimID(fromFileName: entry.name), let number = UInt64(id.rawValue, radix: 16) {
          records.append(number << 24 | sourceIndex)
        }
      }
    }
    records.sort()
    let bytes = Self.encode(tree: claimsTree, sources: sources, records: records)
    if sources.count < 1 << 24, directory.prepare() {
      try? FileSystem.writeAtomically(bytes, to: path)
    }
    storage = Storage(bytes: bytes, tree: claimsTree)
  }

  /// Every claim id in the ledger, with its source.
  var all: [(id: ClaimID, source: SourceID)] {
    guard let storage else { return [] }
    var result: [(id: ClaimID, source: SourceID)] = []
    result.reserveCapacity(storage.count)
    for position in 0..<storage.count {
      if let located = storage.located(at: position) { result.append(located) }
    }
    return result
  }

  /// Every claim whose id starts with the hexadecimal `prefix`.
  func matches(prefix: String) -> [(id: ClaimID, source: SourceID)] {
    guard let storage, ClaimID.isPlausiblePrefix(prefix), let value = UInt64(prefix, radix: 16) else { return [] }
    let shift = UInt64(4 * (ClaimID.length - prefix.count))
    let lower = value << shift
    let upper = (value + 1) << shift
    var low = 0
    var high = storage.count
    while low < high {
      let middle = (low + high) / 2
      if storage.id(at: middle) < lower { low = middle + 1 } else { high = middle }
    }
    var result: [(id: ClaimID, source: SourceID)] = []
    var position = low
    while position < storage.count, storage.id(at: position) < upper {
      if let located = storage.located(at: position) { result.append(located) }
      position += 1
    }
    return result
  }

  private static func encode(tree: ObjectID, sources: [SourceID], records: [UInt64]) -> [UInt8] {
    var bytes: [UInt8] = []
    let names = sources.map { Array($0.rawValue.utf8) }
    bytes.reserveCapacity(headerSize + 4 * sources.count + names.reduce(0) { $0 + $1.count } + 8 + 8 * records.count)
    func append(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    bytes += stamp.header
    bytes += tree.bytes
    append(UInt32(truncatingIfNeeded: sources.count))
    append(UInt32(truncatingIfNeeded: records.count))
    var end: UInt32 = 0
    for name in names {
      end += UInt32(truncatingIfNeeded: name.count)
      append(end)
    }
    for name in names { bytes += name }
    while bytes.count % 8 != 0 { bytes.append(0) }
    for record in records { withUnsafeBytes(of: record.littleEndian) { bytes.append(contentsOf: $0) } }
    return bytes
  }

  /// The index's bytes, mapped from the cache file or held in memory, with the layout checked.
  ///
  /// Made only once the bytes are known good: the memory is released in `deinit` and nowhere else.
  /// A class whose stored properties are all set runs its `deinit` even when its init then returns
  /// nil, so an init that released the memory itself and failed released it twice. Unmapped twice,
  /// a stale cache file took away whatever another thread had mapped at that address meanwhile
  /// (libgit2's pack windows and indexes, large arrays): the crashes inside libgit2 and `memcpy`
  /// when many commands ran at once.
  private final class Storage {
    private let base: UnsafeRawPointer
    private let size: Int
    /// Whether `base` is a mapping (unmapped at the end) or memory of our own (freed).
    private let mapped: Bool
    private let layout: Layout
    var count: Int { layout.count }
    /// Source ids already made, by index: a prefix names a handful of claims.
    private var sources: [Int: SourceID] = [:]

    /// Where the parts of an index lie, read from its header once the header is checked.
    private struct Layout {
      let sourceCount: Int
      let count: Int
      let namesStart: Int
      let recordsStart: Int

      /// The layout of `size` bytes at `base` when they hold an index of `tree` that holds
      /// together; nil otherwise.
      init?(of base: UnsafeRawPointer, size: Int, tree: ObjectID) {
        func word(_ offset: Int) -> Int {
          Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
        }
        let stampSize = ClaimIndex.stampSize
        guard size >= ClaimIndex.headerSize else { return nil }
        sourceCount = word(stampSize + 20)
        count = word(stampSize + 24)
        namesStart = ClaimIndex.headerSize + 4 * sourceCount
        let namesEnd = namesStart + (sourceCount > 0 && namesStart <= size ? word(namesStart - 4) : 0)
        recordsStart = (namesEnd + 7) / 8 * 8
        guard namesStart <= size, recordsStart + 8 * count == size,
          ClaimIndex.stamp.contentStart(in: Array(UnsafeRawBufferPointer(start: base, count: stampSize))) != nil,
          Array(UnsafeRawBufferPointer(start: base + stampSize, count: 20)) == tree.bytes
        else { return nil }
      }
    }

    /// Maps `path` when it holds an index of `tree`; nil when it does not, or does not hold together.
    convenience init?(mapping path: String, tree: ObjectID) {
      let descriptor = open(path, O_RDONLY | O_CLOEXEC)
      guard descriptor >= 0 else { return nil }
      defer { close(descriptor) }
      var info = stat()
      guard fstat(descriptor, &info) == 0, info.st_size >= ClaimIndex.headerSize, info.st_size < 1 << 34 else {
        return nil
      }
      let size = Int(info.st_size)
      guard let memory = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), memory != MAP_FAILED else {
        return nil
      }
      guard let layout = Layout(of: UnsafeRawPointer(memory), size: size, tree: tree) else {
        // Before any Storage exists: no deinit will unmap it again.
        munmap(memory, size)
        return nil
      }
      self.init(base: UnsafeRawPointer(memory), size: size, mapped: true, layout: layout)
    }

    /// A copy of `bytes`, for an index just built.
    convenience init?(bytes: [UInt8], tree: ObjectID) {
      let memory = UnsafeMutableRawPointer.allocate(byteCount: max(1, bytes.count), alignment: 8)
      bytes.withUnsafeBytes { raw in
        if let source = raw.baseAddress { memory.copyMemory(from: source, byteCount: raw.count) }
      }
      guard let layout = Layout(of: UnsafeRawPointer(memory), size: bytes.count, tree: tree) else {
        memory.deallocate()
        return nil
      }
      self.init(base: UnsafeRawPointer(memory), size: bytes.count, mapped: false, layout: layout)
    }

    /// Takes over `base`, whose layout has been checked, to release it in `deinit`.
    private init(base: UnsafeRawPointer, size: Int, mapped: Bool, layout: Layout) {
      self.base = base
      self.size = size
      self.mapped = mapped
      self.layout = layout
    }

    deinit {
      if mapped {
        munmap(UnsafeMutableRawPointer(mutating: base), size)
      } else {
        UnsafeMutableRawPointer(mutating: base).deallocate()
      }
    }

    private func record(at position: Int) -> UInt64 {
      UInt64(littleEndian: base.loadUnaligned(fromByteOffset: layout.recordsStart + 8 * position, as: UInt64.self))
    }

    func id(at position: Int) -> UInt64 { record(at: position) >> 24 }

    /// The claim at `position` and its source; nil when the file does not hold together there.
    func located(at position: Int) -> (id: ClaimID, source: SourceID)? {
      let record = record(at: position)
      var hex = String(record >> 24, radix: 16)
      hex = String(repeating: "0", count: max(0, ClaimID.length - hex.count)) + hex
      guard let id = ClaimID(hex), let source = source(Int(record & 0xFF_FFFF)) else { return nil }
      return (id, source)
    }

    private func source(_ index: Int) -> SourceID? {
      guard index < layout.sourceCount else { return nil }
      if let known = sources[index] { return known }
      func word(_ offset: Int) -> Int {
        Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
      }
      let start = index == 0 ? 0 : word(ClaimIndex.headerSize + 4 * (index - 1))
      let end = word(ClaimIndex.headerSize + 4 * index)
      guard start <= end, layout.namesStart + end <= layout.recordsStart else { return nil }
      let name = String(
        decoding: UnsafeRawBufferPointer(start: base + layout.namesStart + start, count: end - start), as: UTF8.self)
      let source = SourceID(name)
      sources[index] = source
      return source
    }
  }
}

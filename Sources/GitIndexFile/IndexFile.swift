#if canImport(Glibc)
  import Glibc
#endif

/// A git index file (`.git/index`), mapped and checked but not turned into objects: the entries
/// stay where they are in the file, and only their boundaries and paths are noted, so that a few
/// of them can be looked up and replaced without parsing or rewriting the others one by one.
///
/// Opening checks everything an update relies on, and refuses (``IndexFileError``) whatever it
/// does not understand or whatever looks off; see ``open(at:nanosecondTimestamps:)``.
public final class IndexFile {
  public let path: String
  let file: MappedFile
  /// 2, 3 or 4.
  public let version: UInt32
  public var entryCount: Int { entryStarts.count - 1 }
  /// Where each entry starts in the file, then where the entries end.
  let entryStarts: [UInt32]
  /// Where each entry's whole path starts: in the file (versions 2 and 3) or in `expandedPaths`
  /// (version 4, whose paths are stored as differences from the previous one).
  let pathStarts: [UInt32]
  let pathLengths: [UInt32]
  let expandedPaths: [UInt8]
  /// The extensions, in file order.
  let extensions: [IndexExtension]
  let cacheTree: CacheTree?
  /// Entries carrying skip-worktree or intent-to-add, by position (what makes a version 3 index).
  let extendedEntries: Set<Int>
  /// Entries libgit2 would check against the work tree before writing ("racily clean": changed
  /// no earlier than the index file itself), by position.
  let racyEntries: Set<Int>
  /// Paths with conflict stages (1–3).
  let conflictedPaths: Set<[UInt8]>
  /// Version 4: entries whose path libgit2 would compress differently, in order.
  let shortPrefixEntries: [Int]
  /// The hash of the file's first bytes, every `ChecksumStates.interval` bytes, when its checksum
  /// was verified.
  var hashStates: [any SHA1Hashing] = []
  /// Whether the checksum was taken from a ``ChecksumRecord`` instead of verified (for tests).
  public internal(set) var checksumWasRecorded = false

  /// The file's `stat` data when it was read.
  public var stamp: FileStamp { file.stamp }
  /// The trailing SHA-1 of the file.
  public var checksum: [UInt8] { Array(file.bytes[(file.count - IndexFormat.checksumSize)...]) }
  /// Whether any entry has a conflict stage.
  public var hasConflicts: Bool { !conflictedPaths.isEmpty }
  /// How many entries libgit2 would check against the work tree before writing.
  public var racilyCleanEntryCount: Int { racyEntries.count }
  /// The signatures of the extensions, in file order.
  public var extensionNames: [String] { extensions.map(\.name) }

  /// Maps and checks the index at `path`, and verifies its checksum with `hasher` (on another
  /// thread while the entries are checked); nil skips the verification, as git does.
  ///
  /// `nanosecondTimestamps` says how libgit2 compares times when it looks for racily clean
  /// entries (`GIT_USE_NSEC`).
  ///
  /// - Throws: ``IndexFileError`` `.missing`, `.io`, `.corrupt` (bad header, entries out of
  ///   order, a truncated entry or extension), or `.unsupported` (a version other than 2–4, a
  ///   required extension such as a split index `link` or sparse directories `sdir`, a duplicate
  ///   extension, a cache tree or resolve-undo record libgit2 would write differently, extended
  ///   flags libgit2 would drop, an entry mode git never writes, a path libgit2 refuses).
  ///
  /// `checksumRecord` names the ``ChecksumRecord`` the last ``IndexFileWriter`` call kept: when it
  /// describes this very file, its states stand in for the verification.
  public static func open<Hasher: SHA1Hashing>(
    at path: String, nanosecondTimestamps: Bool, verifyingWith hasher: Hasher.Type?,
    checksumRecord: String? = nil
  ) throws(IndexFileError) -> IndexFile {
    let file = try MappedFile(path: path)
    let recorded = hasher.flatMap { hasher in
      checksumRecord.flatMap { ChecksumRecord.read(from: $0)?.states(of: file, as: hasher) }
    }
    let check = recorded == nil ? hasher.map { ChecksumCheck.start(on: file, using: $0) } : nil
    // A recorded file is one this module wrote from a checked file and checked entries.
    let index = try IndexFile(
      path: path, file: file, nanosecondTimestamps: nanosecondTimestamps, trusted: recorded != nil)
    if let recorded {
      index.hashStates = recorded
      index.checksumWasRecorded = true
    }
    if let check {
      let result = check.result
      guard result.isValid else { throw IndexFileError(.corrupt, "\(path) does not match its checksum") }
      index.hashStates = result.states
    }
    return index
  }

  /// Maps and checks the index at `path` without verifying its checksum.
  public static func open(at path: String, nanosecondTimestamps: Bool) throws(IndexFileError) -> IndexFile {
    try open(at: path, nanosecondTimestamps: nanosecondTimestamps, verifyingWith: SHA1.Type?.none)
  }

  private init(path: String, file: MappedFile, nanosecondTimestamps: Bool, trusted: Bool = false)
    throws(IndexFileError)
  {
    self.path = path
    self.file = file
    let base = file.base
    let size = file.count
    guard size >= IndexFormat.headerSize + IndexFormat.checksumSize else {
      throw IndexFileError(.corrupt, "\(path) is too short to be an index")
    }
    guard base.bigEndianUInt32(at: 0) == IndexFormat.signature else {
      throw IndexFileError(.corrupt, "\(path) does not start with an index signature")
    }
    version = base.bigEndianUInt32(at: 4)
    guard (2...4).contains(version) else { throw IndexFileError(.unsupported, "index version \(version)") }
    let count = Int(base.bigEndianUInt32(at: 8))
    let limit = size - IndexFormat.checksumSize
    var walk = EntryWalk(
      base: base, limit: limit, version: version, count: count,
      stamp: file.stamp, nanosecondTimestamps: nanosecondTimestamps)
    walk.trusted = trusted
    try walk.run()
    entryStarts = walk.entryStarts
    pathStarts = walk.pathStarts
    pathLengths = walk.pathLengths
    expandedPaths = walk.expandedPaths
    extendedEntries = walk.extendedEntries
    racyEntries = walk.racyEntries
    conflictedPaths = walk.conflictedPaths
    shortPrefixEntries = walk.shortPrefixEntries
    (extensions, cacheTree) = try Self.readExtensions(base: base, from: walk.offset, limit: limit)
    if checksum.allSatisfy({ $0 == 0 }) { throw IndexFileError(.unsupported, "\(path) has no checksum") }
  }

  private static func readExtensions(base: UnsafeRawPointer, from start: Int, limit: Int) throws(IndexFileError)
    -> ([IndexExtension], CacheTree?)
  {
    var extensions: [IndexExtension] = []
    var cacheTree: CacheTree?
    var offset = start
    while offset < limit {
      guard limit - offset >= 8 else { throw IndexFileError(.corrupt, "a truncated extension header") }
      let signature = Array(UnsafeRawBufferPointer(start: base + offset, count: 4))
      let length = Int(base.bigEndianUInt32(at: offset + 4))
      guard length <= limit - offset - 8 else { throw IndexFileError(.corrupt, "a truncated extension") }
      let found = IndexExtension(
        signature: signature, range: offset..<offset + 8 + length, dataRange: offset + 8..<offset + 8 + length)
      guard found.isOptional else {
        throw IndexFileError(.unsupported, "the index has the required extension '\(found.name)'")
      }
      guard !extensions.contains(where: { $0.signature == signature }) else {
        throw IndexFileError(.unsupported, "the index has two '\(found.name)' extensions")
      }
      let data = UnsafeRawBufferPointer(start: base + found.dataRange.lowerBound, count: length)
      switch signature {
      case IndexExtension.cacheTree: cacheTree = try CacheTree(base: base, range: found.dataRange)
      case IndexExtension.resolveUndo: try IndexExtension.validateResolveUndo(data)
      case IndexExtension.conflictNames: try IndexExtension.validateConflictNames(data)
      default: break
      }
      extensions.append(found)
      offset = found.range.upperBound
    }
    return (extensions, cacheTree)
  }

  /// Calls `body` with the base address against which ``pathStarts`` count.
  @inline(__always) func withPathBase<Result>(_ body: (UnsafeRawPointer) -> Result) -> Result {
    if version < 4 { return body(file.base) }
    return expandedPaths.withUnsafeBytes { body($0.baseAddress ?? file.base) }
  }

  /// The path of the entry at `position`.
  public func path(at position: Int) -> [UInt8] {
    withPathBase { base in
      Array(UnsafeRawBufferPointer(start: base + Int(pathStarts[position]), count: Int(pathLengths[position])))
    }
  }

  /// The stage (0–3) of the entry at `position`.
  func stage(at position: Int) -> Int {
    Int(
      (file.base.bigEndianUInt16(at: Int(entryStarts[position]) + IndexFormat.flagsOffset) & IndexFormat.stageMask)
        >> 12)
  }

  /// Where `(path, stage)` is, or where it would go: the first entry not before it.
  func position(of path: [UInt8], stage: Int) -> (found: Bool, position: Int) {
    path.withUnsafeBytes { key in
      withPathBase { base in
        var low = 0
        var high = entryCount
        while low < high {
          let middle = (low + high) / 2
          let order = Self.compare(
            base + Int(pathStarts[middle]), Int(pathLengths[middle]), self.stage(at: middle), key, stage)
          if order < 0 { low = middle + 1 } else { high = middle }
        }
        let found =
          low < entryCount
          && Self.compare(base + Int(pathStarts[low]), Int(pathLengths[low]), self.stage(at: low), key, stage) == 0
        return (found, low)
      }
    }
  }

  /// The stage-0 entry at `path`, or nil.
  public func entry(at path: [UInt8]) -> IndexFileEntry? {
    let (found, position) = position(of: path, stage: 0)
    guard found else { return nil }
    return IndexFileEntry(at: Int(entryStarts[position]), in: file.base, path: path)
  }

  /// Orders an entry's (path, stage) against `key` at `stage`, as git sorts entries.
  @inline(__always) static func compare(
    _ path: UnsafeRawPointer, _ length: Int, _ pathStage: Int, _ key: UnsafeRawBufferPointer, _ stage: Int
  ) -> Int {
    let common = min(length, key.count)
    if common > 0, let keyBase = key.baseAddress {
      let order = memcmp(path, keyBase, common)
      if order != 0 { return Int(order) }
    }
    if length != key.count { return length < key.count ? -1 : 1 }
    return pathStage - stage
  }
}

@available(*, unavailable)
extension IndexFile: Sendable {}

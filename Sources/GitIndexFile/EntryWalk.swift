#if canImport(Glibc)
  import Glibc
#endif

/// One pass over the entries of an index file: finds where each entry and its path lie, and
/// checks everything a later update relies on — bounds, padding, order, extended flags, modes,
/// paths — noting the entries libgit2 would treat specially (racily clean, extended, conflicted).
struct EntryWalk {
  let base: UnsafeRawPointer
  /// Where the entries and extensions must end: the start of the checksum.
  let limit: Int
  let version: UInt32
  let count: Int
  let stamp: FileStamp
  let nanosecondTimestamps: Bool
  /// Whether the file is one this module wrote itself and has checked before (proven by its
  /// ``ChecksumRecord``): only the boundaries of the entries and what depends on the file's own
  /// time are found, not the checks every entry passed when it was written.
  var trusted = false

  var offset = IndexFormat.headerSize
  var entryStarts: [UInt32] = []
  var pathStarts: [UInt32] = []
  var pathLengths: [UInt32] = []
  var expandedPaths: [UInt8] = []
  var extendedEntries: Set<Int> = []
  var racyEntries: Set<Int> = []
  var conflictedPaths: Set<[UInt8]> = []
  /// Version 4: entries stored with less of the previous path than they share with it, in order.
  var shortPrefixEntries: [Int] = []

  init(
    base: UnsafeRawPointer, limit: Int, version: UInt32, count: Int, stamp: FileStamp, nanosecondTimestamps: Bool
  ) {
    self.base = base
    self.limit = limit
    self.version = version
    self.count = count
    self.stamp = stamp
    self.nanosecondTimestamps = nanosecondTimestamps
  }

  mutating func run() throws(IndexFileError) {
    // Each entry takes at least 63 bytes: a count beyond that is a damaged header.
    guard count <= (limit - offset) / (IndexFormat.pathOffset + 1) else {
      throw IndexFileError(.corrupt, "the header counts \(count) entries, more than the file holds")
    }
    entryStarts.reserveCapacity(count + 1)
    pathStarts.reserveCapacity(count)
    pathLengths.reserveCapacity(count)
    if version == 4 { expandedPaths.reserveCapacity(count * 48) }
    if trusted && version < 4 { return try runTrusted() }
    // libgit2 compares the entry's time as a signed 32-bit number of seconds.
    let stampSeconds = Int32(truncatingIfNeeded: stamp.modificationSeconds)
    let stampNanoseconds = UInt32(truncatingIfNeeded: stamp.modificationNanoseconds)
    var previousStart = 0
    var previousLength = 0
    var previousStage = -1
    // Version 4: the path being expanded (kept apart from `expandedPaths`, which it is appended to).
    var currentPath: [UInt8] = []
    currentPath.reserveCapacity(IndexFormat.longestCompressedPath)
    for position in 0..<count {
      let start = offset
      guard limit - start >= IndexFormat.pathOffset else { throw corrupt(position, "is truncated") }
      let flags = base.bigEndianUInt16(at: start + IndexFormat.flagsOffset)
      var pathOffset = start + IndexFormat.pathOffset
      if flags & IndexFormat.extendedFlag != 0 {
        guard version >= 3 else { throw unsupported(position, "has extended flags in a version 2 index") }
        guard limit - pathOffset >= 2 else { throw corrupt(position, "is truncated") }
        let extended = base.bigEndianUInt16(at: pathOffset)
        guard extended & ~IndexFormat.knownExtendedFlags == 0 else {
          throw unsupported(position, "has extended flags git does not define")
        }
        // libgit2 drops an extended flag word with neither flag set when it writes version 3.
        guard extended != 0 || version == 4 else { throw unsupported(position, "has an empty extended flag word") }
        if extended != 0 { extendedEntries.insert(position) }
        pathOffset += 2
      }
      let mode = base.bigEndianUInt32(at: start + IndexFormat.modeOffset)
      guard IndexFormat.isValidMode(mode) else { throw unsupported(position, "has mode \(String(mode, radix: 8))") }
      let stage = Int((flags & IndexFormat.stageMask) >> 12)

      var pathStart: Int
      var pathLength: Int
      if version < 4 {
        let named = Int(flags & IndexFormat.nameMask)
        if named == Int(IndexFormat.nameMask) {
          guard let nul = memchr(base + pathOffset, 0, limit - pathOffset) else {
            throw corrupt(position, "has no path end")
          }
          pathLength = UnsafeRawPointer(nul) - (base + pathOffset)
        } else {
          // A NUL inside the path is caught by the path inspection below.
          guard limit - pathOffset > named, base.load(fromByteOffset: pathOffset + named, as: UInt8.self) == 0 else {
            throw corrupt(position, "has a path whose length its flags misstate")
          }
          pathLength = named
        }
        let size = (pathOffset - start + pathLength + 8) & ~7
        guard limit - start >= size else { throw corrupt(position, "is truncated") }
        for padding in pathOffset + pathLength..<start + size
        where base.load(fromByteOffset: padding, as: UInt8.self) != 0 {
          throw unsupported(position, "has padding that is not zero")
        }
        pathStart = pathOffset
        offset = start + size
      } else {
        guard let (strip, varintLength) = VariableLengthInteger.decode(base, at: pathOffset, end: limit),
          strip <= previousLength
        else { throw corrupt(position, "has a bad path prefix length") }
        let suffixStart = pathOffset + varintLength
        guard suffixStart < limit, let nul = memchr(base + suffixStart, 0, limit - suffixStart) else {
          throw corrupt(position, "has no path end")
        }
        let suffixLength = UnsafeRawPointer(nul) - (base + suffixStart)
        let kept = previousLength - strip
        pathLength = kept + suffixLength
        guard pathLength < IndexFormat.longestCompressedPath else { throw unsupported(position, "has a path too long") }
        // libgit2 keeps the longest common prefix; git keeps a shorter one at the start of each
        // block of its offset table (IEOT). Such an entry is compressed anew when written.
        if kept < previousLength, suffixLength > 0,
          currentPath[kept] == base.load(fromByteOffset: suffixStart, as: UInt8.self)
        {
          shortPrefixEntries.append(position)
        }
        currentPath.removeLast(strip)
        currentPath.append(contentsOf: UnsafeRawBufferPointer(start: base + suffixStart, count: suffixLength))
        pathStart = expandedPaths.count
        expandedPaths.append(contentsOf: currentPath)
        offset = suffixStart + suffixLength + 1
      }

      let pathBase = version < 4 ? base : nil
      let order: Int = expandedPathsOrFile(pathBase) { paths in
        switch IndexPathRules.inspect(paths, pathStart, pathLength) {
        case .plain: break
        case .suspicious: return Int.min
        case .containsNUL: return Int.min + 1
        }
        guard position > 0 else { return 1 }
        return IndexFile.compare(
          paths + pathStart, pathLength, stage,
          UnsafeRawBufferPointer(start: paths + previousStart, count: previousLength), previousStage)
      }
      if order == Int.min { throw unsupported(position, "has a path libgit2 refuses") }
      if order == Int.min + 1 { throw corrupt(position, "has a path whose length its flags misstate") }
      guard order > 0 else { throw corrupt(position, "is out of order") }
      if stage != 0 { conflictedPaths.insert(pathBytes(pathBase, pathStart, pathLength)) }

      if mode != IndexFormat.gitlink,
        isRacy(entryAt: start, stampSeconds: stampSeconds, stampNanoseconds: stampNanoseconds)
      {
        racyEntries.insert(position)
      }

      entryStarts.append(UInt32(start))
      pathStarts.append(UInt32(pathStart))
      pathLengths.append(UInt32(pathLength))
      previousStart = pathStart
      previousLength = pathLength
      previousStage = stage
    }
    entryStarts.append(UInt32(offset))
  }

  /// Whether the entry at `start` was modified no earlier than the index file was written (to the
  /// nanosecond when the entries record them), so that its stat data cannot prove it unchanged:
  /// git's racy-clean rule. A stamp of 0 seconds means "unknown" and makes nothing racy.
  @inline(__always)
  private func isRacy(entryAt start: Int, stampSeconds: Int32, stampNanoseconds: UInt32) -> Bool {
    guard stampSeconds != 0 else { return false }
    let seconds = Int32(bitPattern: base.bigEndianUInt32(at: start + 8))
    let nanoseconds = base.bigEndianUInt32(at: start + 12)
    return nanosecondTimestamps
      ? stampSeconds < seconds || (stampSeconds == seconds && stampNanoseconds <= nanoseconds)
      : stampSeconds <= seconds
  }

  /// The walk over a trusted version 2 or 3 file: each entry's bounds (still checked against the
  /// file's end, so that nothing is read outside it), its path, stage, extended flags and whether
  /// it is racily clean against this file's time, nothing more.
  private mutating func runTrusted() throws(IndexFileError) {
    let stampSeconds = Int32(truncatingIfNeeded: stamp.modificationSeconds)
    let stampNanoseconds = UInt32(truncatingIfNeeded: stamp.modificationNanoseconds)
    for position in 0..<count {
      let start = offset
      guard limit - start >= IndexFormat.pathOffset else { throw corrupt(position, "is truncated") }
      let flags = base.bigEndianUInt16(at: start + IndexFormat.flagsOffset)
      var pathOffset = start + IndexFormat.pathOffset
      if flags & IndexFormat.extendedFlag != 0 {
        guard version >= 3, limit - pathOffset >= 2 else { throw corrupt(position, "is truncated") }
        if base.bigEndianUInt16(at: pathOffset) != 0 { extendedEntries.insert(position) }
        pathOffset += 2
      }
      let named = Int(flags & IndexFormat.nameMask)
      let pathLength: Int
      if named == Int(IndexFormat.nameMask) {
        guard let nul = memchr(base + pathOffset, 0, limit - pathOffset) else {
          throw corrupt(position, "has no path end")
        }
        pathLength = UnsafeRawPointer(nul) - (base + pathOffset)
      } else {
        pathLength = named
      }
      let size = (pathOffset - start + pathLength + 8) & ~7
      guard limit - start >= size else { throw corrupt(position, "is truncated") }
      if flags & IndexFormat.stageMask != 0 { conflictedPaths.insert(pathBytes(base, pathOffset, pathLength)) }
      let mode = base.bigEndianUInt32(at: start + IndexFormat.modeOffset)
      if mode != IndexFormat.gitlink,
        isRacy(entryAt: start, stampSeconds: stampSeconds, stampNanoseconds: stampNanoseconds)
      {
        racyEntries.insert(position)
      }
      entryStarts.append(UInt32(start))
      pathStarts.append(UInt32(pathOffset))
      pathLengths.append(UInt32(pathLength))
      offset = start + size
    }
    entryStarts.append(UInt32(offset))
  }

  /// Calls `body` with the file (versions 2 and 3) or the expanded paths (version 4).
  @inline(__always) private func expandedPathsOrFile<Result>(
    _ file: UnsafeRawPointer?, _ body: (UnsafeRawPointer) -> Result
  ) -> Result {
    if let file { return body(file) }
    return expandedPaths.withUnsafeBytes { body($0.baseAddress ?? base) }
  }

  private func pathBytes(_ file: UnsafeRawPointer?, _ start: Int, _ length: Int) -> [UInt8] {
    expandedPathsOrFile(file) { Array(UnsafeRawBufferPointer(start: $0 + start, count: length)) }
  }

  private func corrupt(_ position: Int, _ what: String) -> IndexFileError {
    IndexFileError(.corrupt, "index entry \(position + 1) \(what)")
  }

  private func unsupported(_ position: Int, _ what: String) -> IndexFileError {
    IndexFileError(.unsupported, "index entry \(position + 1) \(what)")
  }
}

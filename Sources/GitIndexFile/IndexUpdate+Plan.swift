/// The new index file an ``IndexUpdate`` gives, as pieces to write in order before the checksum.
public struct IndexFilePlan {
  enum Piece: Sendable {
    /// Bytes of the old file, as they are.
    case original(Range<Int>)
    case bytes([UInt8])
  }

  let file: IndexFile
  let pieces: [Piece]
  /// The version written: 4 stays 4; 2 and 3 become 3 when an entry keeps extended flags, else 2.
  public let version: UInt32
  public let entryCount: Int

  /// The pieces with the mapped file they refer to, for another thread.
  var sendablePieces: (file: MappedFile, pieces: [Piece]) { (file.file, pieces) }

  /// How many bytes the new file shares with the start of the old one.
  var unchangedPrefix: Int {
    let old = file.file.bytes
    let oldLength = old.count - IndexFormat.checksumSize
    var offset = 0
    for piece in pieces {
      switch piece {
      case .original(let range):
        // Copied to where it was: the same bytes.
        guard range.lowerBound == offset else { return offset }
        offset += range.count
      case .bytes(let bytes):
        for byte in bytes {
          guard offset < oldLength, old[offset] == byte else { return offset }
          offset += 1
        }
      }
    }
    return min(offset, oldLength)
  }

  /// The size of the new file, checksum included.
  public var size: Int { Self.size(of: pieces) + IndexFormat.checksumSize }

  static func size(of pieces: [Piece]) -> Int {
    pieces.reduce(0) { total, piece in
      switch piece {
      case .original(let range): total + range.count
      case .bytes(let bytes): total + bytes.count
      }
    }
  }
}

extension IndexUpdate {
  /// The entries libgit2 would compare with their work-tree files before writing (racily clean:
  /// changed no earlier than the index was written) that this update leaves as they are; nil when
  /// one of them is not a stage-0 entry (a conflict), which is left to libgit2.
  public var untouchedRacyEntries: [IndexFileEntry]? {
    var entries: [IndexFileEntry] = []
    for position in file.racyEntries.sorted() {
      let path = file.path(at: position)
      guard changed[path] == nil else { continue }
      guard file.stage(at: position) == 0, let entry = file.entry(at: path) else { return nil }
      entries.append(entry)
    }
    return entries
  }

  /// Plans the new file.
  /// - Parameter racyEntriesAreUnchanged: the caller has found every one of
  ///   ``untouchedRacyEntries`` to hold what its work-tree file holds, so that libgit2 would leave
  ///   them as they are.
  /// - Throws: `.unsupported` when an untouched entry is racily clean and not known unchanged:
  ///   libgit2 would first compare it with its work-tree file, and perhaps change it
  ///   (`truncate_racily_clean`).
  public func plan(racyEntriesAreUnchanged: Bool = false) throws(IndexFileError) -> IndexFilePlan {
    for position in file.racyEntries where !racyEntriesAreUnchanged && changed[file.path(at: position)] == nil {
      throw IndexFileError(
        .unsupported,
        "'\(String(decoding: file.path(at: position), as: UTF8.self))' changed no earlier than the index (racily clean)"
      )
    }
    let keys = changed.keys.sorted { $0.lexicographicallyPrecedes($1) }
    let located = keys.map { file.position(of: $0, stage: 0) }
    var version = file.version
    if version < 4 {
      let replacedExtended = located.filter { $0.found && file.extendedEntries.contains($0.position) }.count
      version = file.extendedEntries.count > replacedExtended ? 3 : 2
    }
    var builder = Builder(file: file)
    var cursor = 0
    for (key, place) in zip(keys, located) {
      builder.copyEntries(cursor..<place.position)
      cursor = place.found ? place.position + 1 : place.position
      if let change = changed[key], let entry = change { builder.add(entry) }
    }
    builder.copyEntries(cursor..<file.entryCount)

    var header: [UInt8] = []
    header.appendBigEndian(IndexFormat.signature)
    header.appendBigEndian(version)
    header.appendBigEndian(UInt32(builder.count))
    var pieces: [IndexFilePlan.Piece] = [.bytes(header)]
    pieces += builder.pieces
    // libgit2 writes the cache tree, then the conflict names, then resolve-undo, and nothing else.
    if let cacheTree {
      let data = cacheTree.pieces
      var header = IndexExtension.cacheTree
      header.appendBigEndian(UInt32(IndexFilePlan.size(of: data)))
      pieces.append(.bytes(header))
      pieces += data
    }
    for signature in [IndexExtension.conflictNames, IndexExtension.resolveUndo] {
      if let kept = file.extensions.first(where: { $0.signature == signature }), !kept.dataRange.isEmpty {
        pieces.append(.original(kept.range))
      }
    }
    return IndexFilePlan(file: file, pieces: pieces, version: version, entryCount: builder.count)
  }
}

/// Assembles the entries of the new file.
private struct Builder {
  let file: IndexFile
  var pieces: [IndexFilePlan.Piece] = []
  var count = 0
  /// The path of the last entry added (version 4 compresses each path against it).
  var previousPath: [UInt8] = []

  init(file: IndexFile) {
    self.file = file
  }

  mutating func copyEntries(_ range: Range<Int>) {
    guard !range.isEmpty else { return }
    // Entries libgit2 would compress differently start runs of their own, compressed anew.
    if file.version == 4, let split = file.shortPrefixEntries.firstElement(notBelow: range.lowerBound + 1),
      split < range.upperBound
    {
      copyRun(range.lowerBound..<split)
      copyEntries(split..<range.upperBound)
      return
    }
    copyRun(range)
  }

  private mutating func copyRun(_ range: Range<Int>) {
    var first = range.lowerBound
    if file.version == 4 {
      // The first entry of a run follows a new neighbour: its path is compressed anew.
      let start = Int(file.entryStarts[first])
      let flags = file.file.base.bigEndianUInt16(at: start + IndexFormat.flagsOffset)
      let headerSize = IndexFormat.pathOffset + (flags & IndexFormat.extendedFlag != 0 ? 2 : 0)
      let header = Array(UnsafeRawBufferPointer(start: file.file.base + start, count: headerSize))
      let path = file.path(at: first)
      append(header + compressed(path))
      previousPath = path
      count += 1
      first += 1
    }
    if first < range.upperBound {
      append(Int(file.entryStarts[first])..<Int(file.entryStarts[range.upperBound]))
      count += range.upperBound - first
      if file.version == 4 { previousPath = file.path(at: range.upperBound - 1) }
    }
  }

  mutating func add(_ entry: IndexFileEntry) {
    if file.version == 4 {
      append(entry.encodedHeader + compressed(entry.path))
      previousPath = entry.path
    } else {
      append(entry.encodedUncompressed)
    }
    count += 1
  }

  /// `path` as version 4 stores it after `previousPath`: how many bytes to drop from the end of
  /// the previous path, then the rest of this one, NUL-terminated (git's `ce_write_entry`).
  private func compressed(_ path: [UInt8]) -> [UInt8] {
    var common = 0
    while common < path.count, common < previousPath.count, path[common] == previousPath[common] { common += 1 }
    return VariableLengthInteger.encode(previousPath.count - common) + path[common...] + [0]
  }

  private mutating func append(_ bytes: [UInt8]) {
    if case .bytes(var earlier) = pieces.last {
      // Taken out first, so that it grows in place.
      pieces.removeLast()
      earlier += bytes
      pieces.append(.bytes(earlier))
    } else {
      pieces.append(.bytes(bytes))
    }
  }

  private mutating func append(_ range: Range<Int>) {
    if case .original(let earlier) = pieces.last, earlier.upperBound == range.lowerBound {
      pieces[pieces.count - 1] = .original(earlier.lowerBound..<range.upperBound)
    } else {
      pieces.append(.original(range))
    }
  }
}

extension Array where Element == Int {
  /// The first element not less than `value`, in a sorted array; nil when there is none.
  fileprivate func firstElement(notBelow value: Int) -> Int? {
    var low = 0
    var high = count
    while low < high {
      let middle = (low + high) / 2
      if self[middle] < value { low = middle + 1 } else { high = middle }
    }
    return low < count ? self[low] : nil
  }
}

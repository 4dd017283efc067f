/// One stage-0 entry of the index: a path, the object it holds, and the `stat` data git compares
/// with the work-tree file to tell whether it changed.
///
/// Times, device, inode, ids and size are the 32-bit fields the format stores (truncated, as git
/// and libgit2 truncate them).
public struct IndexFileEntry: Equatable, Sendable {
  public var path: [UInt8]
  public var changeSeconds: UInt32 = 0
  public var changeNanoseconds: UInt32 = 0
  public var modificationSeconds: UInt32 = 0
  public var modificationNanoseconds: UInt32 = 0
  public var device: UInt32 = 0
  public var inode: UInt32 = 0
  public var mode: UInt32
  public var userID: UInt32 = 0
  public var groupID: UInt32 = 0
  public var fileSize: UInt32 = 0
  /// The 20-byte object name.
  public var objectID: [UInt8]

  public init(path: [UInt8], mode: UInt32, objectID: [UInt8]) {
    self.path = path
    self.mode = mode
    self.objectID = objectID
  }

  /// Reads the fixed fields of the entry at `start` in `base`; the path is given.
  init(at start: Int, in base: UnsafeRawPointer, path: [UInt8]) {
    self.path = path
    changeSeconds = base.bigEndianUInt32(at: start)
    changeNanoseconds = base.bigEndianUInt32(at: start + 4)
    modificationSeconds = base.bigEndianUInt32(at: start + 8)
    modificationNanoseconds = base.bigEndianUInt32(at: start + 12)
    device = base.bigEndianUInt32(at: start + 16)
    inode = base.bigEndianUInt32(at: start + 20)
    mode = base.bigEndianUInt32(at: start + 24)
    userID = base.bigEndianUInt32(at: start + 28)
    groupID = base.bigEndianUInt32(at: start + 32)
    fileSize = base.bigEndianUInt32(at: start + 36)
    objectID = Array(UnsafeRawBufferPointer(start: base + start + 40, count: IndexFormat.objectIDSize))
  }

  /// The 62 bytes before the path of a new stage-0 entry without extended flags, as libgit2 writes
  /// them (`write_disk_entry`): the flags hold only the name length, capped at 0xFFF.
  var encodedHeader: [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(IndexFormat.pathOffset + path.count + 8)
    for field in [
      changeSeconds, changeNanoseconds, modificationSeconds, modificationNanoseconds, device, inode, mode, userID,
      groupID, fileSize,
    ] {
      bytes.appendBigEndian(field)
    }
    bytes += objectID
    bytes.appendBigEndian(UInt16(min(path.count, Int(IndexFormat.nameMask))))
    return bytes
  }

  /// The whole entry in a version 2 or 3 index: the path NUL-padded to a multiple of eight bytes.
  var encodedUncompressed: [UInt8] {
    var bytes = encodedHeader
    bytes += path
    let size = (IndexFormat.pathOffset + path.count + 8) & ~7
    bytes += [UInt8](repeating: 0, count: size - bytes.count)
    return bytes
  }
}

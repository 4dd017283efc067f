#if canImport(Glibc)
  import Glibc
#endif

/// What the git index keeps of a work-tree file's status (`stat`): its times, device, inode,
/// owner and size, by which git tells an untouched file from an edited one without reading it.
public struct WorkTreeFileStatus: Equatable, Sendable {
  public var changeSeconds: Int
  public var changeNanoseconds: Int
  public var modificationSeconds: Int
  public var modificationNanoseconds: Int
  public var device: UInt64
  public var inode: UInt64
  public var userID: UInt32
  public var groupID: UInt32
  public var size: Int

  public init(
    changeSeconds: Int, changeNanoseconds: Int, modificationSeconds: Int, modificationNanoseconds: Int,
    device: UInt64, inode: UInt64, userID: UInt32, groupID: UInt32, size: Int
  ) {
    self.changeSeconds = changeSeconds
    self.changeNanoseconds = changeNanoseconds
    self.modificationSeconds = modificationSeconds
    self.modificationNanoseconds = modificationNanoseconds
    self.device = device
    self.inode = inode
    self.userID = userID
    self.groupID = groupID
    self.size = size
  }

  /// The status of the file at `path` (a link is not followed), or nil when there is none.
  public init?(ofFileAt path: String) {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    self.init(info)
  }

  /// The status of the open file `descriptor`, or nil when it cannot be taken.
  public init?(ofOpenFile descriptor: Int32) {
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return nil }
    self.init(info)
  }

  private init(_ info: stat) {
    changeSeconds = Int(info.st_ctim.tv_sec)
    changeNanoseconds = Int(info.st_ctim.tv_nsec)
    modificationSeconds = Int(info.st_mtim.tv_sec)
    modificationNanoseconds = Int(info.st_mtim.tv_nsec)
    device = UInt64(info.st_dev)
    inode = UInt64(info.st_ino)
    userID = info.st_uid
    groupID = info.st_gid
    size = Int(info.st_size)
  }
}

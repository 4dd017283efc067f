internal import CLibGit2

#if canImport(Glibc)
  import Glibc
#endif

/// The files of a repository's object store as git lays them out (gitrepository-layout(5),
/// gitformat-pack(5)): loose objects in `objects/xx/`, packs beside their indexes in
/// `objects/pack/`. Read without libgit2, which has no call that lists one pack's objects or the
/// loose objects alone.
public struct ObjectStore: Sendable {
  /// One pack: its files' common path without the extension, and how many objects its index lists.
  public struct Pack: Sendable, Equatable {
    public let basePath: String
    public let objectCount: Int
    /// A `.keep` file beside it asks every repacker to leave it alone.
    public let isKept: Bool

    public init(basePath: String, objectCount: Int, isKept: Bool) {
      self.basePath = basePath
      self.objectCount = objectCount
      self.isKept = isKept
    }
  }

  /// The repository's `objects` directory.
  public let directory: String

  public init(gitDirectory: String) {
    directory = (gitDirectory.hasSuffix("/") ? String(gitDirectory.dropLast()) : gitDirectory) + "/objects"
  }

  /// About how many loose objects there are, from one fan-out directory of the 256 (`objects/17`),
  /// as `git gc --auto` estimates them: cheap enough to ask after every write.
  public var estimatedLooseObjects: Int {
    Self.names(in: "\(directory)/17").filter(Self.isLooseObjectName).count * 256
  }

  /// The packs, each with its object count read from its index's fan-out table; a pack whose index
  /// cannot be read is left out (it may be in the middle of being written).
  public var packs: [Pack] {
    let folder = "\(directory)/pack"
    let names = Set(Self.names(in: folder))
    return names.filter { Self.isPackIndexName($0) && names.contains(Self.packName(ofIndex: $0)) }.sorted().compactMap {
      name in
      let base = "\(folder)/\(name.dropLast(".idx".count))"
      guard let count = Self.indexObjectCount(at: "\(base).idx") else { return nil }
      return Pack(basePath: base, objectCount: count, isKept: names.contains("\(name.dropLast(".idx".count)).keep"))
    }
  }

  /// How many packs there are (their indexes beside a pack counted, nothing read).
  public var packCount: Int {
    let names = Set(Self.names(in: "\(directory)/pack"))
    return names.filter { Self.isPackIndexName($0) && names.contains(Self.packName(ofIndex: $0)) }.count
  }

  /// What a pack writer killed part way leaves in `objects/pack`, which no git command removes:
  /// libgit2's temporary files (`pack_git2_*`: the pack being written, its index's lock file) and
  /// an index whose pack never got its name (libgit2 names the index first, then the pack). Paths.
  public var packWriterLeftovers: [String] {
    let folder = "\(directory)/pack"
    let names = Set(Self.names(in: folder))
    return names.filter { name in
      name.hasPrefix("pack_git2_")
        || (Self.isPackIndexName(name) && !names.contains(Self.packName(ofIndex: name)))
    }.sorted().map { "\(folder)/\($0)" }
  }

  private static func isPackIndexName(_ name: String) -> Bool { name.hasPrefix("pack-") && name.hasSuffix(".idx") }

  private static func packName(ofIndex name: String) -> String { "\(name.dropLast(".idx".count)).pack" }

  /// Every loose object's id.
  public var looseObjects: [ObjectID] {
    var ids: [ObjectID] = []
    for fanOut in 0..<256 {
      let prefix = hexByte(fanOut)
      for name in Self.names(in: "\(directory)/\(prefix)") where Self.isLooseObjectName(name) {
        if let id = ObjectID(hex: prefix + name) { ids.append(id) }
      }
    }
    return ids
  }

  /// The path of a loose object's file.
  public func loosePath(of id: ObjectID) -> String {
    let hex = id.hex
    return "\(directory)/\(hex.prefix(2))/\(hex.dropFirst(2))"
  }

  /// The ids a pack index lists (versions 1 and 2), or nil when the file is not a readable index.
  public static func objectIDs(inIndexAt path: String) -> [ObjectID]? {
    guard let bytes = readFile(path), let layout = IndexLayout(bytes) else { return nil }
    var ids: [ObjectID] = []
    ids.reserveCapacity(layout.count)
    for entry in 0..<layout.count {
      let start = layout.firstID + entry * layout.stride
      if let id = ObjectID(bytes: Array(bytes[start..<(start + 20)])) { ids.append(id) }
    }
    return ids
  }

  /// How many objects the index at `path` lists, from the last entry of its fan-out table.
  static func indexObjectCount(at path: String) -> Int? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var header = [UInt8](repeating: 0, count: 8 + 1024)
    let read = header.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
    guard read == header.count else { return nil }
    let versionTwo = header[0..<4] == [0xFF, 0x74, 0x4F, 0x63]
    let fanOut = versionTwo ? 8 : 0
    return bigEndian(header, at: fanOut + 255 * 4)
  }

  /// Where an index's ids are: version 2 (`\377tOc`, version, fan-out, ids) or version 1 (fan-out,
  /// then offset and id per entry).
  private struct IndexLayout {
    let count: Int
    let firstID: Int
    let stride: Int

    init?(_ bytes: [UInt8]) {
      guard bytes.count >= 1024 else { return nil }
      if bytes.count >= 8 + 1024, bytes[0..<4] == [0xFF, 0x74, 0x4F, 0x63] {
        guard ObjectStore.bigEndian(bytes, at: 4) == 2 else { return nil }
        count = ObjectStore.bigEndian(bytes, at: 8 + 255 * 4)
        firstID = 8 + 1024
        stride = 20
      } else {
        count = ObjectStore.bigEndian(bytes, at: 255 * 4)
        firstID = 1024 + 4
        stride = 24
      }
      guard count >= 0, firstID + count * stride <= bytes.count else { return nil }
    }
  }

  private static func bigEndian(_ bytes: [UInt8], at offset: Int) -> Int {
    Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
  }

  private static func isLooseObjectName(_ name: String) -> Bool {
    name.utf8.count == 38 && name.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
  }

  private func hexByte(_ value: Int) -> String {
    let digits = Array("0123456789abcdef")
    return String([digits[value >> 4], digits[value & 15]])
  }

  static func names(in directory: String) -> [String] {
    guard let handle = opendir(directory) else { return [] }
    defer { closedir(handle) }
    var names: [String] = []
    while let entry = readdir(handle) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }

  private static func readFile(_ path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return nil }
    var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
    var done = 0
    while done < bytes.count {
      let count = bytes.withUnsafeMutableBytes { raw in
        pread(descriptor, raw.baseAddress.map { $0 + done }, raw.count - done, off_t(done))
      }
      guard count > 0 else { return nil }
      done += count
    }
    return bytes
  }
}

extension Repository {
  /// Writes `objects` (which the repository holds, loose or packed) as one new pack with its index
  /// in `objects/pack`, synced to the disk, and returns the new pack's path without extension.
  /// Objects are compressed but not searched for deltas (the settings of ``PackedObjectWriter``
  /// apply when `settingsFile` is given), as `git fast-import` writes them; `git gc` makes deltas.
  public func writePack(of objects: [ObjectID], settingsFile: String?) throws(GitError) -> String {
    let handle = try Repository(openingAt: gitDirectory)
    if let settingsFile { try PackedObjectWriter.applySettings(from: settingsFile, to: handle) }
    var builder: OpaquePointer?
    try check(git_packbuilder_new(&builder, handle.pointer), function: "git_packbuilder_new")
    guard let builder else { throw GitError(code: .invalid, message: "no pack builder") }
    defer { git_packbuilder_free(builder) }
    for object in objects {
      var oid = object.oid
      try check(git_packbuilder_insert(builder, &oid, nil), function: "git_packbuilder_insert")
    }
    let folder = ObjectStore(gitDirectory: gitDirectory).directory + "/pack"
    try check(git_packbuilder_write(builder, folder, 0, nil, nil), function: "git_packbuilder_write")
    guard let name = git_packbuilder_name(builder) else {
      throw GitError(code: .invalid, message: "the pack builder named no pack")
    }
    return "\(folder)/pack-\(String(cString: name))"
  }
}

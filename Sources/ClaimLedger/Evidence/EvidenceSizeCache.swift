import ClaimModel
import Git

/// The size of each `Evidence/<aa>/` directory, by its tree id, in
/// `<git-dir>/claims-cache/v2/evidence-sizes.bin`: a tree id names its contents, so a size stored
/// under one is right forever. Safe to delete; a missing or damaged file is empty.
struct EvidenceSizeCache {
  private static let stamp = CacheStamp(magic: "CLES", schemaVersion: 1)

  private let directory: CacheDirectory
  let path: String
  private var sizes: [ObjectID: Int] = [:]
  private var isChanged = false

  init(directory: CacheDirectory) {
    self.directory = directory
    path = directory.path(of: "evidence-sizes.bin")
    guard let bytes = FileSystem.readFile(at: path, limit: 1 << 20), let start = Self.stamp.contentStart(in: bytes)
    else { return }
    var reader = BinaryReader(bytes, position: start)
    do throws(BinaryReader.Corrupt) {
      for _ in 0..<(try reader.readCount()) {
        guard let id = ObjectID(bytes: try reader.readRaw(count: 20)) else { return }
        sizes[id] = try reader.readInt()
      }
    } catch {
      sizes = [:]
    }
  }

  func size(of tree: ObjectID) -> Int? { sizes[tree] }

  mutating func set(_ size: Int, for tree: ObjectID) {
    sizes[tree] = size
    isChanged = true
  }

  /// Writes the file when something was added; keeps at most the 4,096 newest directories' worth
  /// by dropping everything once it grows past that (it is refilled as needed).
  func save() {
    guard isChanged else { return }
    var writer = BinaryWriter()
    let kept = sizes.count > 4_096 ? [:] : sizes
    writer.write(kept.count)
    for (id, size) in kept {
      writer.write(raw: id.bytes)
      writer.write(size)
    }
    guard directory.prepare() else { return }
    try? FileSystem.writeAtomically(Self.stamp.header + writer.bytes, to: path)
  }
}

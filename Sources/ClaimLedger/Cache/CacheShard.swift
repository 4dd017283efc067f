/// The one function that spreads a ledger's sources over a cache's shard files.
///
/// Caches keyed by source keep their entries in a fixed number of files: one file per source made
/// a cold read of a large ledger spend more time creating files than reading git, and one file for
/// everything would be rewritten whole after every review.
package enum CacheShard {
  /// The shard, in `0..<count`, of the entry named `key` (FNV-1a of its UTF-8 bytes: stable across
  /// runs and builds, unlike Swift's seeded `Hasher`).
  package static func index(of key: String, count: Int) -> Int {
    var hash: UInt32 = 2_166_136_261
    for byte in key.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
    return Int(hash % UInt32(max(1, count)))
  }

  /// The file name of shard `index` inside a cache's directory.
  package static func fileName(_ index: Int) -> String { "shard-\(index).bin" }
}

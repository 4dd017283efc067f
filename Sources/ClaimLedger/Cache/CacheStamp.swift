/// The header every cache file starts with, and the one rule that decides whether a cache file may
/// be read: the file's kind, its schema version and the build that wrote it must all be this
/// build's. Entries inside a file are keyed by the content ids they were derived from (tree, blob
/// and commit ids), so together: **content ids + schema version + build**.
///
/// The build is part of the rule because a cache can hide a fix: a parser or tally corrected in a
/// new build would otherwise keep serving what the old build derived until someone deleted the
/// cache. A new build therefore starts from empty caches and refills them as it reads.
package struct CacheStamp: Sendable {
  /// Four bytes naming what the file holds (`CLMC` records, `CLMH` history, ...).
  let magic: [UInt8]
  /// The layout of the file's contents; bumped whenever the encoding changes.
  let schemaVersion: UInt8

  package init(magic: String, schemaVersion: UInt8) {
    self.magic = Array(magic.utf8)
    self.schemaVersion = schemaVersion
  }

  /// The header bytes this build writes: magic, schema version, the length of the build identity
  /// and the identity itself.
  package var header: [UInt8] {
    let build = BuildIdentity.current
    return magic + [schemaVersion, UInt8(truncatingIfNeeded: build.count)] + build
  }

  /// Where the contents start in `bytes` when they begin with this build's header; nil when they do
  /// not (another kind of file, another schema, another build, or too short): a miss.
  package func contentStart(in bytes: [UInt8]) -> Int? {
    let header = header
    guard bytes.count >= header.count, bytes[0..<header.count].elementsEqual(header) else { return nil }
    return header.count
  }
}

public import ClaimModel

/// What the last `claims evidence check` found for each archived citation, as a report reads it:
/// by the id of the event that added the citation, and only while the citation keeps the archive
/// that was checked.
public struct CitationHealthIndex: Sendable {
  private var entries: [String: (capture: String, health: CitationHealth)]

  /// An index of `entries`: event id → the capture checked and what was found.
  public init(_ entries: [String: (capture: String, health: CitationHealth)] = [:]) {
    self.entries = entries
  }

  /// Whether the index holds nothing.
  public var isEmpty: Bool { entries.isEmpty }

  /// The health of the citation that event `eventID` added, archived as `archive`.
  public func health(of eventID: String, archive: CitationArchive?) -> CitationHealth? {
    guard let archive, let entry = entries[eventID], entry.capture == archive.captureSHA256 else { return nil }
    return entry.health
  }

  /// The entries, sorted by event id: what a report of them depends on, for cache keys.
  public var canonicalBytes: [UInt8] {
    var bytes: [UInt8] = []
    for id in entries.keys.sorted() {
      guard let entry = entries[id] else { continue }
      bytes += Array(id.utf8) + [0] + Array(entry.capture.utf8) + [0]
      bytes += JSONWriter.canonicalBytes(of: entry.health.json)
    }
    return bytes
  }
}

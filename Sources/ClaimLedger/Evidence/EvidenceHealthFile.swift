public import ClaimModel

/// What `claims evidence check` last found for each archived citation, by the id of the event that
/// added the citation: the last live check and the last offline check apart, so an offline run
/// does not hide what the live one found.
///
/// Kept in `<git-dir>/claims-cache/v2/evidence-health.json`, outside the ledger's history: a check
/// is an observation of the web from one machine at one time, which anyone can make again, not a
/// reviewer's decision; committing it would add a commit to everyone's history at every nightly run
/// and make two desks' checks of the same page collide in merges. Deleting the file forgets the
/// checks until the next one. See docs/EVIDENCE.md.
public struct EvidenceHealthFile: Sendable {
  /// One citation's last checks.
  public struct Entry: Sendable, Equatable {
    /// The citation's source, so a report of some sources reads only theirs.
    public var source: SourceID
    /// The capture checked: a health is only shown while the citation keeps that archive.
    public var capture: String
    public var live: CitationHealth?
    public var offline: CitationHealth?

    public init(source: SourceID, capture: String, live: CitationHealth? = nil, offline: CitationHealth? = nil) {
      self.source = source
      self.capture = capture
      self.live = live
      self.offline = offline
    }

    /// The health a report shows: a damaged archive first (the evidence itself is in doubt), then
    /// the last live check, then the last offline one.
    public var shown: CitationHealth? {
      if let offline, offline.state == .damaged { return offline }
      return live ?? offline
    }
  }

  static let formatVersion = 1
  static let name = "evidence-health.json"

  /// Every citation's entry, by event id.
  public private(set) var entries: [String: Entry] = [:]

  public init() {}

  /// Records `health` for the citation added by event `eventID`.
  public mutating func record(_ health: CitationHealth, for eventID: String, source: SourceID, capture: String) {
    var entry = entries[eventID].flatMap { $0.capture == capture ? $0 : nil } ?? Entry(source: source, capture: capture)
    entry.source = source
    if health.isOffline { entry.offline = health } else { entry.live = health }
    entries[eventID] = entry
  }

  /// The health to show for the citation added by `eventID`, archived as `capture`.
  public func shown(for eventID: String, capture: String) -> CitationHealth? {
    guard let entry = entries[eventID], entry.capture == capture else { return nil }
    return entry.shown
  }

  /// The health to show for every citation of `sources` (all when empty), by event id.
  public func shown(in sources: Set<SourceID> = []) -> [String: CitationHealth] {
    var result: [String: CitationHealth] = [:]
    for (id, entry) in entries where sources.isEmpty || sources.contains(entry.source) {
      result[id] = entry.shown
    }
    return result
  }

  var json: JSONValue {
    var citations: [String: JSONValue] = [:]
    for (id, entry) in entries {
      var members: [String: JSONValue] = [
        "source": .string(entry.source.rawValue), "warc_sha256": .string(entry.capture),
      ]
      if let live = entry.live { members["live"] = live.json }
      if let offline = entry.offline { members["offline"] = offline.json }
      citations[id] = .object(members)
    }
    return .object(["format_version": .integer(Self.formatVersion), "citations": .object(citations)])
  }

  /// Reads the file's JSON; anything unreadable is left out (the file is derived: the next check
  /// fills it again).
  init(json: JSONValue) {
    guard case .object(let top) = json, top["format_version"] == .integer(Self.formatVersion),
      case .object(let citations)? = top["citations"]
    else { return }
    for (id, value) in citations {
      guard case .object(let members) = value, case .string(let sourceText)? = members["source"],
        let source = SourceID(sourceText), case .string(let capture)? = members["warc_sha256"]
      else { continue }
      let live = members["live"].flatMap { try? CitationHealth(json: $0) }
      let offline = members["offline"].flatMap { try? CitationHealth(json: $0) }
      entries[id] = Entry(source: source, capture: capture, live: live, offline: offline)
    }
  }
}

extension Ledger {
  private var evidenceHealthPath: String {
    CacheDirectory(gitDirectory: gitDirectory).path(of: EvidenceHealthFile.name)
  }

  /// What the last evidence checks found; empty when none was made (or the file was deleted).
  public func evidenceHealth() -> EvidenceHealthFile {
    guard let bytes = FileSystem.readFile(at: evidenceHealthPath, limit: 256 << 20),
      let json = try? JSONParser.parse(bytes)
    else { return EvidenceHealthFile() }
    return EvidenceHealthFile(json: json)
  }

  /// Keeps what a check found, replacing the file whole (through a rename).
  /// - Throws: ``LedgerError`` when the file cannot be written.
  public func saveEvidenceHealth(_ health: EvidenceHealthFile) throws(LedgerError) {
    try FileSystem.makeDirectories(CacheDirectory.relativePath, under: gitDirectory)
    try FileSystem.writeAtomically(JSONWriter.canonicalBytes(of: health.json), to: evidenceHealthPath)
  }
}

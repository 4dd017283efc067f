/// One editor's decisions about one claim, `Decisions/<source>/<claim>/<editor>.json`: that it is
/// not a claim to check (and taking that back), and who made it. A file holds its editor's events;
/// what the desk decided is computed by replaying every editor's events of the claim in one order
/// (``ClaimDecision``), so two versions of a file merge by the union of their events.
public struct DecisionRecord: LedgerRecord {
  public var claim: ClaimID
  public var source: SourceID
  public var editor: Identity
  public private(set) var events: [DecisionEvent]

  public init(claim: ClaimID, source: SourceID, editor: Identity, events: [DecisionEvent]) {
    self.claim = claim
    self.source = source
    self.editor = editor
    self.events = []
    add(events)
  }

  /// Adds events not already in the record (by id), keeping the replay order.
  public mutating func add(_ newEvents: [DecisionEvent]) {
    var seen = Set(events.map(\.id))
    for event in newEvents where seen.insert(event.id).inserted { events.append(event) }
    events.sort { $0.precedes($1) }
  }

  /// The union of two versions' events: what a merge of the file keeps.
  public func merging(_ other: DecisionRecord) -> DecisionRecord {
    var merged = self
    merged.add(other.events)
    if (other.events.last?.at.text ?? "", other.editor.description) > (events.last?.at.text ?? "", editor.description) {
      merged.editor = other.editor
    }
    return merged
  }

  /// Records `change` now, after every event already in the file, and returns the event.
  public mutating func record(_ change: DecisionEvent.Change, at time: Timestamp) -> DecisionEvent {
    let latest = events.last?.at
    let at = latest.map { $0 > time ? $0 : time } ?? time
    let event = DecisionEvent(
      at: at, sequence: (events.map(\.sequence).max() ?? 0) + 1, claim: claim, change: change, editorKey: editor.key)
    add([event])
    return event
  }

  public var json: JSONValue {
    var fields = FieldWriter()
    fields.set("format_version", .integer(1))
    fields.set("claim", .string(claim.rawValue))
    fields.set("source", .string(source.rawValue))
    fields.set("editor", .string(editor.description))
    fields.set("events", .array(events.map(\.json)))
    return fields.value
  }

  public init(json: JSONValue) throws(RecordError) {
    let fields = try FieldReader(json, what: "a decision record")
    try fields.checkFormatVersion(supported: 1)
    let claimText = try fields.string("claim")
    guard let claim = ClaimID(claimText) else {
      throw RecordError(.invalidField, "field 'claim' is not a claim id: '\(claimText.escapedForMessage)'")
    }
    let sourceText = try fields.string("source")
    guard let source = SourceID(sourceText) else {
      throw RecordError(.invalidField, "field 'source' is not a source id: '\(sourceText.escapedForMessage)'")
    }
    let editorText = try fields.string("editor")
    guard let editor = Identity(parsing: editorText) else {
      throw RecordError(.invalidField, "field 'editor' is not a usable identity: '\(editorText.escapedForMessage)'")
    }
    var events: [DecisionEvent] = []
    for element in try fields.array("events") { events.append(try DecisionEvent(json: element)) }
    guard !events.isEmpty else { throw RecordError(.invalidField, "field 'events' must list at least one event") }
    self.init(claim: claim, source: source, editor: editor, events: events)
  }
}

/// One editor's decisions about one claim, `Decisions/<source>/<claim>/<editor>.json`: that it is
/// not a claim to check (and taking that back), and who made it. A file holds its editor's events;
/// what the desk decided is computed by replaying every editor's events of the claim in one order
/// (``ClaimDecision``), so two versions of a file merge by the union of their events.
public struct DecisionRecord: LedgerRecord {
  public var claim: ClaimID
  public var source: SourceID
  public var editor: Identity
  private var log: EventLog<DecisionEvent>
  /// Its events, each once, in replay order.
  public var events: [DecisionEvent] { log.events }

  public init(claim: ClaimID, source: SourceID, editor: Identity, events: [DecisionEvent]) {
    self.claim = claim
    self.source = source
    self.editor = editor
    log = EventLog(events)
  }

  /// Adds events not already in the record (by id), keeping the replay order.
  public mutating func add(_ newEvents: [DecisionEvent]) {
    log.add(newEvents)
  }

  /// The union of two versions' events: what a merge of the file keeps.
  public func merging(_ other: DecisionRecord) -> DecisionRecord {
    var merged = self
    merged.log.add(other.events)
    merged.editor = EventLog.mergedAuthor(editor, of: log, other.editor, of: other.log)
    return merged
  }

  /// Records `change` now, after every event already in the file, and returns the event.
  @discardableResult
  public mutating func record(_ change: DecisionEvent.Change, at time: Timestamp) -> DecisionEvent {
    let place = log.nextPlace(at: time)
    let event = DecisionEvent(
      at: place.at, sequence: place.sequence, claim: claim, change: change, editorKey: editor.key)
    log.add([event])
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
    let claim = try fields.claimID("claim")
    let source = try fields.sourceID("source")
    let editor = try fields.identity("editor")
    var events: [DecisionEvent] = []
    for element in try fields.array("events") { events.append(try DecisionEvent(json: element)) }
    guard !events.isEmpty else { throw RecordError(.invalidField, "field 'events' must list at least one event") }
    self.init(claim: claim, source: source, editor: editor, events: events)
  }
}

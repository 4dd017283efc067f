/// One person's links of one claim, `Links/<source>/<claim>/<linker>.json`: which earlier
/// fact-checks or claims they said it is the same as. A file holds its linker's events; what it
/// says is computed by replaying them, so two versions merge by the union of their events and
/// a link made on one side survives an unlink made on the other without seeing it (add wins).
public struct LinkRecord: LedgerRecord {
  public var claim: ClaimID
  public var source: SourceID
  public var linker: Identity
  private var log: EventLog<LinkEvent>
  /// Its events, each once, in replay order.
  public var events: [LinkEvent] { log.events }

  public init(claim: ClaimID, source: SourceID, linker: Identity, events: [LinkEvent]) {
    self.claim = claim
    self.source = source
    self.linker = linker
    log = EventLog(events)
  }

  /// Adds events not already in the record (by id), keeping the replay order.
  public mutating func add(_ newEvents: [LinkEvent]) {
    log.add(newEvents)
  }

  /// The union of two versions' events: what a merge of the file keeps.
  public func merging(_ other: LinkRecord) -> LinkRecord {
    var merged = self
    merged.log.add(other.events)
    merged.linker = EventLog.mergedAuthor(linker, of: log, other.linker, of: other.log)
    return merged
  }

  /// The links in force, in the order they were made, each target once (its first link event).
  public var links: [(target: LinkTarget, event: LinkEvent)] {
    var removed: Set<String> = []
    for event in events { if case .unlink(let ids) = event.change { removed.formUnion(ids) } }
    var seen: Set<LinkTarget> = []
    var result: [(LinkTarget, LinkEvent)] = []
    for event in events {
      guard case .link(let target) = event.change, !removed.contains(event.id), seen.insert(target).inserted else {
        continue
      }
      result.append((target, event))
    }
    return result
  }

  /// Records `change` now, after every event already in the file, and returns the event.
  public mutating func record(_ change: LinkEvent.Change, at time: Timestamp) -> LinkEvent {
    let place = log.nextPlace(at: time)
    let event = LinkEvent(at: place.at, sequence: place.sequence, claim: claim, change: change, linkerKey: linker.key)
    log.add([event])
    return event
  }

  public var json: JSONValue {
    var fields = FieldWriter()
    fields.set("format_version", .integer(1))
    fields.set("claim", .string(claim.rawValue))
    fields.set("source", .string(source.rawValue))
    fields.set("linker", .string(linker.description))
    fields.set("events", .array(events.map(\.json)))
    return fields.value
  }

  public init(json: JSONValue) throws(RecordError) {
    let fields = try FieldReader(json, what: "a link record")
    try fields.checkFormatVersion(supported: 1)
    let claim = try fields.claimID("claim")
    let source = try fields.sourceID("source")
    let linker = try fields.identity("linker")
    var events: [LinkEvent] = []
    for element in try fields.array("events") { events.append(try LinkEvent(json: element)) }
    guard !events.isEmpty else { throw RecordError(.invalidField, "field 'events' must list at least one event") }
    self.init(claim: claim, source: source, linker: linker, events: events)
  }
}

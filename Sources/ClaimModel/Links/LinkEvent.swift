/// One thing a person did to their links of a claim: the unit a link record is made of, as events
/// are of a review (see ``ReviewEvent``), so that two copies of the file merge by the union of
/// their events and an unlink removes only the links its author saw.
public struct LinkEvent: Sendable, Equatable, StampedEvent {
  public enum Change: Sendable, Equatable {
    /// Said the claim is the same as `target`.
    case link(LinkTarget)
    /// Took back the links made by the events with these ids.
    case unlink([String])

    public var name: String {
      switch self {
      case .link: "link"
      case .unlink: "unlink"
      }
    }
  }

  /// Its id, time and sequence number (see ``EventStamp``).
  let stamp: EventStamp
  public let change: Change

  /// Sixteen hex digits derived from everything else, so that a copy keeps its id.
  public var id: String { stamp.id }
  public var at: Timestamp { stamp.at }
  /// One more than the largest sequence number in the file when it was made.
  public var sequence: Int { stamp.sequence }

  public init(at: Timestamp, sequence: Int, claim: ClaimID, change: Change, linkerKey: String) {
    stamp = EventStamp(
      domain: "claims-link-event-v1", authorKey: linkerKey, claim: claim, at: at, sequence: sequence,
      payload: Self.payload(change))
    self.change = change
  }

  private init(stamp: EventStamp, change: Change) {
    self.stamp = stamp
    self.change = change
  }

  /// The one order every clone replays events in: time, then sequence number, then id.
  public func precedes(_ other: LinkEvent) -> Bool { stamp.precedes(other.stamp) }

  var json: JSONValue { stamp.json(adding: Self.payload(change)) }

  private static func payload(_ change: Change) -> JSONValue {
    var fields = FieldWriter()
    fields.set("type", .string(change.name))
    switch change {
    case .link(let target):
      fields.set("target", .string(target.key))
      fields.set("target_kind", .string(target.kind.rawValue))
    case .unlink(let ids):
      fields.set("removes", .array(ids.map { .string($0) }))
    }
    return fields.value
  }

  init(json: JSONValue) throws(RecordError) {
    let fields = try FieldReader(json, what: "a link event")
    let stamp = try EventStamp(reading: fields)
    let change: Change
    switch try fields.string("type") {
    case "link":
      let kindText = try fields.string("target_kind")
      guard let kind = LinkTarget.Kind(rawValue: kindText) else {
        throw RecordError(
          .invalidField, "an event's 'target_kind' must be 'factcheck' or 'claim', not '\(kindText.escapedForMessage)'")
      }
      let key = try fields.string("target")
      let valid = kind == .claim ? ClaimID(key) != nil : FactCheck.host(of: key) != nil
      guard valid else {
        throw RecordError(.invalidField, "an event's 'target' is not a \(kindText): '\(key.escapedForMessage)'")
      }
      change = .link(LinkTarget(kind: kind, key: key))
    case "unlink":
      var ids: [String] = []
      for element in try fields.array("removes") {
        guard case .string(let removed) = element else {
          throw RecordError(.invalidField, "an event's 'removes' must list event ids")
        }
        ids.append(removed)
      }
      change = .unlink(ids)
    case let other:
      throw RecordError(.invalidField, "an event's 'type' must be 'link' or 'unlink', not '\(other.escapedForMessage)'")
    }
    self.init(stamp: stamp, change: change)
  }

}

/// One thing an editor decided about a claim for the desk: the unit a decision record is made of,
/// as events are of a review (see ``ReviewEvent``), so that two copies of the file merge by the
/// union of their events and every clone replays them in one order.
public struct DecisionEvent: Sendable, Equatable, StampedEvent {
  public enum Change: Sendable, Equatable {
    /// The claim is not a claim to check (a quip, a question, a quoted opinion), with why.
    case notAClaim(reason: String?)
    /// Takes a `notAClaim` back: the claim is checkable again.
    case checkable
    /// Who made the claim, or nil to take a claimant back.
    case claimant(Claimant?)

    public var name: String {
      switch self {
      case .notAClaim: "not-a-claim"
      case .checkable: "checkable"
      case .claimant: "claimant"
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

  public init(at: Timestamp, sequence: Int, claim: ClaimID, change: Change, editorKey: String) {
    stamp = EventStamp(
      domain: "claims-decision-event-v1", authorKey: editorKey, claim: claim, at: at, sequence: sequence,
      payload: Self.payload(change))
    self.change = change
  }

  private init(stamp: EventStamp, change: Change) {
    self.stamp = stamp
    self.change = change
  }

  /// The one order every clone replays events in: time, then sequence number, then id.
  public func precedes(_ other: DecisionEvent) -> Bool { stamp.precedes(other.stamp) }

  var json: JSONValue { stamp.json(adding: Self.payload(change)) }

  private static func payload(_ change: Change) -> JSONValue {
    var fields = FieldWriter()
    fields.set("type", .string(change.name))
    switch change {
    case .notAClaim(let reason):
      fields.set("reason", reason)
    case .checkable:
      break
    case .claimant(let claimant):
      fields.set("claimant", claimant?.name)
      if let claimant, claimant.kind != .person { fields.set("claimant_type", claimant.kind.rawValue) }
    }
    return fields.value
  }

  init(json: JSONValue) throws(RecordError) {
    let fields = try FieldReader(json, what: "a decision event")
    let stamp = try EventStamp(reading: fields)
    let change: Change
    switch try fields.string("type") {
    case "not-a-claim":
      change = .notAClaim(reason: try fields.optionalString("reason"))
    case "checkable":
      change = .checkable
    case "claimant":
      guard let name = try fields.optionalString("claimant") else {
        change = .claimant(nil)
        break
      }
      let kindText = try fields.optionalString("claimant_type") ?? Claimant.Kind.person.rawValue
      guard let kind = Claimant.Kind(rawValue: kindText) else {
        throw RecordError(
          .invalidField,
          "an event's 'claimant_type' must be 'person' or 'organization', not '\(kindText.escapedForMessage)'")
      }
      change = .claimant(Claimant(name: name, kind: kind))
    case let other:
      throw RecordError(
        .invalidField,
        "an event's 'type' must be 'not-a-claim', 'checkable' or 'claimant', not '\(other.escapedForMessage)'")
    }
    self.init(stamp: stamp, change: change)
  }

}

/// Who made a claim: the person or organisation the article reports saying it, published as the
/// ClaimReview's `itemReviewed.author`.
public struct Claimant: Sendable, Equatable, Hashable {
  public enum Kind: String, Sendable, CaseIterable {
    case person, organization
  }

  public var name: String
  public var kind: Kind

  public init(name: String, kind: Kind = .person) {
    self.name = name
    self.kind = kind
  }
}

/// One thing an editor decided about a claim for the desk: the unit a decision record is made of,
/// as events are of a review (see ``ReviewEvent``), so that two copies of the file merge by the
/// union of their events and every clone replays them in one order.
public struct DecisionEvent: Sendable, Equatable {
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

  /// Sixteen hex digits derived from everything else, so that a copy keeps its id.
  public let id: String
  public let at: Timestamp
  /// One more than the largest sequence number in the file when it was made.
  public let sequence: Int
  public let change: Change

  public init(at: Timestamp, sequence: Int, claim: ClaimID, change: Change, editorKey: String) {
    self.at = at
    self.sequence = sequence
    self.change = change
    var material = Array("claims-decision-event-v1\0\(editorKey)\0\(claim.rawValue)\0\(at.text)\0\(sequence)\0".utf8)
    material += JSONWriter.canonicalBytes(of: Self.payload(change))
    id = String(SHA256.hexDigest(of: material).prefix(16))
  }

  private init(id: String, at: Timestamp, sequence: Int, change: Change) {
    self.id = id
    self.at = at
    self.sequence = sequence
    self.change = change
  }

  /// The one order every clone replays events in: time, then sequence number, then id.
  public func precedes(_ other: DecisionEvent) -> Bool {
    (at, sequence, id) < (other.at, other.sequence, other.id)
  }

  var json: JSONValue {
    guard case .object(var members) = Self.payload(change) else { return .null }
    members["id"] = .string(id)
    members["at"] = .string(at.text)
    members["seq"] = .integer(sequence)
    return .object(members)
  }

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
    let id = try fields.string("id")
    guard id.utf8.count == 16, id.utf8.allSatisfy(Self.isLowerHex) else {
      throw RecordError(.invalidField, "an event's 'id' must be 16 lowercase hex digits, not '\(id.escapedForMessage)'")
    }
    let atText = try fields.string("at")
    guard let at = Timestamp(atText) else {
      throw RecordError(.invalidField, "an event's 'at' is not a UTC timestamp: '\(atText.escapedForMessage)'")
    }
    let sequence = try fields.integer("seq")
    guard sequence >= 0 else { throw RecordError(.invalidField, "an event's 'seq' must not be negative") }
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
    self.init(id: id, at: at, sequence: sequence, change: change)
  }

  private static func isLowerHex(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
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

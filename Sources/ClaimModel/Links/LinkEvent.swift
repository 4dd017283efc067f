/// One thing a person did to their links of a claim: the unit a link record is made of, as events
/// are of a review (see ``ReviewEvent``), so that two copies of the file merge by the union of
/// their events and an unlink removes only the links its author saw.
public struct LinkEvent: Sendable, Equatable {
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

  /// Sixteen hex digits derived from everything else, so that a copy keeps its id.
  public let id: String
  public let at: Timestamp
  /// One more than the largest sequence number in the file when it was made.
  public let sequence: Int
  public let change: Change

  public init(at: Timestamp, sequence: Int, claim: ClaimID, change: Change, linkerKey: String) {
    self.at = at
    self.sequence = sequence
    self.change = change
    var material = Array("claims-link-event-v1\0\(linkerKey)\0\(claim.rawValue)\0\(at.text)\0\(sequence)\0".utf8)
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
  public func precedes(_ other: LinkEvent) -> Bool {
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
    self.init(id: id, at: at, sequence: sequence, change: change)
  }

  private static func isLowerHex(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
  }
}

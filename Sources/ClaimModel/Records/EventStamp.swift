/// What every event of a record merged by the union of its events carries (links, desk decisions):
/// an id derived from everything else, so that a copy of the event keeps it; the time; and a
/// sequence number, one more than the largest in the file when it was made. Events are replayed in
/// one order on every clone: time, then sequence number, then id.
struct EventStamp: Sendable, Equatable {
  let id: String
  let at: Timestamp
  let sequence: Int

  /// The stamp of a new event: its id is sixteen hex digits of the SHA-256 of `domain` (which
  /// names the record type and its version), the author's key, the claim, the time, the sequence
  /// number and the event's canonical `payload`.
  init(domain: String, authorKey: String, claim: ClaimID, at: Timestamp, sequence: Int, payload: JSONValue) {
    self.at = at
    self.sequence = sequence
    var material = Array("\(domain)\0\(authorKey)\0\(claim.rawValue)\0\(at.text)\0\(sequence)\0".utf8)
    material += JSONWriter.canonicalBytes(of: payload)
    id = String(SHA256.hexDigest(of: material).prefix(16))
  }

  /// The stamp of an event as a file holds it (`id`, `at`, `seq`).
  /// - Throws: ``RecordError`` when one of them is missing or malformed.
  init(reading fields: FieldReader) throws(RecordError) {
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
    self.id = id
    self.at = at
    self.sequence = sequence
  }

  /// The one order every clone replays events in.
  func precedes(_ other: EventStamp) -> Bool {
    (at, sequence, id) < (other.at, other.sequence, other.id)
  }

  /// `payload` (an object) with the stamp's members added.
  func json(adding payload: JSONValue) -> JSONValue {
    guard case .object(var members) = payload else { return .null }
    members["id"] = .string(id)
    members["at"] = .string(at.text)
    members["seq"] = .integer(sequence)
    return .object(members)
  }

  private static func isLowerHex(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
  }
}

/// One thing a reviewer did to their review of a claim: the unit a review record is made of.
///
/// A review file holds its reviewer's events, not just their outcome, so that two copies of the
/// file made on two machines merge by taking the union of their events: nothing either side
/// recorded is lost, and every clone computes the same current state from the same events. See
/// docs/RELIABILITY.md for the rules.
public struct ReviewEvent: Sendable, Equatable {
  /// What the event does.
  public enum Change: Sendable, Equatable {
    /// Gave a verdict, and with a note, set the note too.
    case verdict(String, note: String?)
    /// Set the note (nil: removed it).
    case note(String?)
    /// Added a citation; the citation is known by this event's id from then on.
    case cite(Citation)
    /// Removed the citations added by the events with these ids (the ones the reviewer saw).
    case uncite([String])
    /// Withdrew the verdict.
    case withdrawVerdict
    /// Withdrew the whole review: the verdict, the note and the citations the reviewer saw.
    case withdrawReview(removing: [String])
    /// A re-import carried the review here from the claim `from`, whose text was `text`: the
    /// verdict given there must be looked at again. When it merged several claims the reviewer had
    /// given different verdicts in the same second, `keeps` names the verdict event it carried (the
    /// later in the ledger's history, which the events' times cannot tell).
    case carry(from: ClaimID, text: String, keeps: String? = nil)
    /// Archived the page of the citation added by the event with this id, given earlier without
    /// an archive (`claims archive`): the citation keeps its number and id and gains `archive`.
    case archive(citation: String, CitationArchive)

    /// The event's name in the record, and in the `Action:` trailer of its commit.
    public var name: String {
      switch self {
      case .verdict: "verdict"
      case .note: "note"
      case .cite: "cite"
      case .uncite: "uncite"
      case .withdrawVerdict: "withdraw-verdict"
      case .withdrawReview: "withdraw"
      case .carry: "carry"
      case .archive: "archive"
      }
    }
  }

  /// Sixteen hex digits derived from everything else, so that the same event copied to another
  /// file or another clone keeps its id, and a union of two files keeps it once.
  public let id: String
  /// When it was done. Never earlier than an event it follows in the same file: a machine whose
  /// clock is behind records the time of the event it follows instead.
  public let at: Timestamp
  /// One more than the largest sequence number in the file when it was made (a Lamport clock):
  /// orders events made in the same second, an event always after those it saw.
  public let sequence: Int
  /// The claim the reviewer looked at: this file's claim, or an earlier claim a re-import replaced.
  public let claim: ClaimID
  public let change: Change

  /// Makes an event and derives its id.
  public init(at: Timestamp, sequence: Int, claim: ClaimID, change: Change, reviewerKey: String) {
    self.at = at
    self.sequence = sequence
    self.claim = claim
    self.change = change
    var material = Array("claims-event-v1\0\(reviewerKey)\0\(claim.rawValue)\0\(at.text)\0\(sequence)\0".utf8)
    material += JSONWriter.canonicalBytes(of: Self.payload(change))
    id = String(SHA256.hexDigest(of: material).prefix(16))
  }

  private init(id: String, at: Timestamp, sequence: Int, claim: ClaimID, change: Change) {
    self.id = id
    self.at = at
    self.sequence = sequence
    self.claim = claim
    self.change = change
  }

  /// Whether `self` comes before `other` in the one order every clone replays events in: time,
  /// then sequence number, then id.
  public func precedes(_ other: ReviewEvent) -> Bool {
    (at, sequence, id) < (other.at, other.sequence, other.id)
  }

  /// The event as a JSON object inside its review record. `claim` is left out when it is the
  /// record's own claim.
  func json(fileClaim: ClaimID) -> JSONValue {
    guard case .object(var members) = Self.payload(change) else { return .null }
    members["id"] = .string(id)
    members["at"] = .string(at.text)
    members["seq"] = .integer(sequence)
    if claim != fileClaim { members["claim"] = .string(claim.rawValue) }
    return .object(members)
  }

  /// What the event did, without when and where: the part its id is derived from beside them.
  private static func payload(_ change: Change) -> JSONValue {
    var fields = FieldWriter()
    fields.set("type", .string(change.name))
    switch change {
    case .verdict(let verdict, let note):
      fields.set("verdict", .string(verdict))
      fields.set("note", note)
    case .note(let note):
      fields.set("note", note)
    case .cite(let citation):
      fields.set("citation", citation.json)
    case .uncite(let ids):
      fields.set("removes", .array(ids.map { .string($0) }))
    case .withdrawVerdict:
      break
    case .withdrawReview(let ids):
      fields.set("removes", .array(ids.map { .string($0) }))
    case .carry(let from, let text, let keeps):
      fields.set("from", .string(from.rawValue))
      fields.set("from_text", .string(text))
      fields.set("keeps", keeps)
    case .archive(let citation, let archive):
      fields.set("citation", .string(citation))
      fields.set("archive", archive.json)
    }
    return fields.value
  }

  /// Reads an event of the review record of `fileClaim`.
  init(json: JSONValue, fileClaim: ClaimID) throws(RecordError) {
    let fields = try FieldReader(json, what: "an event")
    let stamp = try EventStamp(reading: fields)
    let (id, at, sequence) = (stamp.id, stamp.at, stamp.sequence)
    var claim = fileClaim
    if let claimText = try fields.optionalString("claim") {
      guard let parsed = ClaimID(claimText) else {
        throw RecordError(.invalidField, "an event's 'claim' is not a claim id: '\(claimText.escapedForMessage)'")
      }
      claim = parsed
    }
    let type = try fields.string("type")
    let change: Change
    switch type {
    case "verdict":
      change = .verdict(try fields.string("verdict"), note: try fields.optionalString("note"))
    case "note":
      change = .note(try fields.optionalString("note"))
    case "cite":
      change = .cite(try Citation(json: try fields.object("citation")))
    case "uncite":
      change = .uncite(try Self.ids(fields))
    case "withdraw-verdict":
      change = .withdrawVerdict
    case "withdraw":
      change = .withdrawReview(removing: try Self.ids(fields))
    case "carry":
      let fromText = try fields.string("from")
      guard let from = ClaimID(fromText) else {
        throw RecordError(.invalidField, "a carry event's 'from' is not a claim id: '\(fromText.escapedForMessage)'")
      }
      let keeps = try fields.optionalString("keeps")
      if let keeps, keeps.utf8.count != 16 || !keeps.utf8.allSatisfy(Self.isLowerHex) {
        throw RecordError(.invalidField, "a carry event's 'keeps' must be an event id (16 lowercase hex digits)")
      }
      change = .carry(from: from, text: try fields.string("from_text"), keeps: keeps)
    case "archive":
      let citation = try fields.string("citation")
      guard citation.utf8.count == 16, citation.utf8.allSatisfy(Self.isLowerHex) else {
        throw RecordError(.invalidField, "an archive event's 'citation' must be an event id (16 lowercase hex digits)")
      }
      change = .archive(citation: citation, try CitationArchive(json: try fields.object("archive")))
    default:
      throw RecordError(
        .invalidField,
        "an event's 'type' is '\(type.escapedForMessage)'; expected verdict, note, cite, uncite, withdraw-verdict, withdraw, carry or archive"
      )
    }
    self.init(id: id, at: at, sequence: sequence, claim: claim, change: change)
  }

  private static func ids(_ fields: FieldReader) throws(RecordError) -> [String] {
    var ids: [String] = []
    for element in try fields.array("removes") {
      guard case .string(let id) = element, id.utf8.count == 16, id.utf8.allSatisfy(isLowerHex) else {
        throw RecordError(.invalidField, "field 'removes' must list event ids (16 lowercase hex digits)")
      }
      ids.append(id)
    }
    return ids
  }

  private static func isLowerHex(_ byte: UInt8) -> Bool {
    (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte)
  }

  /// An event read from the binary cache, trusted as it was validated when first read from git.
  package static func cached(id: String, at: Timestamp, sequence: Int, claim: ClaimID, change: Change) -> ReviewEvent {
    ReviewEvent(id: id, at: at, sequence: sequence, claim: claim, change: change)
  }
}

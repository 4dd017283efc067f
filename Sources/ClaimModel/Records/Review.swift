/// One reviewer's review of one claim, stored in `Reviews/<source-id>/<claim-id>/<reviewer-slug>.json`.
/// Only that reviewer ever writes it.
///
/// The record holds the reviewer's ``ReviewEvent``s; the verdict, note, citations and staleness
/// are computed from them by replaying them in their one order (time, sequence number, id). Two
/// versions of the file merge by the union of their events, so the same reviewer working on two
/// machines loses nothing, and every clone computes the same review from the same events.
public struct Review: LedgerRecord {
  /// The claim reviewed.
  public var claim: ClaimID
  /// The claim's source.
  public var source: SourceID
  /// Who reviewed it, as `Name <email>`.
  public var reviewer: Identity
  /// Everything the reviewer did, in replay order, each event once.
  public private(set) var events: [ReviewEvent]

  /// The verdict's id on the ledger's scale, if one stands.
  public private(set) var verdict: String?
  /// A free remark.
  public private(set) var note: String?
  /// The sources the review rests on, in the order they were added.
  public private(set) var citations: [Citation]
  /// The id of the event that added each of ``citations``, in the same order.
  public private(set) var citationEventIDs: [String]
  /// The event that set (or withdrew) the current verdict.
  public private(set) var verdictEvent: ReviewEvent?
  /// The event that set (or removed) the current note.
  public private(set) var noteEvent: ReviewEvent?
  /// When the reviewer last changed this review (the latest event's time).
  public private(set) var updated: Timestamp
  /// Set when the verdict (or, without one, the latest change) was given to an earlier text of a
  /// re-imported claim: the reviewer must look again.
  public private(set) var stale: Staleness?

  /// Why a review no longer fits its claim.
  public struct Staleness: Sendable, Equatable {
    /// The claim the review was given to.
    public var previousClaim: ClaimID
    /// That claim's text, which the review judged.
    public var previousText: String
    /// When the change was imported.
    public var since: Timestamp

    public init(previousClaim: ClaimID, previousText: String, since: Timestamp) {
      self.previousClaim = previousClaim
      self.previousText = previousText
      self.since = since
    }
  }

  /// A review made of `events` (in any order; duplicates by id are kept once).
  public init(claim: ClaimID, source: SourceID, reviewer: Identity, events: [ReviewEvent]) {
    self.claim = claim
    self.source = source
    self.reviewer = reviewer
    self.events = []
    verdict = nil
    note = nil
    citations = []
    citationEventIDs = []
    updated = events.first?.at ?? Timestamp(secondsSince1970: 0)
    stale = nil
    add(events)
  }

  /// A review as format version 1 recorded it: its outcome, without the events that led to it.
  /// The events are made up from it (see ``legacyEvents(claim:reviewer:verdict:note:citations:updated:stale:)``),
  /// so the same record always gives the same events.
  public init(
    claim: ClaimID, source: SourceID, reviewer: Identity, verdict: String? = nil, note: String? = nil,
    citations: [Citation] = [], updated: Timestamp, stale: Staleness? = nil
  ) {
    self.init(
      claim: claim, source: source, reviewer: reviewer,
      events: Self.legacyEvents(
        claim: claim, reviewer: reviewer, verdict: verdict, note: note, citations: citations, updated: updated,
        stale: stale))
  }

  /// Whether the review says nothing at all any more (everything withdrawn or removed). Its file
  /// stays, holding the events, so that a merge with another copy cannot bring back what was removed.
  public var isEmpty: Bool { verdict == nil && note == nil && citations.isEmpty }

  /// The event with the largest sequence number, whose successor the next event will be.
  public var lastSequence: Int { events.map(\.sequence).max() ?? 0 }

  /// Records a new event made at `time` on this review's claim, after every event the review holds.
  @discardableResult
  public mutating func record(_ change: ReviewEvent.Change, at time: Timestamp) -> ReviewEvent {
    let latest = events.last?.at
    let event = ReviewEvent(
      at: latest.map { max($0, time) } ?? time, sequence: lastSequence + 1, claim: claim, change: change,
      reviewerKey: reviewer.key)
    add([event])
    return event
  }

  /// Adds `newEvents` (those not already held) and computes the review again.
  public mutating func add(_ newEvents: [ReviewEvent]) {
    var known = Set(events.map(\.id))
    var merged = events
    for event in newEvents where known.insert(event.id).inserted { merged.append(event) }
    merged.sort { $0.precedes($1) }
    events = merged
    replay()
  }

  /// This review with the events of `other` (another version of the same file, or the same
  /// reviewer's review of a claim this one replaced) added.
  public func merging(_ other: Review) -> Review {
    var merged = self
    merged.add(other.events)
    return merged
  }

  private mutating func replay() {
    verdict = nil
    note = nil
    verdictEvent = nil
    noteEvent = nil
    var added: [(id: String, citation: Citation)] = []
    var removed: Set<String> = []
    var carries: [ClaimID: ReviewEvent] = [:]
    var latestCarry: ReviewEvent?
    var latestOwn: ReviewEvent?
    for event in events {
      switch event.change {
      case .verdict(let id, let text):
        verdict = id
        verdictEvent = event
        if let text {
          note = text.isEmpty ? nil : text
          noteEvent = event
        }
      case .note(let text):
        note = text?.isEmpty == false ? text : nil
        noteEvent = event
      case .cite(let citation):
        added.append((event.id, citation))
      case .archive(let id, let archive):
        // Archiving changes what the citation records, not whether it stands.
        if let index = added.firstIndex(where: { $0.id == id }) { added[index].citation.archive = archive }
      case .uncite(let ids):
        removed.formUnion(ids)
      case .withdrawVerdict:
        verdict = nil
        verdictEvent = event
      case .withdrawReview(let ids):
        removed.formUnion(ids)
        verdict = nil
        note = nil
        verdictEvent = event
        noteEvent = event
      case .carry(let from, _, let keeps):
        carries[from] = carries[from] ?? event
        latestCarry = event
        if let keeps, let kept = events.first(where: { $0.id == keeps }), case .verdict(let id, _) = kept.change {
          verdict = id
          verdictEvent = kept
        }
      }
      switch event.change {
      // Neither a carry nor archiving a page is the reviewer judging this claim's text.
      case .carry, .archive: break
      default: latestOwn = event
      }
    }
    let kept = added.filter { !removed.contains($0.id) }
    citations = kept.map(\.citation)
    citationEventIDs = kept.map(\.id)
    updated = events.last?.at ?? updated
    stale = nil
    if let deciding = verdictEvent ?? latestOwn, deciding.claim != claim {
      let carry = carries[deciding.claim]
      var text = ""
      if case .carry(_, let carried, _)? = carry?.change { text = carried }
      stale = Staleness(previousClaim: deciding.claim, previousText: text, since: latestCarry?.at ?? deciding.at)
    }
  }

  public var json: JSONValue {
    var fields = FieldWriter()
    fields.set("format_version", .integer(currentFormatVersion))
    fields.set("claim", .string(claim.rawValue))
    fields.set("source", .string(source.rawValue))
    fields.set("reviewer", .string(reviewer.description))
    fields.set("events", .array(events.map { $0.json(fileClaim: claim) }))
    return fields.value
  }

  public init(json: JSONValue) throws(RecordError) {
    let fields = try FieldReader(json, what: "a review")
    try fields.checkFormatVersion(supported: currentFormatVersion)
    let claim = try fields.claimID("claim")
    let source = try fields.sourceID("source")
    let reviewer = try fields.identity("reviewer")
    if try fields.integer("format_version") == 1 {
      self = try Self.legacy(fields, claim: claim, source: source, reviewer: reviewer)
      return
    }
    var events: [ReviewEvent] = []
    for element in try fields.array("events") { events.append(try ReviewEvent(json: element, fileClaim: claim)) }
    guard !events.isEmpty else { throw RecordError(.invalidField, "field 'events' must list at least one event") }
    self.init(claim: claim, source: source, reviewer: reviewer, events: events)
  }
}

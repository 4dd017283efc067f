import ClaimModel
import ClaimReport
import Testing

@testable import ClaimLedger

/// Every record, with every field filled, through every form it takes: its JSON file, the ledger
/// cache's binary coder, the JSON report's parts and the report's tally coding. A field added to
/// one form and forgotten in another fails here; so does a field the filled values leave empty,
/// until they fill it.
@Suite struct RecordFormsTests {
  // MARK: Filled records

  static let source = valid(SourceID("storm"))
  static let time = valid(Timestamp("2026-11-24T12:00:00Z"))
  static let ada = valid(Identity(name: "Ada Lovelace", email: "ada@example.org"))
  static let bob = valid(Identity(name: "Bob", email: "bob@example.org"))

  /// A value the fixture's own literals make; nil is a mistake in the fixture.
  static func valid<Value>(_ value: Value?, line: Int = #line) -> Value {
    guard let value else { preconditionFailure("RecordFormsTests.swift:\(line): an invalid fixture value") }
    return value
  }
  static let earlier = ClaimID.derive(source: source, normalizedText: "an earlier text", occurrence: 0)

  static let claim = Claim(
    id: ClaimID.derive(source: source, normalizedText: "officials said 40 homes were damaged.", occurrence: 0),
    source: source, ordinal: 2, kind: .caption, text: "Officials said\n40 homes were damaged.", start: 40, end: 76,
    selector: QuoteSelector(exact: "Officials said\n40 homes were damaged.", prefix: "coast. ", suffix: " The mayor"),
    supersedes: [earlier], isRetired: true)

  static let archive = CitationArchive(
    captureSHA256: String(repeating: "c0", count: 32), captureBytes: 48_213, retrieved: time,
    finalURL: "https://county.example.gov/reports/damage", status: 200, contentType: "text/html",
    textSHA256: String(repeating: "7e", count: 32),
    quote: QuoteAnchor(
      selector: QuoteSelector(exact: "12 homes", prefix: "counted ", suffix: " with damage"), start: 120, end: 128))

  static let citation = Citation(
    url: "https://county.example.gov/damage.pdf", title: "Damage report", publisher: "Coast County",
    published: CalendarDate("2026-11-20"), accessed: CalendarDate("2026-11-24"), quote: "12 homes", stance: .refutes,
    archive: archive)

  /// What an evidence check found for the citation.
  static let health = CitationHealth(
    state: .drifted, checked: time, detail: "the quote is no longer on the page", now: "counted 14 homes",
    movedTo: "https://county.example.gov/reports/damage-2")

  /// A review whose citation was archived after it was given (`claims archive`): a cite event,
  /// then an archive event.
  static var archivedLater: Review {
    var unarchived = citation
    unarchived.archive = nil
    var review = Review(claim: claim.id, source: source, reviewer: bob, events: [])
    let cite = review.record(.cite(unarchived), at: time)
    review.record(.archive(citation: cite.id, archive), at: time)
    return review
  }

  static let review = Review(
    claim: claim.id, source: source, reviewer: ada, verdict: "refuted", note: "Records show 12 homes.",
    citations: [citation], updated: time,
    stale: Review.Staleness(previousClaim: earlier, previousText: "Officials said 30 homes.", since: time))

  static let assignment = Assignment(claim: claim.id, source: source, assignee: bob, assignedBy: ada, updated: time)

  static let record: SourceRecord = {
    var record = SourceRecord(
      id: source, title: "Storm hits coast", url: "https://news.example/storm", published: CalendarDate("2026-11-20"),
      textSHA256: String(repeating: "ab", count: 32), claimCount: 4)
    record.authors = ["Jane Whitaker", "Tom Reyes"]
    record.publisher = "The Courier"
    record.language = "en-GB"
    record.canonicalURL = "https://news.example/2026/storm"
    record.modified = CalendarDate("2026-11-21")
    record.fetchedURL = "https://www.news.example/storm"
    record.fetched = time
    record.pageSHA256 = String(repeating: "cd", count: 32)
    record.pageContentType = "text/html; charset=utf-8"
    return record
  }()

  static let config = LedgerConfig(
    scale: VerdictScale(verdicts: [
      Verdict(
        id: "refuted", label: "Refuted", meaning: "The evidence contradicts it.", key: "r",
        rating: .init(value: 1, best: 2, worst: 1), flags: true),
      Verdict(
        id: "supported", label: "Supported", meaning: "The evidence backs it.", key: "s",
        rating: .init(value: 2, best: 2, worst: 1), flags: true),
    ]), requiredReviews: 2, archiveLimitMB: 250)

  @Test func theFilledRecordsFillEveryField() {
    for (name, value) in [
      ("claim", Self.claim), ("citation", Self.citation), ("review", Self.review), ("assignment", Self.assignment),
      ("source record", Self.record), ("config", Self.config), ("health", Self.health),
    ] as [(String, Any)] {
      for path in Self.emptyFields(of: value, at: name) {
        Issue.record("\(path) is empty in the filled record: fill it, so that every form is checked with it")
      }
    }
  }

  // MARK: JSON files

  @Test func everyRecordComesBackFromItsJSONFile() throws {
    #expect(try Claim(decoding: Self.claim.encoded()) == Self.claim)
    #expect(try Review(decoding: Self.review.encoded()) == Self.review)
    #expect(try Assignment(decoding: Self.assignment.encoded()) == Self.assignment)
    #expect(try SourceRecord(decoding: Self.record.encoded()) == Self.record)
    #expect(try LedgerConfig(decoding: Self.config.encoded()) == Self.config)
    // A citation is stored inside its review.
    #expect(try Review(decoding: Self.review.encoded()).citations == [Self.citation])
    // An archive given later is an event of its own, which puts the archive on the citation.
    #expect(Self.archivedLater.citations == [Self.citation])
    #expect(try Review(decoding: Self.archivedLater.encoded()) == Self.archivedLater)
    #expect(try CitationHealth(json: Self.health.json) == Self.health)
  }

  // MARK: The cache's binary coder

  @Test func everyCachedRecordComesBackFromTheBinaryCoder() throws {
    var writer = BinaryWriter()
    writer.write(Self.claim)
    writer.write(Self.citation)
    writer.write(Self.review)
    writer.write(Self.archivedLater)
    writer.write(Self.assignment)
    var reader = BinaryReader(writer.bytes)
    #expect(try reader.readClaim() == Self.claim)
    #expect(try reader.readCitation() == Self.citation)
    #expect(try reader.readReview() == Self.review)
    #expect(try reader.readReview() == Self.archivedLater)
    #expect(try reader.readAssignment() == Self.assignment)
    #expect(reader.isAtEnd)
  }

  // MARK: The report

  /// The report of a ledger holding the filled records, the claim live so that it is listed.
  static var reportInput: SourceInput {
    var live = claim
    live.isRetired = false
    return SourceInput(
      id: source, claims: [live], reviews: [review], assignments: [assignment], record: record,
      health: CitationHealthIndex([review.citationEventIDs[0]: (archive.captureSHA256, health)]))
  }

  @Test func theReportTallyComesBackFromItsCoding() throws {
    let section = ReportBuilder.section(of: Self.reportInput, config: Self.config)
    let tally = section.tally
    #expect(SourceTally(decoding: tally.encoded()) == tally)
    // The citation counts, archived, with the health found: what the citation-health section shows.
    let report = ReportBuilder.combine(
      ReportParts(
        config: Self.config, tallies: [tally], details: [], records: [], actions: [], revision: nil,
        generatedAt: Self.time, sourceFilter: []))
    #expect(report.evidence.citations == 1 && report.evidence.archived == 1)
    #expect(report.evidence.count(.drifted) == 1)
    #expect(report.evidenceAlerts.count == 1)
    #expect(tally.record == Self.record)
  }

  /// Fields of a record's JSON file that the JSON report leaves out, and why; any other field must
  /// appear in the report with the same value.
  static let leftOutOfReport: [String: Set<String>] = [
    // The report names the source once per list element, and the format once at the top.
    "claim": ["format_version", "source", "selector", "retired"],
    // A review file holds its events; the report carries what they add up to (see reviewState).
    "review": ["format_version", "claim", "source"],
    "citation": [],
    // How the text and page were received is the ledger's to audit (claims check), not the report's.
    "source": [
      "format_version", "text_sha256", "claim_count", "fetched_url", "fetched", "page_sha256", "page_content_type",
    ],
    // The key is the review session's single key, nothing a report reader uses.
    "verdict": ["key"],
  ]

  /// What the review's events add up to, each part under the name the report gives it.
  static var reviewState: JSONValue {
    var members: [String: JSONValue] = [
      "reviewer": .string(review.reviewer.description), "updated": .string(review.updated.text),
    ]
    if let verdict = review.verdict { members["verdict"] = .string(verdict) }
    if let note = review.note { members["note"] = .string(note) }
    if case .object(let fields) = review.json, case .array(let events)? = fields["events"] {
      members["citations"] = .array(
        events.compactMap { event in
          guard case .object(let eventFields) = event, eventFields["type"] == "cite" else { return nil }
          return eventFields["citation"]
        })
    }
    if let stale = review.stale {
      members["stale"] = .object([
        "previous_claim": .string(stale.previousClaim.rawValue), "previous_text": .string(stale.previousText),
        "since": .string(stale.since.text),
      ])
    }
    return .object(members)
  }

  @Test func theJSONReportCarriesEveryFieldOfTheRecords() throws {
    let report = ReportBuilder.build(
      ReportInput(
        config: Self.config, sources: [Self.record], claims: Self.reportInput.claims, reviews: [Self.review],
        assignments: [Self.assignment], actions: [], revision: "0123456789abcdef", generatedAt: Self.time,
        sourceFilter: [],
        health: CitationHealthIndex([Self.review.citationEventIDs[0]: (Self.archive.captureSHA256, Self.health)])))
    guard
      case .object(let members) = try JSONParser.parse(
        ReportRenderer.render(report, as: .json, options: RenderOptions())),
      case .array(let claims)? = members["claims"], case .object(let claim)? = claims.first,
      case .array(let reviews)? = claim["reviews"], case .object(let review)? = reviews.first,
      case .array(let citations)? = review["citations"], case .object(let citation)? = citations.first,
      case .array(let sources)? = members["sources"], case .object(let source)? = sources.first,
      case .array(let scale)? = members["scale"]
    else {
      Issue.record("the report lacks a claim, review, citation, source or scale")
      return
    }
    var live = Self.claim
    live.isRetired = false
    Self.expect(claim, carries: live.json, as: "claim")
    Self.expect(review, carries: Self.reviewState, as: "review")
    guard case .object(let reviewFields) = Self.reviewState, case .array(let recorded)? = reviewFields["citations"],
      let recordedCitation = recorded.first
    else {
      Issue.record("the review's JSON has no citation")
      return
    }
    Self.expect(citation, carries: recordedCitation, as: "citation")
    #expect(citation["health"] == Self.health.json, "the citation's last health is not in the report")
    Self.expect(source, carries: Self.record.json, as: "source")
    #expect(claim["assignee"] == .string(Self.bob.description))
    #expect(members["required_reviews"] == .integer(Self.config.requiredReviews))
    guard case .object(let configMembers) = Self.config.json, case .array(let verdicts)? = configMembers["verdicts"]
    else {
      Issue.record("the config has no verdicts")
      return
    }
    #expect(scale.count == verdicts.count)
    for (reported, recorded) in zip(scale, verdicts) {
      guard case .object(let reported) = reported else { continue }
      Self.expect(reported, carries: recorded, as: "verdict")
    }
  }

  /// Every field of `record` not left out of the report appears in `reported` with its value.
  static func expect(
    _ reported: [String: JSONValue], carries record: JSONValue, as name: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    guard case .object(let fields) = record else {
      Issue.record("\(name) is not a JSON object", sourceLocation: sourceLocation)
      return
    }
    let leftOut = leftOutOfReport[name] ?? []
    for (key, value) in fields where !leftOut.contains(key) {
      // Lists of objects are compared element by element, as their own records.
      if case .array(let elements) = value, case .array(let shown)? = reported[key], key == "citations" {
        #expect(elements.count == shown.count, "\(name).\(key)", sourceLocation: sourceLocation)
        continue
      }
      #expect(reported[key] == value, "\(name).\(key) is not in the report as recorded", sourceLocation: sourceLocation)
    }
  }

  // MARK: Emptiness

  /// The paths of stored properties in `value` that are nil, empty, false or zero-length.
  static func emptyFields(of value: Any, at path: String) -> [String] {
    let mirror = Mirror(reflecting: value)
    switch mirror.displayStyle {
    case .optional:
      guard let wrapped = mirror.children.first?.value else { return [path] }
      return emptyFields(of: wrapped, at: path)
    case .collection, .set, .dictionary:
      guard !mirror.children.isEmpty else { return [path] }
      return mirror.children.enumerated().flatMap { emptyFields(of: $0.element.value, at: "\(path)[\($0.offset)]") }
    case .struct:
      return mirror.children.flatMap { child in emptyFields(of: child.value, at: "\(path).\(child.label ?? "?")") }
    default:
      if let flag = value as? Bool, !flag { return [path] }
      if let text = value as? String, text.isEmpty { return [path] }
      return []
    }
  }
}

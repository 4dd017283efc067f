import ClaimModel

/// The model's records in the cache's binary form. Values are taken as they were validated when
/// first read from git; decoding re-validates only what could crash (ids), never trusts blindly.
extension BinaryWriter {
  mutating func write(_ claim: Claim) {
    write(claim.id.rawValue)
    write(claim.source.rawValue)
    write(claim.ordinal)
    write(claim.kind.rawValue)
    write(claim.text)
    write(claim.start)
    write(claim.end)
    write(claim.selector.exact)
    write(claim.selector.prefix)
    write(claim.selector.suffix)
    write(claim.supersedes.count)
    for id in claim.supersedes { write(id.rawValue) }
    write(claim.isRetired)
  }

  mutating func write(_ identity: Identity) {
    write(identity.name)
    write(identity.email)
  }

  mutating func write(_ citation: Citation) {
    write(citation.url)
    write(citation.title)
    write(citation.publisher)
    write(citation.published?.text)
    write(citation.accessed?.text)
    write(citation.quote)
    write(citation.stance?.rawValue)
    write(citation.archive != nil)
    if let archive = citation.archive { write(archive) }
  }

  mutating func write(_ archive: CitationArchive) {
    write(archive.captureSHA256)
    write(archive.captureBytes)
    write(archive.retrieved.text)
    write(archive.finalURL)
    write(archive.status)
    write(archive.contentType)
    write(archive.textSHA256)
    write(archive.quote != nil)
    if let quote = archive.quote {
      write(quote.selector.exact)
      write(quote.selector.prefix)
      write(quote.selector.suffix)
      write(quote.start)
      write(quote.end)
    }
  }

  mutating func write(_ review: Review) {
    write(review.claim.rawValue)
    write(review.source.rawValue)
    write(review.reviewer)
    write(review.events.count)
    for event in review.events { write(event) }
  }

  mutating func write(_ event: ReviewEvent) {
    write(event.id)
    write(event.at.text)
    write(event.sequence)
    write(event.claim.rawValue)
    switch event.change {
    case .verdict(let verdict, let note):
      write(0)
      write(verdict)
      write(note)
    case .note(let note):
      write(1)
      write(note)
    case .cite(let citation):
      write(2)
      write(citation)
    case .uncite(let ids):
      write(3)
      write(ids.count)
      for id in ids { write(id) }
    case .withdrawVerdict:
      write(4)
    case .withdrawReview(let ids):
      write(5)
      write(ids.count)
      for id in ids { write(id) }
    case .carry(let from, let text, let keeps):
      write(6)
      write(from.rawValue)
      write(text)
      write(keeps)
    case .archive(let citation, let archive):
      write(7)
      write(citation)
      write(archive)
    }
  }

  mutating func write(_ assignment: Assignment) {
    write(assignment.claim.rawValue)
    write(assignment.source.rawValue)
    write(assignment.assignee != nil)
    if let assignee = assignment.assignee { write(assignee) }
    write(assignment.assignedBy)
    write(assignment.updated.text)
  }

  mutating func write(_ problem: LedgerProblem) {
    write(problem.kind.rawValue)
    write(problem.path)
    write(problem.problem)
    write(problem.remedy)
  }
}

extension BinaryReader {
  mutating func readClaimID() throws(Corrupt) -> ClaimID {
    guard let id = ClaimID(try readString()) else { throw Corrupt() }
    return id
  }

  mutating func readSourceID() throws(Corrupt) -> SourceID {
    guard let id = SourceID(try readString()) else { throw Corrupt() }
    return id
  }

  mutating func readTimestamp() throws(Corrupt) -> Timestamp {
    guard let timestamp = Timestamp(try readString()) else { throw Corrupt() }
    return timestamp
  }

  mutating func readDate() throws(Corrupt) -> CalendarDate? {
    guard let text = try readOptionalString() else { return nil }
    guard let date = CalendarDate(text) else { throw Corrupt() }
    return date
  }

  mutating func readCount() throws(Corrupt) -> Int {
    let count = try readInt()
    guard count >= 0, count < 1 << 24 else { throw Corrupt() }
    return count
  }

  mutating func readClaim() throws(Corrupt) -> Claim {
    let id = try readClaimID()
    let source = try readSourceID()
    let ordinal = try readInt()
    guard let kind = ClaimKind(rawValue: try readString()) else { throw Corrupt() }
    let text = try readString()
    let start = try readInt()
    let end = try readInt()
    let selector = QuoteSelector(exact: try readString(), prefix: try readString(), suffix: try readString())
    var supersedes: [ClaimID] = []
    for _ in 0..<(try readCount()) { supersedes.append(try readClaimID()) }
    return Claim(
      id: id, source: source, ordinal: ordinal, kind: kind, text: text, start: start, end: end, selector: selector,
      supersedes: supersedes, isRetired: try readBool())
  }

  mutating func readIdentity() throws(Corrupt) -> Identity {
    guard let identity = Identity(name: try readString(), email: try readString()) else { throw Corrupt() }
    return identity
  }

  mutating func readCitation() throws(Corrupt) -> Citation {
    let url = try readString()
    let title = try readOptionalString()
    let publisher = try readOptionalString()
    let published = try readDate()
    let accessed = try readDate()
    let quote = try readOptionalString()
    let stance = try readOptionalString().map { text throws(Corrupt) in
      guard let stance = Citation.Stance(rawValue: text) else { throw Corrupt() }
      return stance
    }
    let archive = try readBool() ? try readArchive() : nil
    return Citation(
      url: url, title: title, publisher: publisher, published: published, accessed: accessed, quote: quote,
      stance: stance, archive: archive)
  }

  mutating func readArchive() throws(Corrupt) -> CitationArchive {
    let captureSHA256 = try readString()
    let captureBytes = try readInt()
    let retrieved = try readTimestamp()
    let finalURL = try readString()
    let status = try readInt()
    let contentType = try readOptionalString()
    let textSHA256 = try readOptionalString()
    var quote: QuoteAnchor?
    if try readBool() {
      let selector = QuoteSelector(exact: try readString(), prefix: try readString(), suffix: try readString())
      quote = QuoteAnchor(selector: selector, start: try readInt(), end: try readInt())
    }
    return CitationArchive(
      captureSHA256: captureSHA256, captureBytes: captureBytes, retrieved: retrieved, finalURL: finalURL,
      status: status, contentType: contentType, textSHA256: textSHA256, quote: quote)
  }

  mutating func readReview() throws(Corrupt) -> Review {
    let claim = try readClaimID()
    let source = try readSourceID()
    let reviewer = try readIdentity()
    var events: [ReviewEvent] = []
    for _ in 0..<(try readCount()) { events.append(try readEvent()) }
    return Review(claim: claim, source: source, reviewer: reviewer, events: events)
  }

  mutating func readEvent() throws(Corrupt) -> ReviewEvent {
    let id = try readString()
    let at = try readTimestamp()
    let sequence = try readInt()
    let claim = try readClaimID()
    let change: ReviewEvent.Change
    switch try readInt() {
    case 0: change = .verdict(try readString(), note: try readOptionalString())
    case 1: change = .note(try readOptionalString())
    case 2: change = .cite(try readCitation())
    case 3:
      var ids: [String] = []
      for _ in 0..<(try readCount()) { ids.append(try readString()) }
      change = .uncite(ids)
    case 4: change = .withdrawVerdict
    case 5:
      var ids: [String] = []
      for _ in 0..<(try readCount()) { ids.append(try readString()) }
      change = .withdrawReview(removing: ids)
    case 6: change = .carry(from: try readClaimID(), text: try readString(), keeps: try readOptionalString())
    case 7: change = .archive(citation: try readString(), try readArchive())
    default: throw Corrupt()
    }
    return ReviewEvent.cached(id: id, at: at, sequence: sequence, claim: claim, change: change)
  }

  mutating func readAssignment() throws(Corrupt) -> Assignment {
    let claim = try readClaimID()
    let source = try readSourceID()
    let assignee = try readBool() ? try readIdentity() : nil
    return Assignment(
      claim: claim, source: source, assignee: assignee, assignedBy: try readIdentity(), updated: try readTimestamp())
  }

  mutating func readProblem() throws(Corrupt) -> LedgerProblem {
    guard let kind = LedgerProblem.Kind(rawValue: try readString()) else { throw Corrupt() }
    return LedgerProblem(kind, path: try readString(), problem: try readString(), remedy: try readString())
  }
}

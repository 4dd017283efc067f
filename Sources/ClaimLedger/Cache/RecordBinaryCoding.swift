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
  }

  mutating func write(_ review: Review) {
    write(review.claim.rawValue)
    write(review.source.rawValue)
    write(review.reviewer)
    write(review.verdict)
    write(review.note)
    write(review.citations.count)
    for citation in review.citations { write(citation) }
    write(review.updated.text)
    write(review.stale != nil)
    if let stale = review.stale {
      write(stale.previousClaim.rawValue)
      write(stale.previousText)
      write(stale.since.text)
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
    return Citation(
      url: url, title: title, publisher: publisher, published: published, accessed: accessed, quote: quote,
      stance: stance)
  }

  mutating func readReview() throws(Corrupt) -> Review {
    let claim = try readClaimID()
    let source = try readSourceID()
    let reviewer = try readIdentity()
    let verdict = try readOptionalString()
    let note = try readOptionalString()
    var citations: [Citation] = []
    for _ in 0..<(try readCount()) { citations.append(try readCitation()) }
    let updated = try readTimestamp()
    var stale: Review.Staleness?
    if try readBool() {
      stale = Review.Staleness(
        previousClaim: try readClaimID(), previousText: try readString(), since: try readTimestamp())
    }
    return Review(
      claim: claim, source: source, reviewer: reviewer, verdict: verdict, note: note, citations: citations,
      updated: updated, stale: stale)
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

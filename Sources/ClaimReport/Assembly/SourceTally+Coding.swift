import ClaimModel

extension SourceTally {
  /// The version of the encoded form; a cache keyed by it never reads an older layout.
  public static let encodingVersion = 3

  /// The tally in a compact binary form, for a cache.
  public func encoded() -> [UInt8] {
    var writer = BinaryWriter()
    writer.write(Self.encodingVersion)
    writer.write(source.rawValue)
    writer.write(hasClaims)
    let coverage = tally.overall
    for count in coverage.countsByKind { writer.write(count) }
    for figure in [
      coverage.opinionOnly, coverage.notAClaim, coverage.checkable, coverage.reviewed, coverage.cited,
      coverage.verified,
    ] {
      writer.write(figure)
    }
    for count in [
      counts.claims, counts.disputed, counts.flagged, counts.staleReviews, counts.backlog, counts.retired,
      counts.retiredWithReviews, counts.retiredUnreplaced, counts.reviewed, counts.evidenceAlerts, evidence.citations,
      evidence.archived,
    ] {
      writer.write(count)
    }
    for state in CitationHealth.State.allCases { writer.write(evidence.count(state)) }
    writer.write(stateCounts.count)
    for count in stateCounts { writer.write(count) }
    writer.write(unmatchedReviews)
    writer.write(tally.disputedClaims)
    writer.write(tally.totalVerdicts)
    writer.write(tally.verdictIDs.count)
    for (code, id) in tally.verdictIDs.enumerated() {
      writer.write(id)
      writer.write(tally.reviewsByVerdict[code])
      writer.write(tally.claimsByVerdict[code])
    }
    writer.write(tally.reviewers.count)
    for reviewer in tally.reviewers {
      writer.write(reviewer.key)
      writer.write(reviewer.identity.name)
      writer.write(reviewer.identity.email)
      writer.write(reviewer.identitySeen?.text)
      writer.write(reviewer.identityFromReview)
      for figure in [reviewer.claimsReviewed, reviewer.citations, reviewer.staleReviews, reviewer.openAssignments] {
        writer.write(figure)
      }
      writer.write(reviewer.lastActive?.text)
      writer.write(reviewer.actions.count)
      for kind in reviewer.actions.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
        writer.write(kind.rawValue)
        writer.write(reviewer.actions[kind] ?? 0)
      }
    }
    writer.write(tally.agreementUnits.count)
    for unit in tally.agreementUnits {
      writer.write(unit.count)
      for rating in unit {
        writer.write(rating.rater)
        writer.write(rating.verdict)
      }
    }
    writer.write(record != nil)
    if let record {
      writer.write(record.id.rawValue)
      writer.write(record.title)
      writer.write(record.url)
      writer.write(record.published?.text)
      writer.write(record.textSHA256)
      writer.write(record.claimCount)
      let authors = record.authors ?? []
      writer.write(authors.count)
      for name in authors { writer.write(name) }
      for text in [
        record.publisher, record.language, record.canonicalURL, record.modified?.text, record.fetchedURL,
        record.fetched?.text, record.pageSHA256, record.pageContentType,
      ] {
        writer.write(text)
      }
    }
    return writer.bytes
  }

  /// Decodes what ``encoded()`` wrote; nil when the bytes are damaged or of another version.
  public init?(decoding bytes: [UInt8]) {
    var reader = BinaryReader(bytes)
    guard let decoded = try? Self.decode(&reader), reader.isAtEnd else { return nil }
    self = decoded
  }

  private static func decode(_ reader: inout BinaryReader) throws(BinaryReader.Corrupt) -> SourceTally {
    guard try reader.readInt() == encodingVersion, let source = SourceID(try reader.readString()) else {
      throw BinaryReader.Corrupt()
    }
    let hasClaims = try reader.readBool()
    var kinds: [Int] = []
    for _ in 0..<ClaimKind.allCases.count { kinds.append(try reader.readFigure()) }
    let coverage = Coverage(
      kindCounts: kinds, opinionOnly: try reader.readFigure(), notAClaim: try reader.readFigure(),
      checkable: try reader.readFigure(),
      reviewed: try reader.readFigure(), cited: try reader.readFigure(), verified: try reader.readFigure())
    let counts = ListCounts(
      claims: try reader.readFigure(), disputed: try reader.readFigure(), flagged: try reader.readFigure(),
      staleReviews: try reader.readFigure(), backlog: try reader.readFigure(), retired: try reader.readFigure(),
      retiredWithReviews: try reader.readFigure(), retiredUnreplaced: try reader.readFigure(),
      reviewed: try reader.readFigure(),
      evidenceAlerts: try reader.readFigure())
    var evidence = EvidenceCounts()
    evidence.citations = try reader.readFigure()
    evidence.archived = try reader.readFigure()
    for state in CitationHealth.State.allCases {
      let count = try reader.readFigure()
      if count > 0 { evidence.byState[state] = count }
    }
    guard try reader.readCount() == ClaimState.allCases.count else { throw BinaryReader.Corrupt() }
    var stateCounts: [Int] = []
    for _ in ClaimState.allCases { stateCounts.append(try reader.readFigure()) }
    let unmatchedReviews = try reader.readFigure()
    let disputedClaims = try reader.readFigure()
    let totalVerdicts = try reader.readFigure()
    var verdictIDs: [String] = []
    var reviewsByVerdict: [Int] = []
    var claimsByVerdict: [Int] = []
    for _ in 0..<(try reader.readCount()) {
      verdictIDs.append(try reader.readString())
      reviewsByVerdict.append(try reader.readFigure())
      claimsByVerdict.append(try reader.readFigure())
    }
    var reviewers: [Tally.Reviewer] = []
    for _ in 0..<(try reader.readCount()) {
      let key = try reader.readString()
      guard let identity = Identity(name: try reader.readString(), email: try reader.readString()) else {
        throw BinaryReader.Corrupt()
      }
      let seen = try timestamp(try reader.readOptionalString())
      var reviewer = Tally.Reviewer(
        key: key, identity: identity, identitySeen: seen, identityFromReview: try reader.readBool(),
        claimsReviewed: try reader.readFigure(), citations: try reader.readFigure(),
        staleReviews: try reader.readFigure(), openAssignments: try reader.readFigure(),
        lastActive: try timestamp(try reader.readOptionalString()))
      for _ in 0..<(try reader.readCount()) {
        reviewer.actions[CommitAction(rawValue: try reader.readString())] = try reader.readFigure()
      }
      reviewers.append(reviewer)
    }
    var units: [[Rating]] = []
    let unitCount = try reader.readCount()
    units.reserveCapacity(unitCount)
    for _ in 0..<unitCount {
      var unit: [Rating] = []
      for _ in 0..<(try reader.readCount()) {
        unit.append(Rating(rater: try reader.readInt(), verdict: try reader.readInt()))
      }
      units.append(unit)
    }
    var record: SourceRecord?
    if try reader.readBool() {
      guard let id = SourceID(try reader.readString()) else { throw BinaryReader.Corrupt() }
      let title = try reader.readOptionalString()
      let url = try reader.readOptionalString()
      let published = try reader.readOptionalString().map { text throws(BinaryReader.Corrupt) in
        guard let date = CalendarDate(text) else { throw BinaryReader.Corrupt() }
        return date
      }
      var read = SourceRecord(
        id: id, title: title, url: url, published: published, textSHA256: try reader.readString(),
        claimCount: try reader.readInt())
      var authors: [String] = []
      for _ in 0..<(try reader.readCount()) { authors.append(try reader.readString()) }
      read.authors = authors.isEmpty ? nil : authors
      read.publisher = try reader.readOptionalString()
      read.language = try reader.readOptionalString()
      read.canonicalURL = try reader.readOptionalString()
      read.modified = try reader.readOptionalString().map { text throws(BinaryReader.Corrupt) in
        guard let date = CalendarDate(text) else { throw BinaryReader.Corrupt() }
        return date
      }
      read.fetchedURL = try reader.readOptionalString()
      read.fetched = try Self.timestamp(try reader.readOptionalString())
      read.pageSHA256 = try reader.readOptionalString()
      read.pageContentType = try reader.readOptionalString()
      record = read
    }
    guard
      let tally = Tally(
        overall: coverage, disputedClaims: disputedClaims, totalVerdicts: totalVerdicts, verdictIDs: verdictIDs,
        reviewsByVerdict: reviewsByVerdict, claimsByVerdict: claimsByVerdict, agreementUnits: units,
        reviewers: reviewers)
    else { throw BinaryReader.Corrupt() }
    return SourceTally(
      source: source, hasClaims: hasClaims, tally: tally, counts: counts, stateCounts: stateCounts,
      unmatchedReviews: unmatchedReviews, record: record, evidence: evidence)
  }

  private static func timestamp(_ text: String?) throws(BinaryReader.Corrupt) -> Timestamp? {
    guard let text else { return nil }
    guard let timestamp = Timestamp(text) else { throw BinaryReader.Corrupt() }
    return timestamp
  }
}

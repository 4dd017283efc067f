public import ClaimModel

/// The archive of one citation given earlier without one, to record with `Ledger.archive`.
public struct ArchiveRequest: Sendable {
  /// The cited claim.
  public var claim: Claim
  /// The id of the event that added the citation.
  public var eventID: String
  /// What the archive records on the citation.
  public var archive: CitationArchive
  /// The capture and text files to store (those the ledger holds already are left out).
  public var files: [LedgerChange.File]

  public init(claim: Claim, eventID: String, archive: CitationArchive, files: [LedgerChange.File]) {
    self.claim = claim
    self.eventID = eventID
    self.archive = archive
    self.files = files
  }
}

extension Ledger {
  /// Records the archives of citations `reviewer` gave earlier without one, as one commit: an
  /// `archive` event in each of the reviewer's review files concerned, and the pages' files under
  /// `Evidence/`. A citation archived meanwhile, or removed, is skipped.
  /// - Returns: the commit and the requests recorded, or nil when there was nothing to record.
  /// - Throws: ``LedgerError`` when a file cannot be written, or the archive limit would be passed.
  public func archive(
    _ requests: [ArchiveRequest], by reviewer: Identity, at time: Timestamp
  ) throws(LedgerError) -> (commit: CommitResult, recorded: [ArchiveRequest])? {
    var recorded: [ArchiveRequest] = []
    let result = try commit(as: reviewer, at: time) { (snapshot) throws(LedgerError) in
      recorded = []
      var reviews: [String: Review] = [:]
      var order: [String] = []
      for request in requests {
        let path = LedgerPaths.review(request.claim.id, in: request.claim.source, by: reviewer)
        if reviews[path] == nil {
          guard let file = try snapshot.reviewFile(at: path) else { continue }
          try Self.requireOwnFile(file, for: reviewer, at: path)
          reviews[path] = file
          order.append(path)
        }
        guard var review = reviews[path],
          let index = review.citationEventIDs.firstIndex(of: request.eventID), review.citations[index].archive == nil
        else { continue }
        review.record(.archive(citation: request.eventID, request.archive), at: time)
        reviews[path] = review
        recorded.append(request)
      }
      guard !recorded.isEmpty else { return nil }
      var files: [LedgerChange.File] = []
      for path in order {
        guard let review = reviews[path] else { continue }
        try Self.requireWritable(review, at: path)
        files.append(.record(review, at: path))
      }
      files += try snapshot.newEvidence(recorded.flatMap(\.files))
      return LedgerChange(files: files, message: Self.archiveMessage(recorded, by: reviewer))
    }
    guard let result else { return nil }
    return (result, recorded)
  }

  private static func archiveMessage(_ recorded: [ArchiveRequest], by reviewer: Identity) -> CommitMessage {
    var claims: [Claim] = []
    for request in recorded where !claims.contains(where: { $0.id == request.claim.id }) {
      claims.append(request.claim)
    }
    var sources: [SourceID] = []
    for claim in claims where !sources.contains(claim.source) { sources.append(claim.source) }
    let subject =
      recorded.count == 1
      ? "archive: \(recorded[0].claim.id) \(recorded[0].archive.finalURL)"
      : "archive: \(recorded.count) citations on \(claims.count == 1 ? claims[0].id.rawValue : "\(claims.count) claims")"
    var trailers: [CommitMessage.Trailer] = [.action(.archive)]
    trailers += claims.map { .init(TrailerKey.claim, $0.id.rawValue) }
    trailers += sources.map { .init(TrailerKey.source, $0.rawValue) }
    trailers += recorded.map { .init("Archive", $0.archive.captureSHA256) }
    trailers += [
      .init(TrailerKey.reviewer, reviewer.description),
      .init(TrailerKey.formatVersion, String(currentFormatVersion)),
    ]
    return CommitMessage(subject: subject, body: nil, trailers: trailers)
  }
}

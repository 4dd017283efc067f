public import ClaimModel

extension Ledger {
  /// Records one review action on one claim as one commit, in the reviewer's own file
  /// `Reviews/<source>/<claim>/<reviewer>.json`.
  /// - Parameter claimReference: a unique id prefix or `SOURCE-ID:ORDINAL`.
  /// - Throws: ``LedgerError`` for an unknown claim or verdict, a citation number out of range, or
  ///   a failed write; the ledger is then unchanged.
  /// - Parameter evidence: files to store in the same commit (a cited page's capture and text
  ///   under `Evidence/`); those the ledger holds already are left out.
  public func record(
    _ action: ReviewAction, on claimReference: String, by reviewer: Identity, at time: Timestamp,
    attaching evidence: [LedgerChange.File] = []
  ) throws(LedgerError) -> ReviewActionResult {
    var outcome: ReviewActionResult?
    let commit = try commit(as: reviewer, at: time) { (snapshot) throws(LedgerError) in
      let claim = try snapshot.resolveClaim(claimReference)
      guard !claim.isRetired else {
        throw LedgerError(
          .wrongState, "claim \(claim.id) was retired when its article was revised; review the claim that replaced it")
      }
      let config = snapshot.config()
      let path = LedgerPaths.review(claim.id, in: claim.source, by: reviewer)
      let file = try snapshot.reviewFile(at: path)
      try Self.requireOwnFile(file, for: reviewer, at: path)
      let previous = file.flatMap { $0.isEmpty ? nil : $0 }
      var review = file ?? Review(claim: claim.id, source: claim.source, reviewer: reviewer, events: [])
      // The reviewer's spelling of their name as they give it now (the key, and so the file, is the
      // same); an address alone keeps the name the file knows.
      if !reviewer.hasNameOfItsOwn, let file { review.reviewer = file.reviewer } else { review.reviewer = reviewer }
      let (change, message) = try Self.change(for: action, on: review, claim: claim, config: config, snapshot: snapshot)
      let before = ReviewState(review)
      let event = review.record(change, at: time)
      outcome = ReviewActionResult(claim: claim, review: review, previous: previous, commit: nil, event: event)
      // A verdict given again changes nothing unless it clears a stale mark.
      guard ReviewState(review) != before || file == nil && !review.isEmpty else { return nil }
      try Self.requireWritable(review, at: path)
      return LedgerChange(
        files: [.record(review, at: path)] + (try snapshot.newEvidence(evidence)), message: message(reviewer, event))
    }
    guard var outcome else { throw LedgerError(.nothingToDo, "nothing was recorded") }
    outcome.commit = commit
    return outcome
  }

  /// What a review shows, compared before and after an action to tell whether it changed anything.
  private struct ReviewState: Equatable {
    var verdict: String?
    var note: String?
    var citations: [String]
    var stale: Review.Staleness?

    init(_ review: Review) {
      verdict = review.verdict
      note = review.note
      citations = review.citationEventIDs
      stale = review.stale
    }
  }

  /// The event `action` adds to `review`, and the commit message to record it with.
  static func change(
    for action: ReviewAction, on review: Review, claim: Claim, config: LedgerConfig, snapshot: LedgerSnapshot
  ) throws(LedgerError) -> (ReviewEvent.Change, (Identity, ReviewEvent) -> CommitMessage) {
    var trailers: [CommitMessage.Trailer] = []
    let subject: String
    var body: String?
    let change: ReviewEvent.Change
    switch action {
    case .verdict(let name, let note):
      let verdict = try resolveVerdict(name, in: config.scale)
      let before = review.verdict
      let trimmed = note.map { $0.trimmingWhitespace() }
      change = .verdict(verdict.id, note: trimmed)
      body = trimmed
      subject =
        before.map {
          $0 == verdict.id
            ? "verdict: \(claim.id) \(verdict.id) (confirmed)" : "verdict: \(claim.id) \($0) -> \(verdict.id)"
        }
        ?? "verdict: \(claim.id) \(verdict.id)"
      trailers.append(.action(.verdict))
      trailers.append(.init(TrailerKey.verdict, verdict.id))
      if let before { trailers.append(.init(TrailerKey.previousVerdict, before)) }
    case .cite(let citation):
      if case .invalid(let reason) = CitationLocation(citation.url) { throw LedgerError(.invalidInput, reason) }
      if case .ledgerDocument(let path) = CitationLocation(citation.url), snapshot.entry(at: path) == nil {
        throw LedgerError(
          .notFound, "\(path) is not in the ledger; commit the document under seeds/ first, or cite its URL")
      }
      if review.citations.contains(where: { $0.url == citation.url && $0.quote == citation.quote }) {
        throw LedgerError(
          .alreadyExists,
          "you already cite \(citation.url) on claim \(claim.id); 'claims show \(claim.id)' lists your citations")
      }
      change = .cite(citation)
      subject = "cite: \(claim.id) \(citation.url)"
      trailers.append(.action(.cite))
      trailers.append(.init(TrailerKey.citation, citation.url))
      if let stance = citation.stance { trailers.append(.init("Stance", stance.rawValue)) }
      if let archive = citation.archive { trailers.append(.init("Archive", archive.captureSHA256)) }
    case .uncite(let number):
      guard !review.citations.isEmpty else {
        throw LedgerError(.notFound, "you have no citations on claim \(claim.id) to remove")
      }
      guard (1...review.citations.count).contains(number) else {
        throw LedgerError(
          .notFound,
          "citation \(number) does not exist; "
            + (review.citations.count == 1
              ? "your only one on claim \(claim.id) is citation 1"
              : "yours on claim \(claim.id) are numbered 1–\(review.citations.count)")
            + " ('claims show \(claim.id)')"
        )
      }
      let removed = review.citations[number - 1]
      change = .uncite([review.citationEventIDs[number - 1]])
      subject = "uncite: \(claim.id) #\(number) \(removed.url)"
      trailers.append(.action(.uncite))
      trailers.append(.init(TrailerKey.citation, removed.url))
    case .note(let text):
      let trimmed = text.trimmingWhitespace()
      change = .note(trimmed.isEmpty ? nil : trimmed)
      subject = trimmed.isEmpty ? "note: \(claim.id) removed" : "note: \(claim.id)"
      body = trimmed
      trailers.append(.action(.note))
    case .withdrawVerdict:
      guard let verdict = review.verdict else {
        throw LedgerError(.nothingToDo, "you have no verdict on claim \(claim.id) to withdraw")
      }
      change = .withdrawVerdict
      subject = "withdraw: \(claim.id) verdict \(verdict)"
      trailers.append(.action(.withdrawVerdict))
      trailers.append(.init(TrailerKey.previousVerdict, verdict))
    case .withdrawReview:
      guard !review.isEmpty else {
        throw LedgerError(.nothingToDo, "you have no review of claim \(claim.id) to withdraw")
      }
      change = .withdrawReview(removing: review.citationEventIDs)
      subject = "withdraw: \(claim.id) review"
      trailers.append(.action(.withdraw))
      if let verdict = review.verdict { trailers.append(.init(TrailerKey.previousVerdict, verdict)) }
    }
    let finalBody = body
    let finalTrailers = trailers
    let message = { (reviewer: Identity, event: ReviewEvent) in
      CommitMessage(
        subject: subject, body: finalBody,
        trailers: [.init(TrailerKey.claim, claim.id.rawValue), .init(TrailerKey.source, claim.source.rawValue)]
          + finalTrailers
          + [
            .init(TrailerKey.event, event.id),
            .init(TrailerKey.reviewer, reviewer.description),
            .init(TrailerKey.formatVersion, String(currentFormatVersion)),
          ])
    }
    return (change, message)
  }

  /// The verdict `name` names on the scale (case-insensitive), or an error listing the valid ones.
  public static func resolveVerdict(_ name: String, in scale: VerdictScale) throws(LedgerError) -> Verdict {
    let lowered = name.trimmingWhitespace().lowercased()
    if let verdict = scale.verdict(lowered) ?? scale.verdicts.first(where: { $0.label.lowercased() == lowered }) {
      return verdict
    }
    let valid = scale.ids.joined(separator: ", ")
    let close = scale.ids.min { editDistance(lowered, $0) < editDistance(lowered, $1) }
    let hint = close.flatMap { editDistance(lowered, $0) <= 3 ? " Did you mean '\($0)'?" : nil } ?? ""
    throw LedgerError(.notFound, "unknown verdict '\(name.escapedForMessage)'; valid verdicts: \(valid).\(hint)")
  }

  private static func editDistance(_ lhs: String, _ rhs: String) -> Int {
    let a = Array(lhs)
    let b = Array(rhs)
    guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
    var row = Array(0...b.count)
    for i in 1...a.count {
      var previous = row[0]
      row[0] = i
      for j in 1...b.count {
        let current = row[j]
        row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
        previous = current
      }
    }
    return row[b.count]
  }
}

public import ClaimModel

extension Ledger {
  /// Records one review action on one claim as one commit, in the reviewer's own file
  /// `Reviews/<source>/<claim>/<reviewer>.json`.
  /// - Parameter claimReference: a unique id prefix or `SOURCE-ID:ORDINAL`.
  /// - Throws: ``LedgerError`` for an unknown claim or verdict, a citation number out of range, or
  ///   a failed write; the ledger is then unchanged.
  public func record(
    _ action: ReviewAction, on claimReference: String, by reviewer: Identity, at time: Timestamp
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
      let previous = snapshot.reviews(of: claim).first { $0.reviewer.key == reviewer.key }
      try snapshot.requireReadable(path)
      try Self.requireOwnFile(previous, for: reviewer, at: path)
      var review =
        previous
        ?? Review(claim: claim.id, source: claim.source, reviewer: reviewer, updated: time)
      review.reviewer = reviewer
      let message = try Self.apply(action, to: &review, claim: claim, config: config, snapshot: snapshot)
      outcome = ReviewActionResult(claim: claim, review: review, previous: previous, commit: nil)
      guard review != previous || previous == nil else { return nil }
      var updated = review
      updated.updated = time
      outcome?.review = updated
      try Self.requireWritable(updated, at: path)
      let file: LedgerChange.File = updated.isEmpty ? .init(path: path, contents: nil) : .record(updated, at: path)
      if updated.isEmpty, previous == nil { return nil }
      return LedgerChange(files: [file], message: message(reviewer))
    }
    guard var outcome else { throw LedgerError(.nothingToDo, "nothing was recorded") }
    outcome.commit = commit
    return outcome
  }

  /// Applies `action` to `review` and returns the commit message to record it with.
  static func apply(
    _ action: ReviewAction, to review: inout Review, claim: Claim, config: LedgerConfig, snapshot: LedgerSnapshot
  ) throws(LedgerError) -> (Identity) -> CommitMessage {
    var trailers: [CommitMessage.Trailer] = []
    let subject: String
    var body: String?
    switch action {
    case .verdict(let name, let note):
      let verdict = try resolveVerdict(name, in: config.scale)
      let before = review.verdict
      review.verdict = verdict.id
      review.stale = nil
      if let note { review.note = note.isEmpty ? nil : note }
      body = note
      subject =
        before.map {
          $0 == verdict.id
            ? "verdict: \(claim.id) \(verdict.id) (confirmed)" : "verdict: \(claim.id) \($0) -> \(verdict.id)"
        }
        ?? "verdict: \(claim.id) \(verdict.id)"
      trailers.append(.init(TrailerKey.action, "verdict"))
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
      review.citations.append(citation)
      subject = "cite: \(claim.id) \(citation.url)"
      trailers.append(.init(TrailerKey.action, "cite"))
      trailers.append(.init(TrailerKey.citation, citation.url))
      if let stance = citation.stance { trailers.append(.init("Stance", stance.rawValue)) }
    case .uncite(let number):
      guard !review.citations.isEmpty else {
        throw LedgerError(.notFound, "you have no citations on claim \(claim.id) to remove")
      }
      guard (1...review.citations.count).contains(number) else {
        throw LedgerError(
          .notFound,
          "citation \(number) does not exist; yours on claim \(claim.id) are numbered 1–\(review.citations.count) ('claims show \(claim.id)')"
        )
      }
      let removed = review.citations.remove(at: number - 1)
      subject = "uncite: \(claim.id) #\(number) \(removed.url)"
      trailers.append(.init(TrailerKey.action, "uncite"))
      trailers.append(.init(TrailerKey.citation, removed.url))
    case .note(let text):
      let trimmed = text.trimmingWhitespace()
      review.note = trimmed.isEmpty ? nil : trimmed
      subject = trimmed.isEmpty ? "note: \(claim.id) removed" : "note: \(claim.id)"
      body = trimmed
      trailers.append(.init(TrailerKey.action, "note"))
    }
    let finalBody = body
    let finalTrailers = trailers
    return { reviewer in
      CommitMessage(
        subject: subject, body: finalBody,
        trailers: [.init(TrailerKey.claim, claim.id.rawValue), .init(TrailerKey.source, claim.source.rawValue)]
          + finalTrailers
          + [
            .init(TrailerKey.reviewer, reviewer.description),
            .init(TrailerKey.formatVersion, String(currentFormatVersion)),
          ])
    }
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

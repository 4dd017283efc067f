public import ClaimModel

extension Ledger {
  /// Re-imports a revised text of an existing source in one commit: unchanged sentences keep their
  /// claims and reviews; edited, split and merged sentences become new claims that supersede the
  /// old ones, whose reviews are carried over marked stale; dropped sentences' claims are retired.
  /// - Parameter dryRun: plan only; nothing is written.
  /// - Returns: the plan, and the commit (nil for a dry run or when nothing changed).
  public func reimportSource(_ request: ImportRequest, dryRun: Bool, as author: Identity, at time: Timestamp)
    throws(LedgerError) -> (plan: ReimportPlan, commit: CommitResult?)
  {
    guard let text = String(validating: request.bytes, as: UTF8.self) else {
      throw LedgerError(
        .invalidInput,
        "\(request.fileName.escapedForMessage) is not UTF-8 text; convert it (e.g. iconv -t UTF-8) and retry")
    }
    guard text.contains(where: { !$0.isWhitespace }) else {
      throw LedgerError(.invalidInput, "\(request.fileName.escapedForMessage) is empty; there is nothing to import")
    }
    try RecordLimits.checkSeed(path: LedgerPaths.seedText(request.source), size: request.bytes.count)
    let source = request.source
    func makePlan(_ snapshot: LedgerSnapshot) throws(LedgerError) -> (ReimportPlan, SourceRecord?) {
      guard snapshot.sourceIDs().contains(source) else {
        throw LedgerError(.notFound, "there is no source '\(source)' to replace; import it without --replace")
      }
      let records = snapshot.records(of: source)
      let elsewhere = Set(snapshot.claimLocations().filter { $0.source != source }.map(\.id))
      let order = ReviewHistoryOrder(ledger: self, snapshot: snapshot)
      let plan = ReimportPlanner().plan(
        source: source, newText: text, previous: records.claims, reviews: records.reviews, takenElsewhere: elsewhere,
        time: time, scale: snapshot.config().scale, historyRank: order.rank)
      return (plan, snapshot.sourceRecord(source))
    }
    if dryRun { return (try makePlan(try snapshot()).0, nil) }
    var plan = ReimportPlan(source: source)
    let commit = try commit(as: author, at: time) { (snapshot) throws(LedgerError) in
      let (made, previousRecord) = try makePlan(snapshot)
      plan = made
      let records = snapshot.records(of: source)
      let previousText = snapshot.seedText(source)
      let sourceRecord = SourceRecord(
        request: request, previous: previousRecord, claimCount: made.records.filter { !$0.isRetired }.count)
      let pagePath = LedgerPaths.seedPage(source)
      // The same text with a new title, URL or date (or page) updates the source's record alone.
      guard previousText != text || sourceRecord != previousRecord else { return nil }
      let existing = Dictionary(records.claims.map { ($0.id, $0) }) { first, _ in first }
      var files: [LedgerChange.File] = [LedgerChange.File(path: LedgerPaths.seedText(source), contents: request.bytes)]
      files.append(.record(sourceRecord, at: LedgerPaths.sourceRecord(source)))
      // The page the text was taken from goes with the text: replaced by the new page, removed
      // when the new text comes from a text file.
      if let page = request.page {
        files.append(LedgerChange.File(path: pagePath, contents: page.bytes))
      } else if snapshot.entry(at: pagePath) != nil {
        files.append(LedgerChange.File(path: pagePath, contents: nil))
      }
      for claim in made.records where existing[claim.id] != claim {
        files.append(.record(claim, at: LedgerPaths.claim(claim.id, in: source)))
      }
      for review in made.staleReviews {
        files.append(.record(review, at: LedgerPaths.review(review.claim, in: source, by: review.reviewer)))
      }
      for rewording in made.reworded {
        guard
          let assignment = rewording.replaces.compactMap({ records.assignments[$0.id] }).max(by: {
            $0.updated < $1.updated
          }),
          assignment.assignee != nil
        else { continue }
        var carried = assignment
        carried.claim = rewording.claim.id
        files.append(.record(carried, at: LedgerPaths.assignment(carried.claim, in: source, by: carried.assignedBy)))
      }
      var trailers: [CommitMessage.Trailer] = [
        .action(.reimport), .init(TrailerKey.source, source.rawValue),
        .init("Claims-Kept", String(made.kept.count)), .init("Claims-Added", String(made.added.count)),
        .init("Claims-Reworded", String(made.reworded.count)), .init("Claims-Retired", String(made.deleted.count)),
      ]
      let touched =
        made.added.map(\.id) + made.reworded.flatMap { [$0.claim.id] + $0.replaces.map(\.id) } + made.deleted.map(\.id)
      trailers += touched.map { .init(TrailerKey.claim, $0.rawValue) }
      trailers.append(.init(TrailerKey.reviewer, author.description))
      trailers.append(.init(TrailerKey.formatVersion, String(currentFormatVersion)))
      let summary =
        "\(made.kept.count) kept, \(made.added.count) added, \(made.reworded.count) reworded, \(made.deleted.count) retired"
      return try LedgerChange(
        files: files, message: CommitMessage(subject: "reimport: \(source) (\(summary))", trailers: trailers)
      ).refusingOversizedRecords(from: request.fileName)
    }
    return (plan, commit)
  }
}

public import ClaimModel
import Git

extension Ledger {
  /// The semantic difference between two revisions (`to` nil: the branch tip, which claims keeps
  /// equal to the work tree). Only the files that differ are read, so the cost follows the number
  /// of changes, not the size of the ledger.
  public func diff(from: String, to: String?, sources: [SourceID] = []) throws(LedgerError) -> LedgerDiff {
    let before = try snapshot(at: from)
    let after: LedgerSnapshot
    if let to {
      after = try snapshot(at: to)
    } else {
      after = try snapshot()
    }
    var diff = LedgerDiff(from: before.revision, to: after.revision)
    let wanted = Set(sources)
    func isWanted(_ path: String) -> SourceID? {
      let parts = path.split(separator: "/")
      guard parts.count >= 3, let source = SourceID(String(parts[1])) else { return nil }
      return wanted.isEmpty || wanted.contains(source) ? source : nil
    }
    func changes(under directory: String) throws(LedgerError) -> [FileChange] {
      do {
        return try repository.changedFiles(
          from: before.treeID(ofDirectory: directory), to: after.treeID(ofDirectory: directory), prefix: directory)
      } catch {
        throw LedgerError("cannot compare the revisions: \(error.message)")
      }
    }
    var touched: [ClaimID: SourceID] = [:]

    for change in try changes(under: LedgerPaths.claims) {
      guard isWanted(change.path) != nil else { continue }
      let old = change.oldID.flatMap { before.objects.record(Claim.self, blob: $0, path: change.path) }
      let new = change.newID.flatMap { after.objects.record(Claim.self, blob: $0, path: change.path) }
      switch (old, new) {
      case (nil, let new?):
        diff.claims.append(.init(claim: new, kind: new.supersedes.isEmpty ? .added : .reworded(from: new.supersedes)))
        touched[new.id] = new.source
      case (let old?, nil):
        diff.claims.append(.init(claim: old, kind: .retired))
      case (let old?, let new?):
        if !old.isRetired, new.isRetired {
          diff.claims.append(.init(claim: new, kind: .retired))
        } else if old.text != new.text || old.supersedes != new.supersedes {
          diff.claims.append(.init(claim: new, kind: .reworded(from: new.supersedes)))
        }
      case (nil, nil):
        break
      }
    }

    for change in try changes(under: LedgerPaths.reviews) {
      guard let source = isWanted(change.path) else { continue }
      let old = change.oldID.flatMap { before.objects.record(Review.self, blob: $0, path: change.path) }
      let new = change.newID.flatMap { after.objects.record(Review.self, blob: $0, path: change.path) }
      guard let any = new ?? old else { continue }
      diff.reviews.append(.init(claim: any.claim, source: source, reviewer: any.reviewer, before: old, after: new))
      touched[any.claim] = source
    }

    let config = after.config()
    for (claim, source) in touched.sorted(by: { $0.key < $1.key }) {
      let oldReviews = before.reviews(ofClaim: claim, in: source)
      let newReviews = after.reviews(ofClaim: claim, in: source)
      guard let record = after.claimRecord(claim, in: source) ?? before.claimRecord(claim, in: source) else { continue }
      let was = ClaimStatus(claim: record, reviews: oldReviews, config: config)
      let now = ClaimStatus(claim: record, reviews: newReviews, config: config)
      if was.isDisputed != now.isDisputed {
        diff.disputes.append(.init(claim: claim, source: source, isDisputed: now.isDisputed, verdicts: now.verdicts))
      }
    }

    var assignmentClaims: [ClaimID: SourceID] = [:]
    for change in try changes(under: LedgerPaths.assignments) {
      guard let source = isWanted(change.path), let claim = ClaimID(String(change.path.split(separator: "/")[2])) else {
        continue
      }
      assignmentClaims[claim] = source
    }
    for (claim, source) in assignmentClaims.sorted(by: { $0.key < $1.key }) {
      let was = before.assignment(ofClaim: claim, in: source)?.assignee
      let now = after.assignment(ofClaim: claim, in: source)?.assignee
      if was != now { diff.assignments.append(.init(claim: claim, source: source, before: was, after: now)) }
    }
    diff.problems = before.problems + after.problems
    return diff
  }
}

extension ObjectReader {
  /// Blob `id`, found at `path`, decoded as record type `R`; nil (reported) when unusable.
  func record<R: LedgerRecord>(_ type: R.Type, blob id: ObjectID, path: String) -> R? {
    let (directory, name) = LedgerSnapshot.split(path)
    return record(type, entry: TreeEntry(name: name, id: id, kind: .blob, fileMode: 0o100644), in: directory)
  }
}

extension LedgerSnapshot {
  /// The reviews of one claim, read from its own directory without loading the whole source.
  func reviews(ofClaim claim: ClaimID, in source: SourceID) -> [Review] {
    let directory = LedgerPaths.reviewDirectory(claim, in: source)
    return entries(ofDirectory: directory).compactMap { entry in
      guard let review = objects.record(Review.self, entry: entry, in: directory), review.claim == claim else {
        return nil
      }
      return review
    }.sorted { $0.reviewer.key < $1.reviewer.key }
  }

  /// One claim record, read from its own file.
  func claimRecord(_ claim: ClaimID, in source: SourceID) -> Claim? {
    guard let entry = entry(at: LedgerPaths.claim(claim, in: source)) else { return nil }
    return objects.record(Claim.self, entry: entry, in: LedgerPaths.claimDirectory(source))
  }

  /// The standing assignment of one claim, read from its own directory.
  func assignment(ofClaim claim: ClaimID, in source: SourceID) -> Assignment? {
    let directory = "\(LedgerPaths.assignments)/\(source)/\(claim)"
    return entries(ofDirectory: directory).compactMap { entry in
      objects.record(Assignment.self, entry: entry, in: directory)
    }.max { ($0.updated, $0.assignedBy.key) < ($1.updated, $1.assignedBy.key) }
  }
}

public import ClaimModel
import Git

/// Which trees hold a source's records: its directories under `Claims/`, `Reviews/` and
/// `Assignments/`. Equal keys mean equal records, so a key names a cache entry.
struct SourceKey: Equatable, Sendable {
  var claims: ObjectID?
  var reviews: ObjectID?
  var assignments: ObjectID?
}

/// Everything the ledger holds about one source's claims, read and checked.
public struct SourceRecords: Sendable {
  /// Every claim, retired ones included, by ordinal.
  public var claims: [Claim] = []
  /// Each claim's reviews, sorted by reviewer.
  public var reviews: [ClaimID: [Review]] = [:]
  /// Each claim's standing assignment: the latest any editor made.
  public var assignments: [ClaimID: Assignment] = [:]
  /// The files that could not be used.
  public var problems: [LedgerProblem] = []
}

/// Reads one source's records from its trees.
struct SourceReader {
  let objects: ObjectReader

  func read(_ source: SourceID, key: SourceKey) -> SourceRecords {
    var records = SourceRecords()
    let before = objects.problems.count
    if let tree = key.claims { records.claims = readClaims(source, tree: tree) }
    if let tree = key.reviews { records.reviews = readReviews(source, tree: tree) }
    if let tree = key.assignments { records.assignments = readAssignments(source, tree: tree) }
    records.problems = Array(objects.problems[before...])
    return records
  }

  private func readClaims(_ source: SourceID, tree: ObjectID) -> [Claim] {
    let directory = LedgerPaths.claimDirectory(source)
    var claims: [Claim] = []
    // Paths are spelled out only for a problem: a cold report reads 200,000 files.
    for entry in objects.entries(ofTree: tree, at: directory) {
      guard let id = LedgerPaths.claimID(fromFileName: entry.name) else {
        objects.report(
          .misplaced, "\(directory)/\(entry.name)", "is not named <claim-id>.json",
          remedy: "rename or remove it, then commit")
        continue
      }
      guard let claim = objects.record(Claim.self, entry: entry, in: directory) else { continue }
      guard claim.id == id, claim.source == source else {
        objects.report(
          .misplaced, "\(directory)/\(entry.name)",
          "holds claim \(claim.source):\(claim.id), which does not match its file name")
        continue
      }
      claims.append(claim)
    }
    claims.sort { ($0.ordinal, $0.id) < ($1.ordinal, $1.id) }
    return claims
  }

  /// Whether `name` is `<slug>.json` for `identity`, compared on bytes without making that string
  /// (slugs are ASCII, so bytes decide as `==` would).
  private static func isFile(_ name: String, of identity: Identity) -> Bool {
    let slug = identity.fileSlug.utf8
    return name.utf8.count == slug.count + 5 && name.utf8.starts(with: slug)
      && name.utf8.suffix(5).elementsEqual(".json".utf8)
  }

  private func readReviews(_ source: SourceID, tree: ObjectID) -> [ClaimID: [Review]] {
    var result: [ClaimID: [Review]] = [:]
    let sourceDirectory = LedgerPaths.reviewSourceDirectory(source)
    for claimEntry in objects.entries(ofTree: tree, at: sourceDirectory) {
      let claimDirectory = "\(sourceDirectory)/\(claimEntry.name)"
      guard let claimID = ClaimID(claimEntry.name), claimEntry.kind == .tree else {
        objects.report(
          .misplaced, claimDirectory, "is not a directory named after a claim id",
          remedy: "rename or remove it, then commit")
        continue
      }
      var reviews: [Review] = []
      for entry in objects.entries(ofTree: claimEntry.id, at: claimDirectory) {
        guard let review = objects.record(Review.self, entry: entry, in: claimDirectory) else { continue }
        guard review.claim == claimID, review.source == source, Self.isFile(entry.name, of: review.reviewer) else {
          objects.report(
            .misplaced, "\(claimDirectory)/\(entry.name)",
            "holds a review whose claim, source or reviewer does not match its path")
          continue
        }
        reviews.append(review)
      }
      if !reviews.isEmpty { result[claimID] = reviews.sorted { $0.reviewer.key < $1.reviewer.key } }
    }
    return result
  }

  private func readAssignments(_ source: SourceID, tree: ObjectID) -> [ClaimID: Assignment] {
    var result: [ClaimID: Assignment] = [:]
    let sourceDirectory = "\(LedgerPaths.assignments)/\(source)"
    for claimEntry in objects.entries(ofTree: tree, at: sourceDirectory) {
      let claimDirectory = "\(sourceDirectory)/\(claimEntry.name)"
      guard let claimID = ClaimID(claimEntry.name), claimEntry.kind == .tree else {
        objects.report(
          .misplaced, claimDirectory, "is not a directory named after a claim id",
          remedy: "rename or remove it, then commit")
        continue
      }
      for entry in objects.entries(ofTree: claimEntry.id, at: claimDirectory) {
        guard let assignment = objects.record(Assignment.self, entry: entry, in: claimDirectory) else { continue }
        guard assignment.claim == claimID, assignment.source == source,
          Self.isFile(entry.name, of: assignment.assignedBy)
        else {
          objects.report(
            .misplaced, "\(claimDirectory)/\(entry.name)",
            "holds an assignment whose claim, source or editor does not match its path")
          continue
        }
        if let current = result[claimID],
          (current.updated, current.assignedBy.key) > (assignment.updated, assignment.assignedBy.key)
        {
          continue
        }
        result[claimID] = assignment
      }
    }
    return result
  }
}

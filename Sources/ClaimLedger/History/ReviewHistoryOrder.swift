import ClaimModel
import Git

/// When each review file got its current content, as a rank in the ledger's history (larger is
/// later): the order of two reviewers' actions even when their `updated` times are the same second.
/// The history is read on first use only, so a re-import that merges nothing never walks it.
final class ReviewHistoryOrder {
  private let ledger: Ledger
  private let snapshot: LedgerSnapshot
  private var entries: [HistoryEntry]?

  init(ledger: Ledger, snapshot: LedgerSnapshot) {
    self.ledger = ledger
    self.snapshot = snapshot
  }

  /// The rank of the commit that last changed `review`'s file, nil when history cannot tell.
  func rank(_ review: Review) -> Int? {
    let path = LedgerPaths.review(review.claim, in: review.source, by: review.reviewer)
    guard let current = snapshot.entry(at: path)?.id, let tip = snapshot.revision else { return nil }
    if entries == nil { entries = (try? ledger.history(from: tip)) ?? [] }
    guard let entries else { return nil }
    let repository = ledger.repository
    func blob(in commit: ObjectID) -> ObjectID? {
      guard let tree = try? repository.commit(commit).treeID else { return nil }
      return (try? repository.treeEntry(at: path, inTree: tree))?.id
    }
    // Newest first: the first commit holding the file's content whose parent did not is the one that
    // set it. Commits naming other claims only are skipped; commits naming none (merges, bulk edits)
    // are looked at.
    for (index, entry) in entries.enumerated() where entry.claims.isEmpty || entry.claims.contains(review.claim) {
      guard let id = ObjectID(hex: entry.commit), blob(in: id) == current else { continue }
      let parent = entry.parents.first.flatMap { ObjectID(hex: $0) }.flatMap(blob(in:))
      if parent != current { return entries.count - index }
    }
    return nil
  }
}

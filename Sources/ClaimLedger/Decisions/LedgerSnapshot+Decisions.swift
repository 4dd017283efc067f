public import ClaimModel
import Git

extension LedgerSnapshot {
  /// The desk's decision on every claim of `source` that has one, by claim. Records that cannot be
  /// used, or do not match their path, are reported and left out.
  ///
  /// Decisions are few (a desk rules out a handful of sentences per article), so they are read from
  /// the tree each time rather than kept in the record cache; the report's caches know them through
  /// ``fingerprint(of:)``.
  public func decisions(of source: SourceID) -> [ClaimID: ClaimDecision] {
    if let known = decisionCache[source] { return known }
    let sourceDirectory = LedgerPaths.decisionSourceDirectory(source)
    var result: [ClaimID: ClaimDecision] = [:]
    for claimEntry in entries(ofDirectory: sourceDirectory) {
      let claimDirectory = "\(sourceDirectory)/\(claimEntry.name)"
      guard let claim = ClaimID(claimEntry.name), claimEntry.kind == .tree else {
        report(
          .misplaced, claimDirectory, "is not a directory named after a claim id",
          remedy: "rename or remove it, then commit")
        continue
      }
      var records: [DecisionRecord] = []
      for entry in entries(ofDirectory: claimDirectory) {
        guard let record = objects.record(DecisionRecord.self, entry: entry, in: claimDirectory) else { continue }
        guard record.claim == claim, record.source == source, entry.name == "\(record.editor.fileSlug).json" else {
          report(
            .misplaced, "\(claimDirectory)/\(entry.name)",
            "holds decisions whose claim, source or editor does not match its path")
          continue
        }
        var named = record
        named.editor = people.canonical(record.editor)
        records.append(named)
      }
      let decision = ClaimDecision(records: records)
      if !decision.isEmpty { result[claim] = decision }
    }
    decisionCache[source] = result
    return result
  }

  /// The desk's decision on `claim`, if any.
  public func decision(of claim: Claim) -> ClaimDecision? {
    decisions(of: claim.source)[claim.id]
  }

  /// The decision file at `path` as it stands; nil when there is none.
  /// - Throws: ``LedgerError`` when the file is there but cannot be read: writing over it would lose it.
  func decisionFile(at path: String) throws(LedgerError) -> DecisionRecord? {
    guard let entry = entry(at: path) else { return nil }
    let record = objects.record(DecisionRecord.self, entry: entry, in: Self.split(path).directory)
    try requireReadable(path)
    return record
  }
}

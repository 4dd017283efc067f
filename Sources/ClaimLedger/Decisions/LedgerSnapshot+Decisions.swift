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
    let files = personRecords(
      DecisionRecord.self, under: LedgerPaths.decisionSourceDirectory(source), of: source, what: "decisions",
      role: "editor", claim: \.claim, source: \.source, person: \.editor)
    var result: [ClaimID: ClaimDecision] = [:]
    for (claim, records) in files {
      let named = records.map { record in
        var named = record
        named.editor = people.canonical(record.editor)
        return named
      }
      let decision = ClaimDecision(records: named)
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

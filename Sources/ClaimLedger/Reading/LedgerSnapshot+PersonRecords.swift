import ClaimModel
import Git

extension LedgerSnapshot {
  /// The one-file-per-person records of each claim under `sourceDirectory`
  /// (`<Folder>/<source>/<claim>/<person>.json`: links, desk decisions), by claim. A folder not
  /// named after a claim id, and a record whose claim, source or person (`person`, named `role` in
  /// the message) does not match its path, are reported (as holding `what`) and left out.
  func personRecords<Record: LedgerRecord>(
    _ type: Record.Type, under sourceDirectory: String, of source: SourceID, what: String, role: String,
    claim: (Record) -> ClaimID, source recordSource: (Record) -> SourceID, person: (Record) -> Identity
  ) -> [ClaimID: [Record]] {
    var result: [ClaimID: [Record]] = [:]
    for claimEntry in entries(ofDirectory: sourceDirectory) {
      let claimDirectory = "\(sourceDirectory)/\(claimEntry.name)"
      guard let claimID = ClaimID(claimEntry.name), claimEntry.kind == .tree else {
        report(
          .misplaced, claimDirectory, "is not a directory named after a claim id",
          remedy: "rename or remove it, then commit")
        continue
      }
      var records: [Record] = []
      for entry in entries(ofDirectory: claimDirectory) {
        guard let record = objects.record(type, entry: entry, in: claimDirectory) else { continue }
        guard claim(record) == claimID, recordSource(record) == source,
          entry.name == "\(person(record).fileSlug).json"
        else {
          report(
            .misplaced, "\(claimDirectory)/\(entry.name)",
            "holds \(what) whose claim, source or \(role) does not match its path")
          continue
        }
        records.append(record)
      }
      if !records.isEmpty { result[claimID] = records }
    }
    return result
  }
}

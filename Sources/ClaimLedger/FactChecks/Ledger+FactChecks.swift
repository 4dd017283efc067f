public import ClaimModel
import Git

/// What `claims factchecks import` did.
public struct FactCheckImport: Sendable, Equatable {
  /// Fact-checks the ledger did not have.
  public var added: [FactCheck] = []
  /// Fact-checks it had under the same `url`, now changed.
  public var updated: [FactCheck] = []
  /// Fact-checks it already had exactly so.
  public var unchanged = 0
  /// The commit made; nil when nothing changed.
  public var commit: CommitResult?
}

extension Ledger {
  /// Stores fact-checks read from a ClaimReview feed as reference records
  /// (`FactChecks/<publisher-slug>/<id>.json`), all in one commit. A fact-check whose `url` the ledger
  /// already has updates that record (its first import time and place are kept, and a record moved
  /// to another publisher's folder leaves the old one); one it has exactly so is left alone.
  /// - Parameter origin: the file or address read, for the commit message.
  /// - Throws: ``LedgerError``; the ledger is then unchanged.
  public func importFactChecks(
    _ factChecks: [FactCheck], origin: String, by author: Identity, at time: Timestamp
  ) throws(LedgerError) -> FactCheckImport {
    var outcome = FactCheckImport()
    let commit = try commit(as: author, at: time) { (snapshot) throws(LedgerError) in
      outcome = FactCheckImport()
      var existing: [String: (path: String, record: FactCheck?)] = [:]
      for (path, entry) in snapshot.factCheckEntries() {
        let name = LedgerSnapshot.split(path).name
        guard name.hasSuffix(".json") else { continue }
        existing[String(name.dropLast(5)), default: (path, nil)] = (path, snapshot.factCheck(at: path, entry: entry))
      }
      var files: [LedgerChange.File] = []
      for (position, incoming) in factChecks.enumerated() {
        var record = incoming
        let path = LedgerPaths.factCheck(record)
        let previous = existing[record.id]
        if let old = previous?.record, old.url == record.url {
          record.imported = old.imported ?? time
          record.importPosition = old.importPosition ?? position
          if old == record {
            outcome.unchanged += 1
            continue
          }
          outcome.updated.append(record)
        } else {
          record.imported = time
          record.importPosition = position
          outcome.added.append(record)
        }
        if let previous, previous.path != path { files.append(LedgerChange.File(path: previous.path, contents: nil)) }
        files.append(.record(record, at: path))
      }
      guard !files.isEmpty else { return nil }
      let added = outcome.added.count
      let updated = outcome.updated.count
      var parts = ["\(added) added"]
      if updated > 0 { parts.append("\(updated) updated") }
      return LedgerChange(
        files: files,
        message: CommitMessage(
          subject: "factchecks: import \(origin) (\(parts.joined(separator: ", ")))",
          trailers: [
            .action(.factChecks), .init("Fact-Checks-Added", "\(added)"),
            .init("Fact-Checks-Updated", "\(updated)"), .init(TrailerKey.reviewer, author.description),
            .init(TrailerKey.formatVersion, "\(currentFormatVersion)"),
          ]))
    }
    outcome.commit = commit
    return outcome
  }
}

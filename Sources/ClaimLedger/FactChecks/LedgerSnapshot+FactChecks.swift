public import ClaimModel
import Git

extension LedgerSnapshot {
  /// Every fact-check record of the ledger, by publisher folder then file name; files that cannot
  /// be used are reported in ``problems`` and left out.
  public func factChecks() -> [FactCheck] {
    factCheckEntries().compactMap { factCheck(at: $0.path, entry: $0.entry) }
  }

  /// The fact-check whose address is `url`, or nil.
  public func factCheck(url: String) -> FactCheck? {
    let id = FactCheck(url: url, claimReviewed: "-").id
    for folder in entries(ofDirectory: LedgerPaths.factChecks) where folder.kind == .tree {
      let directory = "\(LedgerPaths.factChecks)/\(folder.name)"
      guard let entry = self.directory(directory).entry(named: "\(id).json"),
        let record = factCheck(at: "\(directory)/\(entry.name)", entry: entry), record.url == url
      else { continue }
      return record
    }
    return nil
  }

  /// The file entries under `FactChecks/<slug>/`, with their paths.
  func factCheckEntries() -> [(path: String, entry: TreeEntry)] {
    var result: [(String, TreeEntry)] = []
    for folder in entries(ofDirectory: LedgerPaths.factChecks) {
      let directory = "\(LedgerPaths.factChecks)/\(folder.name)"
      guard folder.kind == .tree, FactCheck.isWellFormedSlug(folder.name) else {
        report(
          .misplaced, directory, "is not a folder named after a publisher", remedy: "rename or remove it, then commit")
        continue
      }
      for entry in entries(ofDirectory: directory) { result.append(("\(directory)/\(entry.name)", entry)) }
    }
    return result
  }

  /// The fact-check record of `entry` at `path`, checked against its path; nil (reported) when unusable.
  func factCheck(at path: String, entry: TreeEntry, objects reader: ObjectReader? = nil) -> FactCheck? {
    let reader = reader ?? objects
    let (directory, name) = Self.split(path)
    guard let record = reader.record(FactCheck.self, entry: entry, in: directory) else { return nil }
    guard LedgerPaths.factCheck(record) == path, name == "\(record.id).json" else {
      reader.report(
        .misplaced, path,
        "holds the fact-check \(record.url.escapedForMessage), which belongs at \(LedgerPaths.factCheck(record))",
        remedy: "move it there, then commit")
      return nil
    }
    return record
  }
}

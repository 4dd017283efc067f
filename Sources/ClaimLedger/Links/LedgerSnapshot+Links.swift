public import ClaimModel
import Git

extension LedgerSnapshot {
  /// The link records of every claim of `source` that has any, by claim, each list sorted by linker.
  /// Records that cannot be used, or do not match their path, are reported and left out.
  public func links(of source: SourceID) -> [ClaimID: [LinkRecord]] {
    let sourceDirectory = LedgerPaths.linkSourceDirectory(source)
    var result: [ClaimID: [LinkRecord]] = [:]
    for claimEntry in entries(ofDirectory: sourceDirectory) {
      let claimDirectory = "\(sourceDirectory)/\(claimEntry.name)"
      guard let claim = ClaimID(claimEntry.name), claimEntry.kind == .tree else {
        report(
          .misplaced, claimDirectory, "is not a directory named after a claim id",
          remedy: "rename or remove it, then commit")
        continue
      }
      var records: [LinkRecord] = []
      for entry in entries(ofDirectory: claimDirectory) {
        guard let record = objects.record(LinkRecord.self, entry: entry, in: claimDirectory) else { continue }
        guard record.claim == claim, record.source == source, entry.name == "\(record.linker.fileSlug).json" else {
          report(
            .misplaced, "\(claimDirectory)/\(entry.name)",
            "holds links whose claim, source or linker does not match its path")
          continue
        }
        if !record.links.isEmpty { records.append(record) }
      }
      if !records.isEmpty { result[claim] = records.sorted { $0.linker.key < $1.linker.key } }
    }
    return result
  }

  /// The links in force on `claim`, from every person who linked it: each target once, with who
  /// linked it first.
  public func links(of claim: Claim) -> [(target: LinkTarget, linker: Identity, at: Timestamp)] {
    var seen: Set<LinkTarget> = []
    var result: [(LinkTarget, Identity, Timestamp)] = []
    let all = (links(of: claim.source)[claim.id] ?? []).flatMap { record in
      record.links.map { (target: $0.target, linker: people.canonical(record.linker), event: $0.event) }
    }
    for item in all.sorted(by: { $0.event.precedes($1.event) }) where seen.insert(item.target).inserted {
      result.append((item.target, item.linker, item.event.at))
    }
    return result
  }

  /// Every source that has links, sorted.
  public func sourcesWithLinks() -> [SourceID] {
    entries(ofDirectory: LedgerPaths.links).compactMap { $0.kind == .tree ? SourceID($0.name) : nil }.sorted()
  }
}

public import ClaimModel
import Git

extension LedgerSnapshot {
  /// The link records of every claim of `source` that has any, by claim, each list sorted by linker.
  /// Links follow re-imports as reviews do: a claim that supersedes others (through `supersedes`, as
  /// far back as it goes) holds their linkers' events beside its own, so a link made on the old
  /// wording, here or on a clone that had not seen the re-import, stands on the new one until
  /// someone unlinks it there. Records that cannot be used, or do not match their path, are
  /// reported and left out.
  public func links(of source: SourceID) -> [ClaimID: [LinkRecord]] {
    let own = linkFiles(of: source)
    guard !own.isEmpty else { return own }
    return Self.carryingLinks(own, along: claims(of: source)).compactMapValues { records in
      let inForce = records.filter { !$0.links.isEmpty }
      return inForce.isEmpty ? nil : inForce
    }
  }

  /// `records` with the events of every claim's records added to the records of the claims that
  /// replaced it, one record per linker.
  static func carryingLinks(_ records: [ClaimID: [LinkRecord]], along claims: [Claim]) -> [ClaimID: [LinkRecord]] {
    var successors: [ClaimID: [ClaimID]] = [:]
    for claim in claims {
      for old in claim.supersedes where old != claim.id { successors[old, default: []].append(claim.id) }
    }
    guard !successors.isEmpty else { return records }
    var result = records
    for (claim, claimRecords) in records.sorted(by: { $0.key < $1.key }) {
      // Every claim that replaces this one, directly or through others.
      var reached: Set<ClaimID> = [claim]
      var queue = successors[claim] ?? []
      while let next = queue.popLast() {
        guard reached.insert(next).inserted else { continue }
        queue += successors[next] ?? []
        var carried = result[next] ?? []
        for record in claimRecords {
          let events = record.events.filter { event in
            if case .link(let target) = event.change { return !(target.kind == .claim && target.key == next.rawValue) }
            return true
          }
          if let index = carried.firstIndex(where: { $0.linker.key == record.linker.key }) {
            carried[index].add(events)
          } else {
            carried.append(LinkRecord(claim: next, source: record.source, linker: record.linker, events: events))
          }
        }
        result[next] = carried.sorted { $0.linker.key < $1.linker.key }
      }
    }
    return result
  }

  /// The link files of `source` as they are, without links carried from replaced claims; a file
  /// whose links were all taken back is kept (its unlink events may take back carried links).
  func linkFiles(of source: SourceID) -> [ClaimID: [LinkRecord]] {
    personRecords(
      LinkRecord.self, under: LedgerPaths.linkSourceDirectory(source), of: source, what: "links", role: "linker",
      claim: \.claim, source: \.source, person: \.linker
    ).mapValues { $0.sorted { $0.linker.key < $1.linker.key } }
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

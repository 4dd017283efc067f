public import ClaimModel

/// What `claims link` or `claims unlink` recorded.
public struct LinkResult: Sendable {
  /// The claim linked or unlinked.
  public var claim: Claim
  /// The targets linked (one) or unlinked (one or more).
  public var targets: [LinkTarget]
  /// The commit made.
  public var commit: CommitResult?
}

extension Ledger {
  /// Records, in `linker`'s own file `Links/<source>/<claim>/<linker>.json`, that the claim is the same
  /// as an earlier one: a fact-check of the ledger (`target` an http(s) address) or another claim
  /// (`target` an id prefix or `SOURCE-ID:ORDINAL`). One commit.
  /// - Throws: ``LedgerError`` for an unknown claim or target, a claim linked to itself, a link
  ///   the person already has, or a failed write; the ledger is then unchanged.
  public func link(
    _ claimReference: String, to target: String, by linker: Identity, at time: Timestamp
  ) throws(LedgerError) -> LinkResult {
    var result: LinkResult?
    let commit = try commit(as: linker, at: time) { (snapshot) throws(LedgerError) in
      let claim = try snapshot.resolveClaim(claimReference)
      guard !claim.isRetired else {
        throw LedgerError(
          .wrongState, "claim \(claim.id) was retired when its article was revised; link the claim that replaced it")
      }
      let resolved = try snapshot.resolveLinkTarget(target, for: claim)
      let path = LedgerPaths.link(claim.id, in: claim.source, by: linker)
      var record = try snapshot.linkRecord(of: claim, by: linker, at: path)
      guard !record.links.contains(where: { $0.target == resolved }) else {
        throw LedgerError(
          .alreadyExists,
          "you already linked claim \(claim.id) to \(resolved.key); 'claims show \(claim.id)' lists its links")
      }
      if linker.hasNameOfItsOwn { record.linker = linker }
      let event = record.record(.link(resolved), at: time)
      result = LinkResult(claim: claim, targets: [resolved])
      return LedgerChange(
        files: [.record(record, at: path)],
        message: Self.linkMessage(
          "link: \(claim.id) \(resolved.key)", action: .link, claim: claim, targets: [resolved], linker: linker,
          event: event))
    }
    guard var result else { throw LedgerError(.nothingToDo, "nothing was recorded") }
    result.commit = commit
    return result
  }

  /// Takes back `linker`'s links of a claim: the one to `target`, or all of them when `target` is nil.
  /// - Throws: ``LedgerError`` when the person has no such link; the ledger is then unchanged.
  public func removeLinks(
    of claimReference: String, to target: String?, by linker: Identity, at time: Timestamp
  ) throws(LedgerError) -> LinkResult {
    var result: LinkResult?
    let commit = try commit(as: linker, at: time) { (snapshot) throws(LedgerError) in
      let claim = try snapshot.resolveClaim(claimReference)
      let path = LedgerPaths.link(claim.id, in: claim.source, by: linker)
      var record = try snapshot.linkRecord(of: claim, by: linker, at: path)
      guard !record.links.isEmpty else {
        throw LedgerError(.notFound, "you have no links on claim \(claim.id) to remove")
      }
      var removed = record.links
      if let target {
        let resolved = try snapshot.resolveLinkTarget(target, for: claim, mustExist: false)
        removed = removed.filter { $0.target == resolved }
        guard !removed.isEmpty else {
          let yours = record.links.map(\.target.key).joined(separator: ", ")
          throw LedgerError(.notFound, "you have no link from claim \(claim.id) to \(resolved.key); yours: \(yours)")
        }
      }
      let event = record.record(.unlink(removed.map(\.event.id)), at: time)
      let targets = removed.map(\.target)
      result = LinkResult(claim: claim, targets: targets)
      let what = targets.count == 1 ? targets[0].key : "\(targets.count) links"
      return LedgerChange(
        files: [.record(record, at: path)],
        message: Self.linkMessage(
          "unlink: \(claim.id) \(what)", action: .unlink, claim: claim, targets: targets, linker: linker, event: event)
      )
    }
    guard var result else { throw LedgerError(.nothingToDo, "nothing was recorded") }
    result.commit = commit
    return result
  }

  private static func linkMessage(
    _ subject: String, action: CommitAction, claim: Claim, targets: [LinkTarget], linker: Identity, event: LinkEvent
  ) -> CommitMessage {
    CommitMessage(
      subject: subject,
      trailers: [
        .init(TrailerKey.claim, claim.id.rawValue), .init(TrailerKey.source, claim.source.rawValue),
        .action(action),
      ] + targets.map { .init("Link", $0.key) } + [
        .init(TrailerKey.reviewer, linker.description), .init(TrailerKey.event, event.id),
        .init(TrailerKey.formatVersion, String(currentFormatVersion)),
      ])
  }
}

extension LedgerSnapshot {
  /// The link file at `path` as it stands; nil when there is none.
  /// - Throws: ``LedgerError`` when the file is there but cannot be read: writing over it would lose it.
  func linkFile(at path: String) throws(LedgerError) -> LinkRecord? {
    guard let entry = entry(at: path) else { return nil }
    let record = objects.record(LinkRecord.self, entry: entry, in: Self.split(path).directory)
    try requireReadable(path)
    return record
  }

  /// `linker`'s links of `claim` as they stand: the file at `path` (or an empty record) with the
  /// events carried from the claims it replaced (see ``links(of:)-(SourceID)``), so that a link or
  /// unlink written now keeps them in the file.
  func linkRecord(of claim: Claim, by linker: Identity, at path: String) throws(LedgerError) -> LinkRecord {
    var record =
      try linkFile(at: path) ?? LinkRecord(claim: claim.id, source: claim.source, linker: linker, events: [])
    guard !claim.supersedes.isEmpty else { return record }
    let carried = links(of: claim.source)[claim.id]?.first { $0.linker.key == linker.key }
    record.add(carried?.events ?? [])
    return record
  }

  /// What a link target names: a fact-check of the ledger by its address, or another claim.
  /// - Parameter mustExist: whether a fact-check address must be in the ledger (an unlink may name
  ///   one removed since).
  func resolveLinkTarget(_ text: String, for claim: Claim, mustExist: Bool = true) throws(LedgerError) -> LinkTarget {
    let trimmed = text.trimmingWhitespace()
    let lowered = trimmed.lowercased()
    if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
      guard !mustExist || factCheck(url: trimmed) != nil else {
        throw LedgerError(
          .notFound,
          "no fact-check with the address '\(trimmed.escapedForMessage)' in the ledger; import it with 'claims factchecks import', or see 'claims factchecks list'"
        )
      }
      return LinkTarget(kind: .factCheck, key: trimmed)
    }
    let other = try resolveClaim(trimmed)
    guard other.id != claim.id else {
      throw LedgerError(.invalidInput, "a claim cannot be linked to itself; name an earlier claim or a fact-check")
    }
    return LinkTarget(kind: .claim, key: other.id.rawValue)
  }
}

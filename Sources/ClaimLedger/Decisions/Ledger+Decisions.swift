public import ClaimModel

extension Ledger {
  /// Records a desk decision about claims, in `editor`'s own file for each claim
  /// (`Decisions/<source>/<claim>/<editor>.json`), in one commit: that they are not claims to check
  /// (`.notAClaim`), that they are checkable after all (`.checkable`), or who made one (`.claimant`).
  /// A claim whose decision would not change is left alone.
  /// - Parameter select: picks the claims from the ledger as the branch tip holds it.
  /// - Returns: the claims whose decision changed, and the commit (nil when none did).
  /// - Throws: ``LedgerError`` for a retired claim, no claims, or a failed write; the ledger is then
  ///   unchanged.
  public func decide(
    _ change: DecisionEvent.Change, by editor: Identity, at time: Timestamp,
    select: (LedgerSnapshot) throws(LedgerError) -> [Claim]
  ) throws(LedgerError) -> (claims: [Claim], commit: CommitResult?) {
    var changed: [Claim] = []
    let commit = try commit(as: editor, at: time) { (snapshot) throws(LedgerError) in
      let claims = try select(snapshot)
      guard !claims.isEmpty else { throw LedgerError(.nothingToDo, "no claims match; nothing to decide") }
      changed = []
      var files: [LedgerChange.File] = []
      for claim in claims {
        guard !claim.isRetired else {
          throw LedgerError(
            .wrongState,
            "claim \(claim.id) was retired when its article was revised; decide about the claim that replaced it")
        }
        let current = snapshot.decision(of: claim) ?? ClaimDecision()
        guard Self.changes(change, current) else { continue }
        let path = LedgerPaths.decision(claim.id, in: claim.source, by: editor)
        var record =
          try snapshot.decisionFile(at: path)
          ?? DecisionRecord(claim: claim.id, source: claim.source, editor: editor, events: [])
        if editor.hasNameOfItsOwn { record.editor = editor }
        record.record(change, at: time)
        files.append(.record(record, at: path))
        changed.append(claim)
      }
      guard !changed.isEmpty else { return nil }
      return LedgerChange(files: files, message: Self.decisionMessage(change, on: changed, by: editor))
    }
    return (changed, commit)
  }

  /// Whether recording `change` would change what `current` says.
  private static func changes(_ change: DecisionEvent.Change, _ current: ClaimDecision) -> Bool {
    switch change {
    case .notAClaim(let reason): current.notAClaim.map { $0.reason != reason } ?? true
    case .checkable: current.isNotAClaim
    case .claimant(let claimant): current.claimant != claimant
    }
  }

  private static func decisionMessage(
    _ change: DecisionEvent.Change, on claims: [Claim], by editor: Identity
  ) -> CommitMessage {
    let what = claims.count == 1 ? claims[0].id.rawValue : "\(claims.count) claims"
    var body: String?
    let subject: String
    var trailers: [CommitMessage.Trailer] = [.action(change.commitAction)]
    switch change {
    case .notAClaim(let reason):
      subject = "dismiss: \(what) (not a claim)"
      body = reason
    case .checkable:
      subject = "undismiss: \(what)"
    case .claimant(let claimant):
      subject = "claimant: \(what) \(claimant?.name ?? "removed")"
      if let claimant { trailers.append(.init(TrailerKey.claimant, claimant.name)) }
    }
    trailers += claims.map { .init(TrailerKey.claim, $0.id.rawValue) }
    trailers += Set(claims.map(\.source)).sorted().map { .init(TrailerKey.source, $0.rawValue) }
    trailers.append(.init(TrailerKey.reviewer, editor.description))
    trailers.append(.init(TrailerKey.formatVersion, String(currentFormatVersion)))
    return CommitMessage(subject: subject, body: body, trailers: trailers)
  }
}

extension DecisionEvent.Change {
  /// The `Action:` trailer of the commit that records it: `dismiss`, `undismiss` or `claimant`.
  public var commitAction: CommitAction {
    switch self {
    case .notAClaim: .dismiss
    case .checkable: .undismiss
    case .claimant: .claimant
    }
  }
}

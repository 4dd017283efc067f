public import ClaimModel

extension Ledger {
  /// Assigns claims to a reviewer (or, with a nil assignee, takes the assignment back), in one
  /// commit. Each editor writes their own file per claim; the latest assignment of any editor stands.
  /// - Parameters:
  ///   - select: picks the claims from the ledger as the branch tip holds it.
  ///   - assignee: who should check them; nil to unassign.
  /// - Returns: the claims whose assignment changed, and the commit (nil when none changed).
  public func assign(
    to assignee: Identity?, by editor: Identity, at time: Timestamp,
    select: (LedgerSnapshot) throws(LedgerError) -> [Claim]
  ) throws(LedgerError) -> (claims: [Claim], commit: CommitResult?) {
    var changed: [Claim] = []
    let commit = try commit(as: editor, at: time) { (snapshot) throws(LedgerError) in
      let claims = try select(snapshot)
      guard !claims.isEmpty else { throw LedgerError(.nothingToDo, "no claims match; nothing to assign") }
      changed = []
      var files: [LedgerChange.File] = []
      var assignmentsBySource: [SourceID: [ClaimID: Assignment]] = [:]
      for claim in claims {
        if assignmentsBySource[claim.source] == nil {
          assignmentsBySource[claim.source] = snapshot.assignments(of: claim.source)
        }
        let path = LedgerPaths.assignment(claim.id, in: claim.source, by: editor)
        try snapshot.requireReadable(path)
        let current = assignmentsBySource[claim.source]?[claim.id]
        // Unassigning what nobody holds, or assigning to the same person again, changes nothing.
        if current?.assignee?.key == assignee?.key { continue }
        let record = Assignment(
          claim: claim.id, source: claim.source, assignee: assignee, assignedBy: editor, updated: time)
        files.append(.record(record, at: path))
        changed.append(claim)
      }
      guard !changed.isEmpty else { return nil }
      let target = assignee.map { "to \($0.description)" } ?? ""
      let what = changed.count == 1 ? changed[0].id.rawValue : "\(changed.count) claims"
      let subject = assignee == nil ? "unassign: \(what)" : "assign: \(what) \(target)"
      var trailers: [CommitMessage.Trailer] = [.action(assignee == nil ? .unassign : .assign)]
      if let assignee { trailers.append(.init(TrailerKey.assignee, assignee.description)) }
      trailers += changed.map { .init(TrailerKey.claim, $0.id.rawValue) }
      let sources = Set(changed.map(\.source)).sorted()
      trailers += sources.map { .init(TrailerKey.source, $0.rawValue) }
      trailers.append(.init(TrailerKey.reviewer, editor.description))
      trailers.append(.init(TrailerKey.formatVersion, String(currentFormatVersion)))
      return LedgerChange(files: files, message: CommitMessage(subject: subject, trailers: trailers))
    }
    return (changed, commit)
  }
}

import ClaimModel
import Git

/// Merges two commits of a ledger against their common ancestor, record by record.
///
/// A file changed on one side only takes that side's version. A file changed differently on both
/// is merged by what it holds (docs/RELIABILITY.md has the table):
/// - a review: the union of both versions' events (``ReviewMerge``), so the verdict and the note
///   are each the later action's and every citation either side added stays unless removed;
/// - a link or desk decision file: the union of both versions' events;
/// - a source record: field by field (``SourceRecordMerge``);
/// - a source's text imported differently on both sides: the later import becomes a revision of the
///   earlier (``MixedSourceMerge``), never a mix of both;
/// - anything else (an assignment, `ledger.json`, a file committed beside the records): the version
///   made by the later action, the author time of the commit that made it, then the larger object
///   id, a removal counting as the smallest.
///
/// Then reviews left on claims that a re-import on the other side retired follow the claims that
/// replace them (``ReviewsFollowReplacements``). Every rule looks only at the two sides and their
/// ancestor, so every clone that merges the same commits gets the same tree; every choice is named
/// in the resolutions. Contents are never merged line by line: two halves of two records would make
/// a record nobody wrote.
struct ThreeWayMerge {
  let repository: Repository

  /// The merged tree of `ours` and `theirs`, built on `ours`'s tree, and the choices it made.
  func merge(ours: ObjectID, theirs: ObjectID, base: ObjectID?) throws(GitError)
    -> (tree: ObjectID, resolutions: [MergeResolution])
  {
    let sides = try MergeSides(repository: repository, base: base, ours: ours, theirs: theirs)
    var ourChanges: [String: FileChange] = [:]
    for change in try repository.changedFiles(from: sides.baseTree, to: sides.oursTree) {
      ourChanges[change.path] = change
    }
    let theirChanges = try repository.changedFiles(from: sides.baseTree, to: sides.theirsTree)
    var touchedSources: Set<SourceID> = []
    for path in ourChanges.keys { if let source = LedgerPathRole(path).source { touchedSources.insert(source) } }
    for change in theirChanges { if let source = LedgerPathRole(change.path).source { touchedSources.insert(source) } }

    // Sources whose text both sides changed differently are merged as a whole, after the files.
    var mixedSources: Set<SourceID> = []
    for change in theirChanges {
      guard case .seedText(let source) = LedgerPathRole(change.path), let mine = ourChanges[change.path],
        mine.newID != change.newID, mine.newID != nil, change.newID != nil
      else { continue }
      mixedSources.insert(source)
    }

    var edits: [TreeChange] = []
    var resolutions: [MergeResolution] = []
    for change in theirChanges {
      let theirEntry = try sides.fileEntry(at: change.path, in: .theirs)
      guard let mine = ourChanges[change.path] else {
        edits.append(edit(change.path, to: theirEntry))
        continue
      }
      let myEntry = try sides.fileEntry(at: change.path, in: .ours)
      if myEntry?.id == theirEntry?.id && myEntry?.fileMode == theirEntry?.fileMode { continue }
      let role = LedgerPathRole(change.path)
      if let source = role.source, mixedSources.contains(source), role != .sourceRecord(source),
        !isReview(role)
      {
        continue
      }
      switch role {
      case .review:
        if let merged = try mergeReview(at: change.path, sides: sides) {
          edits.append(merged.edit)
          resolutions += merged.resolutions
          continue
        }
      case .link:
        if let merged = try mergeLinks(at: change.path, sides: sides) {
          edits.append(merged)
          continue
        }
      case .decision:
        if let merged = try mergeDecisions(at: change.path, sides: sides) {
          edits.append(merged)
          continue
        }
      case .sourceRecord:
        if let merged = try mergeSourceRecord(at: change.path, sides: sides) {
          edits.append(merged.edit)
          resolutions += merged.resolutions
          continue
        }
      default:
        break
      }
      let (edit, resolution) = try laterVersion(at: change.path, ours: mine, theirs: change, sides: sides)
      if let edit { edits.append(edit) }
      resolutions.append(resolution)
    }
    var tree = edits.isEmpty ? sides.oursTree : try repository.updatedTree(from: sides.oursTree, applying: edits)

    if !mixedSources.isEmpty {
      let elsewhere = try claimIDs(inTree: tree, excluding: mixedSources)
      var mixedEdits: [TreeChange] = []
      for source in mixedSources.sorted() {
        guard
          let (sourceEdits, named) = try MixedSourceMerge(sides: sides).merge(
            source, in: tree, takenElsewhere: elsewhere)
        else { continue }
        mixedEdits += sourceEdits
        resolutions += named
      }
      if !mixedEdits.isEmpty { tree = try repository.updatedTree(from: tree, applying: mixedEdits) }
    }

    let (carried, followed) = try ReviewsFollowReplacements(sides: sides).edits(for: touchedSources.sorted(), in: tree)
    if !carried.isEmpty { tree = try repository.updatedTree(from: tree, applying: carried) }
    resolutions += followed
    return (tree, resolutions)
  }

  private func isReview(_ role: LedgerPathRole) -> Bool {
    if case .review = role { return true }
    return false
  }

  private func edit(_ path: String, to entry: TreeEntry?) -> TreeChange {
    guard let entry else { return .remove(path: path) }
    return .place(path: path, id: entry.id, fileMode: entry.fileMode)
  }

  /// The union of two versions of a review file; nil when either side cannot be read as a review
  /// (the later version is then kept whole, and `claims check` names the file).
  private func mergeReview(at path: String, sides: MergeSides) throws(GitError) -> (
    edit: TreeChange, resolutions: [MergeResolution]
  )? {
    let oursRead = try sides.record(Review.self, at: path, in: .ours)
    let theirsRead = try sides.record(Review.self, at: path, in: .theirs)
    // A removal on one side (only a hand-made commit removes a review file) loses to the other's events.
    switch (oursRead, theirsRead) {
    case (.absent, .read):
      return (try edit(path, to: sides.fileEntry(at: path, in: .theirs)), [])
    case (.read, .absent):
      return (try edit(path, to: sides.fileEntry(at: path, in: .ours)), [])
    case (.read(let ours, let oursVersion), .read(let theirs, let theirsVersion)):
      guard ours.reviewer.key == theirs.reviewer.key else { return nil }
      var base: ReviewMerge.Version?
      if case .read(let review, let version) = try sides.record(Review.self, at: path, in: .base) {
        base = .init(review: review, formatVersion: version)
      }
      let merged = ReviewMerge.merge(
        base: base, ours: .init(review: ours, formatVersion: oursVersion),
        theirs: .init(review: theirs, formatVersion: theirsVersion))
      let reference =
        try sides.claims(of: ours.source, inTree: sides.oursTree).first { $0.id == ours.claim }?
        .reference ?? "\(ours.source):\(ours.claim)"
      let commits = (
        ours: try sides.introduction(of: sides.fileEntry(at: path, in: .ours)?.id, at: path, on: .ours).commit.hex
          .prefix(7),
        theirs: try sides.introduction(of: sides.fileEntry(at: path, in: .theirs)?.id, at: path, on: .theirs).commit
          .hex.prefix(7)
      )
      let resolutions = ReviewMerge.replacements(
        ours: ReviewMerge.Version(review: ours, formatVersion: oursVersion).withEvents(since: base),
        theirs: ReviewMerge.Version(review: theirs, formatVersion: theirsVersion).withEvents(since: base),
        merged: merged, reference: reference, commits: (String(commits.ours), String(commits.theirs))
      ).map { item in
        MergeResolution(
          kind: .field, path: path, kept: item.side, oursTime: item.ours, theirsTime: item.theirs, detail: item.detail)
      }
      return (try sides.place(merged, at: path), resolutions)
    default:
      return nil
    }
  }

  /// The union of two versions of a link file (a link made on one side survives an unlink made on
  /// the other without seeing it); nil when either side cannot be read as links of one person.
  private func mergeLinks(at path: String, sides: MergeSides) throws(GitError) -> TreeChange? {
    switch (
      try sides.record(LinkRecord.self, at: path, in: .ours), try sides.record(LinkRecord.self, at: path, in: .theirs)
    ) {
    case (.absent, .read):
      return edit(path, to: try sides.fileEntry(at: path, in: .theirs))
    case (.read, .absent):
      return edit(path, to: try sides.fileEntry(at: path, in: .ours))
    case (.read(let ours, _), .read(let theirs, _)):
      guard ours.linker.key == theirs.linker.key else { return nil }
      return try sides.place(ours.merging(theirs), at: path)
    default:
      return nil
    }
  }

  /// The union of two versions of a decision file (one editor's `not-a-claim`, `checkable` and
  /// `claimant` events): the latest event of every editor decides, on every clone; nil when either
  /// side cannot be read as one editor's decisions.
  private func mergeDecisions(at path: String, sides: MergeSides) throws(GitError) -> TreeChange? {
    switch (
      try sides.record(DecisionRecord.self, at: path, in: .ours),
      try sides.record(DecisionRecord.self, at: path, in: .theirs)
    ) {
    case (.absent, .read):
      return edit(path, to: try sides.fileEntry(at: path, in: .theirs))
    case (.read, .absent):
      return edit(path, to: try sides.fileEntry(at: path, in: .ours))
    case (.read(let ours, _), .read(let theirs, _)):
      guard ours.editor.key == theirs.editor.key else { return nil }
      return try sides.place(ours.merging(theirs), at: path)
    default:
      return nil
    }
  }

  /// Two versions of a source record merged field by field; nil when either cannot be read.
  private func mergeSourceRecord(at path: String, sides: MergeSides) throws(GitError) -> (
    edit: TreeChange, resolutions: [MergeResolution]
  )? {
    guard let ourEntry = try sides.fileEntry(at: path, in: .ours),
      let theirEntry = try sides.fileEntry(at: path, in: .theirs),
      let ours = try sides.record(SourceRecord.self, blob: ourEntry).record,
      let theirs = try sides.record(SourceRecord.self, blob: theirEntry).record
    else { return nil }
    let base = try sides.record(SourceRecord.self, at: path, in: .base).record
    let (merged, resolutions) = SourceRecordMerge.merge(
      base: base, ours: .init(record: ours, time: try sides.introduction(of: ourEntry.id, at: path, on: .ours).time),
      theirs: .init(record: theirs, time: try sides.introduction(of: theirEntry.id, at: path, on: .theirs).time),
      path: path)
    return (try sides.place(merged, at: path), resolutions)
  }

  /// The version of `path` made by the later action.
  private func laterVersion(at path: String, ours mine: FileChange, theirs change: FileChange, sides: MergeSides)
    throws(GitError) -> (TreeChange?, MergeResolution)
  {
    let oursTime = try sides.introduction(of: mine.newID, at: path, on: .ours).time
    let theirsTime = try sides.introduction(of: change.newID, at: path, on: .theirs).time
    let theirsWins = (theirsTime, change.newID ?? .zero) > (oursTime, mine.newID ?? .zero)
    let resolution = MergeResolution(
      path: path, kept: theirsWins ? .theirs : .ours, oursTime: Timestamp(secondsSince1970: oursTime),
      theirsTime: Timestamp(secondsSince1970: theirsTime),
      keptRemoval: (theirsWins ? change.newID : mine.newID) == nil)
    return (theirsWins ? edit(path, to: try sides.fileEntry(at: path, in: .theirs)) : nil, resolution)
  }

  /// The ids of every claim in `tree` outside `excluded` sources (their directory names under `Claims/`).
  private func claimIDs(inTree tree: ObjectID, excluding excluded: Set<SourceID>) throws(GitError) -> Set<ClaimID> {
    guard let claims = try repository.treeEntry(at: LedgerPaths.claims, inTree: tree), claims.kind == .tree else {
      return []
    }
    var ids: Set<ClaimID> = []
    for source in try repository.treeEntries(claims.id) where source.kind == .tree {
      guard let id = SourceID(source.name), !excluded.contains(id) else { continue }
      for file in try repository.treeEntries(source.id) {
        if let claim = LedgerPaths.claimID(fromFileName: file.name) { ids.insert(claim) }
      }
    }
    return ids
  }
}

extension ReviewMerge.Version {
  /// The review as its events make it, a version-1 file's removals since `base` included.
  func withEvents(since base: ReviewMerge.Version?) -> Review {
    Review(
      claim: review.claim, source: review.source, reviewer: review.reviewer,
      events: ReviewMerge.events(of: self, since: base))
  }
}

import ClaimModel

/// Merges two versions of one reviewer's review file: the union of their events.
///
/// The union loses nothing either side recorded, and the review computed from it is the same on
/// every clone whatever order merges happen in. Field by field that means: the verdict and the note
/// are each the value of the latest event that set them (time, then sequence number, then id); a
/// citation added on either side stays unless an event removed it, and an event only removes the
/// citations its reviewer saw, so a citation added on one side while the other removed others
/// survives (add wins). See docs/RELIABILITY.md.
enum ReviewMerge {
  /// One version of the file, as read from a side of the merge.
  struct Version {
    var review: Review
    /// The record's `format_version`: a version-1 file stored only an outcome.
    var formatVersion: Int
  }

  /// The merged review of `ours` and `theirs`, changed from `base` (nil: the file is new on both).
  static func merge(base: Version?, ours: Version, theirs: Version) -> Review {
    let ourEvents = events(of: ours, since: base)
    let theirEvents = events(of: theirs, since: base)
    var merged = Review(
      claim: ours.review.claim, source: ours.review.source, reviewer: ours.review.reviewer,
      events: ourEvents + theirEvents)
    // The spelling of the reviewer's name from the later version, so every clone picks the same.
    merged.reviewer =
      (theirs.review.updated, theirs.review.reviewer.description) > (
        ours.review.updated, ours.review.reviewer.description
      )
      ? theirs.review.reviewer : ours.review.reviewer
    return merged
  }

  /// The events a version stands for. A version-1 file has only its outcome: its events are made
  /// up from it, and what it no longer holds of the base's (a citation, the note, the verdict)
  /// becomes a removal, dated when the file was last updated, so that the union does not bring
  /// back what that side removed.
  static func events(of version: Version, since base: Version?) -> [ReviewEvent] {
    guard version.formatVersion < 2, let base else { return version.review.events }
    var review = version.review
    let removalTime = review.updated
    let gone = base.review.citations.enumerated().filter { item in
      !review.citations.contains { $0.url == item.element.url && $0.quote == item.element.quote }
    }
    var extra: [ReviewEvent] = []
    var sequence = review.lastSequence
    func add(_ change: ReviewEvent.Change) {
      sequence += 1
      extra.append(
        ReviewEvent(
          at: removalTime, sequence: sequence, claim: review.claim, change: change, reviewerKey: review.reviewer.key))
    }
    if !gone.isEmpty { add(.uncite(gone.map { base.review.citationEventIDs[$0.offset] })) }
    if base.review.note != nil, review.note == nil { add(.note(nil)) }
    if base.review.verdict != nil, review.verdict == nil { add(.withdrawVerdict) }
    review.add(extra)
    return review.events
  }

  /// Which of a side's values the merge replaced: its verdict or note set by an event the other side
  /// never saw, while the merged review holds another. One line each, for `claims sync` and the
  /// merge commit.
  static func replacements(
    ours: Review, theirs: Review, merged: Review, reference: String, commits: (ours: String, theirs: String)
  ) -> [(side: MergeResolution.Side, detail: String, ours: Timestamp, theirs: Timestamp)] {
    var lines: [(MergeResolution.Side, String, Timestamp, Timestamp)] = []
    let ourIDs = Set(ours.events.map(\.id))
    let theirIDs = Set(theirs.events.map(\.id))
    let who = merged.reviewer.name
    for (loser, winnerSide, otherIDs, commit) in [
      (ours, MergeResolution.Side.theirs, theirIDs, commits.ours),
      (theirs, MergeResolution.Side.ours, ourIDs, commits.theirs),
    ] {
      if let event = loser.verdictEvent, !otherIDs.contains(event.id), merged.verdictEvent?.id != event.id {
        let was = loser.verdict ?? "none (withdrawn)"
        let now = merged.verdict ?? "nothing (withdrawn)"
        let why = merged.verdictEvent.map { Self.why($0, beats: event) } ?? "made later"
        lines.append(
          (
            winnerSide,
            "\(who)'s verdict on \(reference) from \(commit) (\(was), \(event.at.text)) replaced by \(now), \(why)",
            ours.verdictEvent?.at ?? ours.updated, theirs.verdictEvent?.at ?? theirs.updated
          ))
      }
      if let event = loser.noteEvent, !otherIDs.contains(event.id), merged.noteEvent?.id != event.id,
        loser.note != merged.note
      {
        let now = merged.note == nil ? "its removal" : "a later note"
        lines.append(
          (
            winnerSide, "\(who)'s note on \(reference) from \(commit) (\(event.at.text)) replaced by \(now)",
            ours.noteEvent?.at ?? ours.updated, theirs.noteEvent?.at ?? theirs.updated
          ))
      }
    }
    return lines
  }

  /// Why `winner` comes after `loser` in the replay order, in words.
  static func why(_ winner: ReviewEvent, beats loser: ReviewEvent) -> String {
    if winner.at != loser.at { return "made later" }
    if winner.sequence != loser.sequence { return "made in the same second after more actions on this review" }
    return "made in the same second (the larger event id decides)"
  }
}

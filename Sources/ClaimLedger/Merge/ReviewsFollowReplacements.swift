import ClaimModel
import Git

/// After a merge: every review of a retired claim is also on the live claims that replace it.
///
/// A re-import carries the reviews it knows of to the replacing claims. A review given on another
/// machine before that machine saw the re-import lands, after the merge, on the retired claim; this
/// step carries it too (its events joined to the reviewer's review of each replacement, with a
/// carry event when there was none), so the result is what it would have been had the review been
/// given before the re-import on one machine: on the replacement, marked stale. It looks only at
/// the tree, so every clone makes the same edits; a review already carried is left alone.
struct ReviewsFollowReplacements {
  let sides: MergeSides

  func edits(for sources: [SourceID], in tree: ObjectID) throws(GitError) -> (
    [TreeChange], [MergeResolution]
  ) {
    var pending: [String: Review] = [:]
    var resolutions: [MergeResolution] = []
    for source in sources {
      let claims = try sides.claims(of: source, inTree: tree)
      let byID = Dictionary(claims.map { ($0.id, $0) }) { first, _ in first }
      var successors: [ClaimID: [ClaimID]] = [:]
      for claim in claims {
        for old in claim.supersedes { successors[old, default: []].append(claim.id) }
      }
      for retired in claims where retired.isRetired {
        let replacements = Self.liveReplacements(of: retired.id, successors: successors, claims: byID)
        guard !replacements.isEmpty else { continue }
        for (_, review) in try sides.reviewFiles(of: retired.id, in: source, inTree: tree) {
          for replacement in replacements {
            let path = LedgerPaths.review(replacement, in: source, by: review.reviewer)
            var carried: Review
            let replacementReference = byID[replacement].map(\.reference) ?? "\(source):\(replacement)"
            if let earlier = pending[path] {
              carried = earlier
            } else {
              let standing = try sides.record(Review.self, at: path, inTree: tree)
              if case .unreadable = standing { continue }
              carried =
                standing.record ?? Review(claim: replacement, source: source, reviewer: review.reviewer, events: [])
            }
            let known = Set(carried.events.map(\.id))
            let missing = review.events.filter { !known.contains($0.id) }
            guard !missing.isEmpty else { continue }
            let before = carried
            carried.add(missing)
            // The reviewer's value on the replacement and the one carried here were made without
            // seeing each other: whichever does not stand is named.
            let retiredAsHere = Review(
              claim: replacement, source: source, reviewer: review.reviewer, events: review.events)
            for item in ReviewMerge.replacements(
              ours: before, theirs: retiredAsHere, merged: carried, reference: replacementReference,
              commits: (
                ours: "its review of \(replacementReference)",
                theirs: "its review of \(retired.id) before a re-import replaced it"
              ))
            where !before.events.isEmpty {
              resolutions.append(
                MergeResolution(
                  kind: .field, path: path, kept: item.side, oursTime: item.ours, theirsTime: item.theirs,
                  detail: item.detail))
            }
            let isCarried = carried.events.contains { event in
              if case .carry(let from, _, _) = event.change { return from == retired.id }
              return false
            }
            if !isCarried {
              // Dated by the review's own latest event, so every clone makes the same event.
              let time = review.events.last?.at ?? review.updated
              carried.record(.carry(from: retired.id, text: retired.text), at: time)
            }
            pending[path] = carried
          }
        }
      }
    }
    var edits: [TreeChange] = []
    for (path, review) in pending.sorted(by: { $0.key < $1.key }) { edits.append(try sides.place(review, at: path)) }
    return (edits, resolutions)
  }

  /// The live claims that replace `id`, following replacements that were themselves replaced.
  static func liveReplacements(
    of id: ClaimID, successors: [ClaimID: [ClaimID]], claims: [ClaimID: Claim]
  ) -> [ClaimID] {
    var live: [ClaimID] = []
    var seen: Set<ClaimID> = [id]
    var queue = successors[id] ?? []
    while let next = queue.first {
      queue.removeFirst()
      guard seen.insert(next).inserted, let claim = claims[next] else { continue }
      if claim.isRetired { queue += successors[next] ?? [] } else { live.append(next) }
    }
    return live.sorted()
  }
}

import ClaimModel
import Git

/// Two different texts imported (or re-imported) under one source id on two sides of a merge.
///
/// A source never holds a mix of two texts' claims. The rule, the same on every clone: the two
/// imports are ordered by the author time of the commit that brought each text, then by the text's
/// SHA-256; the later one becomes a revision of the earlier, exactly as `claims import --replace`
/// would make it at that time: unchanged sentences keep their claims, edited ones supersede the
/// earlier text's claims and carry their reviews (marked stale), dropped ones are retired. A claim
/// of the later side's own import that the revision does not make is kept, retired, and linked
/// from the live claim with the same text, so no review is left on a claim that is not there.
struct MixedSourceMerge {
  let sides: MergeSides

  /// The edits that make `source` in `tree` (the merge so far) the revision of the earlier import
  /// by the later one, and the resolution naming it.
  func merge(_ source: SourceID, in tree: ObjectID, takenElsewhere: Set<ClaimID>) throws(GitError) -> (
    [TreeChange], [MergeResolution]
  )? {
    let textPath = LedgerPaths.seedText(source)
    guard let ourText = try sides.fileEntry(at: textPath, in: .ours),
      let theirText = try sides.fileEntry(at: textPath, in: .theirs)
    else { return nil }
    let ourIntroduction = try sides.introduction(of: ourText.id, at: textPath, on: .ours)
    let theirIntroduction = try sides.introduction(of: theirText.id, at: textPath, on: .theirs)
    let ourBytes = try sides.repository.blobContent(ourText.id)
    let theirBytes = try sides.repository.blobContent(theirText.id)
    let ourDigest = SHA256.hexDigest(of: ourBytes)
    let theirDigest = SHA256.hexDigest(of: theirBytes)
    let theirsLater = (theirIntroduction.time, theirDigest) > (ourIntroduction.time, ourDigest)
    let earlier: MergeSides.Side = theirsLater ? .ours : .theirs
    let laterBytes = theirsLater ? theirBytes : ourBytes
    let laterTime = Timestamp(secondsSince1970: theirsLater ? theirIntroduction.time : ourIntroduction.time)
    guard let laterText = String(validating: laterBytes, as: UTF8.self) else { return nil }

    let earlierClaims = try sides.claims(of: source, inTree: sides.tree(earlier))
    var reviews: [ClaimID: [Review]] = [:]
    for claim in earlierClaims {
      let files = try sides.reviewFiles(of: claim.id, in: source, inTree: tree).map(\.review).filter { !$0.isEmpty }
      if !files.isEmpty { reviews[claim.id] = files }
    }
    // The merge cannot consult one history for the order of a reviewer's same-second verdicts on
    // merged claims; the events' own order (time, sequence, id) decides, the same on every clone.
    let scale = (try? sides.record(LedgerConfig.self, at: LedgerPaths.config, inTree: tree).record?.scale) ?? nil
    let plan = ReimportPlanner().plan(
      source: source, newText: laterText, previous: earlierClaims, reviews: reviews, takenElsewhere: takenElsewhere,
      time: laterTime, scale: scale ?? LedgerConfig().scale, historyRank: { _ in nil })

    var records = Dictionary(plan.records.map { ($0.id, $0) }) { first, _ in first }
    // Claims either side made that the revision does not: kept, retired, and linked from the live
    // claim with the same text so that their reviews follow it.
    let made = try sides.claims(of: source, inTree: sides.oursTree) + sides.claims(of: source, inTree: sides.theirsTree)
    var liveByText: [String: ClaimID] = [:]
    for claim in plan.records where !claim.isRetired {
      liveByText[claim.normalizedText] = liveByText[claim.normalizedText] ?? claim.id
    }
    for claim in made where records[claim.id] == nil {
      var retired = claim
      retired.isRetired = true
      records[claim.id] = retired
      if let live = liveByText[claim.normalizedText], var successor = records[live],
        !successor.supersedes.contains(claim.id)
      {
        successor.supersedes.append(claim.id)
        records[live] = successor
      }
    }

    var edits: [TreeChange] = []
    for claim in records.values.sorted(by: { $0.id < $1.id }) {
      edits.append(try sides.place(claim, at: LedgerPaths.claim(claim.id, in: source)))
    }
    var named: [MergeResolution] = []
    for carried in plan.staleReviews {
      let path = LedgerPaths.review(carried.claim, in: source, by: carried.reviewer)
      let standing = try sides.record(Review.self, at: path, inTree: tree).record
      let merged = standing.map { $0.merging(carried) } ?? carried
      if let standing {
        let reference = records[carried.claim].map(\.reference) ?? "\(source):\(carried.claim)"
        for item in ReviewMerge.replacements(
          ours: standing, theirs: carried, merged: merged, reference: reference,
          commits: (ours: "its review of \(reference)", theirs: "the earlier import's claim"))
        {
          named.append(
            MergeResolution(
              kind: .field, path: path, kept: item.side, oursTime: item.ours, theirsTime: item.theirs,
              detail: item.detail))
        }
      }
      edits.append(try sides.place(merged, at: path))
    }
    edits.append(.upsert(path: textPath, blob: theirsLater ? theirText.id : ourText.id))
    // The page the kept text was taken from goes with it (or none, for a text imported as text).
    let later: MergeSides.Side = theirsLater ? .theirs : .ours
    let pagePath = LedgerPaths.seedPage(source)
    if let page = try sides.fileEntry(at: pagePath, in: later) {
      edits.append(.upsert(path: pagePath, blob: page.id))
    } else if try sides.fileEntry(at: pagePath, inTree: tree) != nil {
      edits.append(.remove(path: pagePath))
    }
    let recordPath = LedgerPaths.sourceRecord(source)
    if var record = try sides.record(SourceRecord.self, at: recordPath, inTree: tree).record {
      record.textSHA256 = theirsLater ? theirDigest : ourDigest
      record.claimCount = records.values.filter { !$0.isRetired }.count
      // What describes the fetch belongs to the page kept, not to a field-by-field mix.
      let laterRecord = try sides.record(SourceRecord.self, at: recordPath, in: later).record
      record.pageSHA256 = laterRecord?.pageSHA256
      record.pageContentType = laterRecord?.pageContentType
      record.fetched = laterRecord?.fetched
      record.fetchedURL = laterRecord?.fetchedURL
      edits.append(try sides.place(record, at: recordPath))
    }
    let laterCommit = (theirsLater ? theirIntroduction.commit : ourIntroduction.commit).hex.prefix(7)
    let earlierCommit = (theirsLater ? ourIntroduction.commit : theirIntroduction.commit).hex.prefix(7)
    let summary =
      "\(plan.kept.count) kept, \(plan.added.count) added, \(plan.reworded.count) reworded, \(plan.deleted.count) retired"
    let resolution = MergeResolution(
      kind: .source, path: textPath, kept: theirsLater ? .theirs : .ours,
      oursTime: Timestamp(secondsSince1970: ourIntroduction.time),
      theirsTime: Timestamp(secondsSince1970: theirIntroduction.time),
      detail:
        "source \(source) was imported with different texts on both sides; the later import (\(laterCommit)) became a revision of the earlier (\(earlierCommit)): \(summary)"
    )
    return (edits, [resolution] + named)
  }
}

extension MergeSides {
  /// The record at `path` in an arbitrary tree.
  func record<R: LedgerRecord>(_ type: R.Type, at path: String, inTree tree: ObjectID?) throws(GitError) -> RecordRead<
    R
  > {
    guard let entry = try fileEntry(at: path, inTree: tree) else { return .absent }
    return try record(type, blob: entry)
  }
}

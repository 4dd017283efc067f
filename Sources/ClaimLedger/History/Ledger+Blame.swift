public import ClaimModel
import Git

/// Who set each part of a claim's current reviews, and what it replaced.
public struct ClaimBlame: Sendable {
  /// The commit that set a value.
  public struct Origin: Sendable, Equatable {
    public var commit: String
    public var author: Identity
    public var time: Timestamp
    public var subject: String
    /// The claim the value was set on: the claim blamed, or one it superseded when the value was
    /// carried over at a re-import.
    public var claim: ClaimID
  }

  /// One reviewer's current verdict, note and citations, each with its origin.
  public struct ReviewerBlame: Sendable {
    public var reviewer: Identity
    public var verdict: String?
    public var verdictOrigin: Origin?
    /// The verdict this one replaced, if any.
    public var replacedVerdict: String?
    public var note: String?
    public var noteOrigin: Origin?
    public var citations: [(citation: Citation, origin: Origin?)]
    /// Set when the review was carried over from an earlier claim at a re-import (and is stale).
    public var carriedFrom: ClaimID?
  }

  public var claim: Claim
  public var reviewers: [ReviewerBlame]
}

extension Ledger {
  /// For each reviewer's current verdict, note and citation on a claim: the commit, author and date
  /// that set it, and the verdict it replaced. Reads the claim's review directory at each commit of
  /// its history, so commits made with git directly count too. A review carried over at a re-import
  /// is followed back to the claim it was given to (through `supersedes`, as far as it goes), so its
  /// parts are credited to whoever set them there, not to whoever re-imported the article.
  public func blame(_ reference: String) throws(LedgerError) -> ClaimBlame {
    let current = try snapshot()
    let claim = try current.resolveClaim(reference)
    let entries = try history()
    // Review events name the commit that recorded them (its `Event:` trailer); values whose events
    // no commit names (reviews written before events, or by hand) are found by replaying history.
    var byEvent: [String: Int] = [:]
    for (index, entry) in entries.enumerated() {
      if let event = entry.event, byEvent[event] == nil { byEvent[event] = index }
    }
    func origin(of event: ReviewEvent?) -> ClaimBlame.Origin? {
      guard let event, let index = byEvent[event.id] else { return nil }
      let entry = entries[index]
      return ClaimBlame.Origin(
        commit: entry.commit, author: entry.author, time: entry.time, subject: entry.subject, claim: event.claim)
    }
    var walked: [String: BlameWalker.State]?
    func replayed() -> [String: BlameWalker.State] {
      if let walked { return walked }
      var walker = BlameWalker(ledger: self, current: current, entries: entries)
      let states = walker.states(of: claim, olderThan: nil)
      walked = states
      return states
    }
    var reviewers: [ClaimBlame.ReviewerBlame] = []
    for review in current.reviews(of: claim) {
      var blame = ClaimBlame.ReviewerBlame(
        reviewer: review.reviewer, verdict: review.verdict, verdictOrigin: origin(of: review.verdictEvent),
        replacedVerdict: Self.verdictBefore(review.verdictEvent, in: review), note: review.note,
        noteOrigin: origin(of: review.noteEvent),
        citations: zip(review.citations, review.citationEventIDs).map { citation, id in
          (citation, origin(of: review.events.first { $0.id == id }))
        },
        carriedFrom: review.stale?.previousClaim)
      if blame.verdict != nil && blame.verdictOrigin == nil || blame.note != nil && blame.noteOrigin == nil
        || blame.citations.contains(where: { $0.origin == nil })
      {
        let state = replayed()[review.reviewer.key]
        if blame.verdictOrigin == nil, review.verdict == state?.verdict {
          blame.verdictOrigin = state?.verdictOrigin
          blame.replacedVerdict = state?.replaced
        }
        if blame.noteOrigin == nil, review.note == state?.note { blame.noteOrigin = state?.noteOrigin }
        blame.citations = blame.citations.map { item in
          (item.citation, item.origin ?? state?.citations[BlameWalker.key(of: item.citation)])
        }
      }
      reviewers.append(blame)
    }
    return ClaimBlame(claim: claim, reviewers: reviewers)
  }

  /// The verdict that stood before `event` set the review's current one, if any.
  static func verdictBefore(_ event: ReviewEvent?, in review: Review) -> String? {
    guard let event, let position = review.events.firstIndex(where: { $0.id == event.id }) else { return nil }
    for earlier in review.events[..<position].reversed() {
      switch earlier.change {
      case .verdict(let verdict, _): return verdict == review.verdict ? nil : verdict
      case .withdrawVerdict, .withdrawReview: return nil
      default: continue
      }
    }
    return nil
  }

  /// The index in `entries` (newest first) of the commit, older than entry `cutoff`, that made
  /// `claim` replace the claims it supersedes: the newest re-import naming it and one of them (a
  /// re-import names both the new claims and those they replace), else the newest commit doing so;
  /// nil when none does (the claim had no predecessor then). The newest, because a sentence that
  /// comes back after a revision makes a claim again with the same id, replacing its own successor.
  static func creationIndex(of claim: Claim, in entries: [HistoryEntry], olderThan cutoff: Int?) -> Int? {
    let start = cutoff.map { $0 + 1 } ?? 0
    guard start < entries.count, !claim.supersedes.isEmpty else { return nil }
    var naming: Int?
    for index in start..<entries.count {
      let entry = entries[index]
      guard entry.claims.contains(claim.id), entry.claims.contains(where: claim.supersedes.contains) else { continue }
      if entry.action == .reimport { return index }
      naming = naming ?? index
    }
    return naming
  }
}

/// Replays the reviews of one claim through its history, and of the claims it superseded up to the
/// re-import that replaced them.
private struct BlameWalker {
  struct State {
    var verdict: String?
    var verdictOrigin: ClaimBlame.Origin?
    var replaced: String?
    var note: String?
    var noteOrigin: ClaimBlame.Origin?
    var citations: [String: ClaimBlame.Origin] = [:]
    var isStale = false
  }

  let ledger: Ledger
  let current: LedgerSnapshot
  let entries: [HistoryEntry]
  /// Results by claim and cutoff: a merge's claims can share ancestors.
  private var memo: [String: [String: State]] = [:]

  init(ledger: Ledger, current: LedgerSnapshot, entries: [HistoryEntry]) {
    self.ledger = ledger
    self.current = current
    self.entries = entries
  }

  static func key(of citation: Citation) -> String { citation.url + "\u{0}" + (citation.quote ?? "") }

  /// Each reviewer's state on `claim` after the commits older than entry `cutoff` (all: nil).
  mutating func states(of claim: Claim, olderThan cutoff: Int?) -> [String: State] {
    let memoKey = "\(claim.id)@\(cutoff ?? -1)"
    if let known = memo[memoKey] { return known }
    let start = cutoff.map { $0 + 1 } ?? 0
    let story = (start..<max(start, entries.count)).filter { index in
      entries[index].claims.contains(claim.id) || entries[index].action == .merge
    }
    // The claims this one replaced, as they stood just before the re-import that replaced them.
    var creation: Int?
    var carried: [ClaimID: [String: State]] = [:]
    if !claim.supersedes.isEmpty {
      creation = Ledger.creationIndex(of: claim, in: entries, olderThan: cutoff)
      if let creation {
        for old in claim.supersedes {
          guard let record = current.claimRecord(old, in: claim.source) else { continue }
          carried[old] = states(of: record, olderThan: creation)
        }
      }
    }
    let directory = LedgerPaths.reviewDirectory(claim.id, in: claim.source)
    let repository = ledger.repository
    var states: [String: State] = [:]
    var lastTree: ObjectID?
    for index in story.reversed() {
      let entry = entries[index]
      guard let commitID = ObjectID(hex: entry.commit), let commit = try? repository.commit(commitID) else { continue }
      let tree = (try? repository.treeEntry(at: directory, inTree: commit.treeID))?.id
      guard tree != lastTree else { continue }
      lastTree = tree
      let origin = ClaimBlame.Origin(
        commit: entry.commit, author: entry.author, time: entry.time, subject: entry.subject, claim: claim.id)
      let snapshotAt = try? LedgerSnapshot(
        repository: repository, commitID: commitID, gitDirectory: ledger.gitDirectory)
      for review in snapshotAt?.reviews(ofClaim: claim.id, in: claim.source) ?? [] {
        var state = states[review.reviewer.key] ?? State()
        if index == creation, let stale = review.stale, claim.supersedes.contains(stale.previousClaim) {
          // Carried over by this re-import: what was set on the old claims stays theirs.
          state = seed(
            review, from: claim.supersedes.compactMap { carried[$0]?[review.reviewer.key] },
            primary: carried[stale.previousClaim]?[review.reviewer.key])
        }
        if review.verdict != state.verdict {
          state.replaced = state.verdict
          state.verdict = review.verdict
          state.verdictOrigin = origin
        } else if state.isStale, review.stale == nil, review.verdict != nil {
          // The reviewer looked again and gave the same verdict: now it judges this claim's text.
          state.verdictOrigin = origin
        }
        state.isStale = review.stale != nil
        if review.note != state.note {
          state.note = review.note
          state.noteOrigin = origin
        }
        var citations: [String: ClaimBlame.Origin] = [:]
        for citation in review.citations {
          let key = Self.key(of: citation)
          citations[key] = state.citations[key] ?? origin
        }
        state.citations = citations
        states[review.reviewer.key] = state
      }
    }
    memo[memoKey] = states
    return states
  }

  /// A carried review's starting state: the verdict and note as set on the claim it came from
  /// (`primary`, else whichever old claim holds the same), and the citations of every old claim.
  private func seed(_ review: Review, from olds: [State], primary: State?) -> State {
    var state = primary ?? olds.first { $0.verdict == review.verdict } ?? State()
    if state.verdict != review.verdict, let match = olds.first(where: { $0.verdict == review.verdict }) {
      state.verdict = match.verdict
      state.verdictOrigin = match.verdictOrigin
      state.replaced = match.replaced
    }
    if state.note != review.note, let match = olds.first(where: { $0.note == review.note }) {
      state.note = match.note
      state.noteOrigin = match.noteOrigin
    }
    for old in olds {
      for (key, origin) in old.citations where state.citations[key] == nil { state.citations[key] = origin }
    }
    return state
  }
}

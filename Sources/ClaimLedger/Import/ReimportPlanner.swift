public import ClaimModel

/// What re-importing a revised article does to its claims.
public struct ReimportPlan: Sendable {
  /// A new claim that replaces earlier ones: an edited sentence (one old), a split (one old, and
  /// another new claim replacing the same), or a merge (several old).
  public struct Rewording: Sendable {
    public var claim: Claim
    public var replaces: [Claim]
  }

  public var source: SourceID
  /// Sentences found unchanged: same ids, possibly new positions.
  public var kept: [Claim] = []
  /// Sentences with no earlier counterpart.
  public var added: [Claim] = []
  /// Sentences that replace edited, split or merged ones.
  public var reworded: [Rewording] = []
  /// Earlier claims the revision dropped without a replacement.
  public var deleted: [Claim] = []
  /// Reviews carried from replaced claims to their replacements, marked stale.
  public var staleReviews: [Review] = []
  /// Every claim record of the source after the re-import (retired ones included).
  public var records: [Claim] = []
  /// Merges whose claims one reviewer had given different verdicts: which verdict the merged
  /// claim carries, and which it does not.
  public var verdictChoices: [VerdictChoice] = []

  /// One reviewer's different verdicts on claims merged into one.
  public struct VerdictChoice: Sendable {
    /// The merged claim.
    public var claim: ClaimID
    public var reviewer: Identity
    /// The verdict carried, and the claim it was given to.
    public var kept: (verdict: String, from: ClaimID)
    /// The other verdicts, each with the claim it was given to.
    public var setAside: [(verdict: String, from: ClaimID)]
    /// Why the kept verdict was chosen.
    public var reason: Reason

    public enum Reason: String, Sendable {
      /// It was given after the others (history, else the reviews' `updated` times).
      case later
      /// Nothing told the order; it is the more severe (a flag before any other verdict).
      case moreSevere = "more-severe"
    }
  }

  /// Whether the revision changes no claim.
  public var isUnchanged: Bool { added.isEmpty && reworded.isEmpty && deleted.isEmpty }
}

/// Matches the sentences of a revised article with the claims of the version before: unchanged
/// text keeps its claim; an edited sentence is found by its quote selector's context and by the
/// words it shares with the old one; splits and merges are a new sentence sharing most words with
/// part of an old one, or an old one with part of a new one.
struct ReimportPlanner {
  /// The share of words two sentences must have in common to count as one edited into the other.
  static let similarityThreshold = 0.5

  func plan(
    source: SourceID, newText: String, previous: [Claim], reviews: [ClaimID: [Review]],
    takenElsewhere: Set<ClaimID>, time: Timestamp, scale: VerdictScale, historyRank: (Review) -> Int?
  ) -> ReimportPlan {
    var plan = ReimportPlan(source: source)
    let current = previous.filter { !$0.isRetired }
    let retiredBefore = previous.filter(\.isRetired)
    let fresh = ClaimExtractor().claims(
      of: newText, source: source, avoiding: takenElsewhere.union(current.map(\.id)))

    // 1. Unchanged text keeps its claim (and its id, even if its position changed).
    var oldByText: [String: [Claim]] = [:]
    for claim in current { oldByText[claim.normalizedText, default: []].append(claim) }
    var successor: [Int: Claim] = [:]  // new position → kept old claim
    var keptIDs: Set<ClaimID> = []
    for (position, claim) in fresh.enumerated() {
      if var queue = oldByText[claim.normalizedText], !queue.isEmpty {
        let old = queue.removeFirst()
        oldByText[claim.normalizedText] = queue
        successor[position] = old
        keptIDs.insert(old.id)
      }
    }
    let unmatchedOld = current.filter { !keptIDs.contains($0.id) }
    // Between two kept sentences, a new sentence can only replace old ones that stood between them.
    var lowerBound: [Int] = []
    var bound = 0
    for position in fresh.indices {
      if let old = successor[position] { bound = old.ordinal }
      lowerBound.append(bound)
    }
    var upperBound = [Int](repeating: Int.max, count: fresh.count)
    bound = Int.max
    for position in fresh.indices.reversed() {
      if let old = successor[position] { bound = old.ordinal }
      upperBound[position] = bound
    }

    // 2. The rest: each new sentence replaces the unmatched old claims it resembles.
    var replaced: Set<ClaimID> = []
    var records: [Claim] = []
    for (position, claim) in fresh.enumerated() {
      if let old = successor[position] {
        var kept = claim
        kept.id = old.id
        kept.supersedes = old.supersedes
        plan.kept.append(kept)
        records.append(kept)
        continue
      }
      let window =
        lowerBound[position] < upperBound[position] ? lowerBound[position]...upperBound[position] : 0...Int.max
      let predecessors = unmatchedOld.filter { old in
        window.contains(old.ordinal) && resembles(new: claim, old: old, in: newText)
      }
      if predecessors.isEmpty {
        // A sentence that comes back after a revision dropped it revives its old claim.
        if let revived = retiredBefore.first(where: { $0.normalizedText == claim.normalizedText }) {
          var back = claim
          back.id = revived.id
          back.supersedes = revived.supersedes
          plan.added.append(back)
          records.append(back)
        } else {
          plan.added.append(claim)
          records.append(claim)
        }
        continue
      }
      var reworded = claim
      reworded.supersedes = predecessors.map(\.id)
      plan.reworded.append(.init(claim: reworded, replaces: predecessors))
      records.append(reworded)
      replaced.formUnion(predecessors.map(\.id))
    }
    plan.deleted = unmatchedOld.filter { !replaced.contains($0.id) }
    for old in unmatchedOld {
      var retired = old
      retired.isRetired = true
      records.append(retired)
    }
    let liveIDs = Set(records.map(\.id))
    records += retiredBefore.filter { !liveIDs.contains($0.id) }
    plan.records = records

    // 3. Reviews of replaced claims go to their replacements, to be looked at again.
    for rewording in plan.reworded {
      var byReviewer: [String: [(old: Claim, review: Review)]] = [:]
      for old in rewording.replaces {
        for review in reviews[old.id] ?? [] { byReviewer[review.reviewer.key, default: []].append((old, review)) }
      }
      for key in byReviewer.keys.sorted() {
        guard let given = byReviewer[key], given.count > 1 else {
          if let only = byReviewer[key]?.first {
            plan.staleReviews.append(Self.carry([only], to: rewording.claim, at: time, keeping: nil))
          }
          continue
        }
        // A merge of claims the same reviewer had reviewed: one review with every event of theirs
        // (every note and citation), carrying the verdict of their later action.
        let winner = latest(of: given, scale: scale, rank: historyRank)
        var carried = Self.carry(given, to: rewording.claim, at: time, keeping: nil)
        if let chosen = winner.review.verdictEvent, case .verdict = chosen.change,
          carried.verdictEvent?.id != chosen.id
        {
          // The events' times do not tell the order (the same second): the carry says which it kept.
          carried = Self.carry(given, to: rewording.claim, at: time, keeping: chosen.id)
        }
        if let kept = carried.verdict, let from = carried.verdictEvent?.claim {
          let others = given.compactMap { item in item.review.verdict.map { ($0, item.old.id) } }.filter {
            $0.0 != kept
          }
          if !others.isEmpty {
            plan.verdictChoices.append(
              .init(
                claim: rewording.claim.id, reviewer: winner.review.reviewer, kept: (kept, from), setAside: others,
                reason: winner.reason))
          }
        }
        plan.staleReviews.append(carried)
      }
    }
    return plan
  }

  /// One reviewer's reviews of the claims `replacement` replaces, carried to it: every event of
  /// theirs, then one carry event per replaced claim, so the verdict given there reads as stale
  /// until the reviewer gives one on the new text. `keeping` names the verdict event the carry
  /// keeps when their times cannot order them.
  static func carry(
    _ given: [(old: Claim, review: Review)], to replacement: Claim, at time: Timestamp, keeping: String?
  ) -> Review {
    let latest = given.max { $0.review.updated < $1.review.updated } ?? given[0]
    var carried = Review(
      claim: replacement.id, source: replacement.source, reviewer: latest.review.reviewer,
      events: given.flatMap(\.review.events))
    let replaced = given.sorted { $0.old.ordinal < $1.old.ordinal }
    for (index, (old, _)) in replaced.enumerated() {
      carried.record(
        .carry(from: old.id, text: old.text, keeps: index == replaced.count - 1 ? keeping : nil), at: time)
    }
    return carried
  }

  /// Of one reviewer's reviews of several merged claims, the one whose verdict the merged claim
  /// carries: the one changed last in history (`rank`, larger is later), else the one updated
  /// last; when neither tells them apart, the more severe verdict (a flag before any other, then
  /// the later on the scale), so that a flag is never dropped for want of an order. Reviews with a
  /// verdict come before reviews without one.
  func latest(
    of given: [(old: Claim, review: Review)], scale: VerdictScale, rank: (Review) -> Int?
  ) -> (old: Claim, review: Review, reason: ReimportPlan.VerdictChoice.Reason) {
    func severity(_ verdict: String?) -> (Int, Int) {
      guard let verdict else { return (-1, -1) }
      guard let index = scale.verdicts.firstIndex(where: { $0.id == verdict }) else { return (0, -1) }
      return (scale.verdicts[index].flags ? 1 : 0, index)
    }
    let withVerdict = given.filter { $0.review.verdict != nil }
    let candidates = withVerdict.isEmpty ? given : withVerdict
    var best = candidates[0]
    var bestRank = rank(best.review)
    var bySeverity = false
    for candidate in candidates.dropFirst() {
      let candidateRank = rank(candidate.review)
      let wins: Bool
      var decidedBySeverity = false
      if let candidateRank, let bestRank, candidateRank != bestRank {
        wins = candidateRank > bestRank
      } else if candidate.review.updated != best.review.updated {
        wins = candidate.review.updated > best.review.updated
      } else {
        wins = severity(candidate.review.verdict) > severity(best.review.verdict)
        decidedBySeverity = candidate.review.verdict != best.review.verdict
      }
      if wins {
        best = candidate
        bestRank = candidateRank
        bySeverity = decidedBySeverity
      } else if decidedBySeverity {
        bySeverity = true
      }
    }
    return (best.old, best.review, bySeverity ? .moreSevere : .later)
  }

  /// Whether `new` is an edit, a part or a merger of `old`: its quote selector's context frames
  /// `new` in the revised text, or the two share most of the words of the shorter one.
  func resembles(new: Claim, old: Claim, in text: String) -> Bool {
    let oldWords = Self.words(old.normalizedText)
    let newWords = Self.words(new.normalizedText)
    guard !oldWords.isEmpty, !newWords.isEmpty else { return false }
    let shared = Double(oldWords.intersection(newWords).count)
    if shared / Double(min(oldWords.count, newWords.count)) >= Self.similarityThreshold, shared >= 2 { return true }
    // The words just before and after the old sentence still surround the new one.
    let prefix = old.selector.prefix.collapsingWhitespace()
    let suffix = old.selector.suffix.collapsingWhitespace()
    guard prefix.count >= 8, suffix.count >= 8 else { return false }
    return new.selector.prefix.collapsingWhitespace().hasSuffix(String(prefix.suffix(16)))
      && new.selector.suffix.collapsingWhitespace().hasPrefix(String(suffix.prefix(16)))
  }

  static func words(_ text: String) -> Set<String> {
    Set(
      text.lowercased().split { !($0.isLetter || $0.isNumber) }.filter { $0.count > 1 || $0.first?.isNumber == true }
        .map(String.init))
  }
}

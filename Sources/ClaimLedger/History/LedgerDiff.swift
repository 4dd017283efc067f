public import ClaimModel

/// The difference in review state between two revisions of a ledger, in the ledger's terms.
public struct LedgerDiff: Sendable {
  /// What happened to a claim record.
  public enum ClaimChangeKind: Sendable, Equatable {
    /// A new claim (a new article, or a sentence a revision added).
    case added
    /// A claim that replaces earlier ones (live in the earlier revision) whose sentence was edited,
    /// split or merged.
    case reworded(from: [ClaimID])
    /// A claim whose sentence the revised article no longer has, or whose file was removed.
    case retired
  }

  public struct ClaimChange: Sendable, Equatable {
    /// The claim: as the later revision has it, or for a retired claim as the earlier one had it.
    public var claim: Claim
    public var kind: ClaimChangeKind
    /// For a retired claim, the claims of the later revision that replaced it (none: dropped).
    public var replacedBy: [ClaimID]

    public init(claim: Claim, kind: ClaimChangeKind, replacedBy: [ClaimID] = []) {
      self.claim = claim
      self.kind = kind
      self.replacedBy = replacedBy
    }
  }

  /// One reviewer's review of one claim, before and after (nil: none).
  public struct ReviewChange: Sendable, Equatable {
    public var claim: ClaimID
    public var source: SourceID
    public var reviewer: Identity
    public var before: Review?
    public var after: Review?

    /// The verdict before and after, when it changed.
    public var verdictChange: (from: String?, to: String?)? {
      before?.verdict == after?.verdict ? nil : (before?.verdict, after?.verdict)
    }

    /// Citations the reviewer added.
    public var addedCitations: [Citation] {
      (after?.citations ?? []).filter { citation in
        !(before?.citations ?? []).contains { $0.url == citation.url && $0.quote == citation.quote }
      }
    }

    /// Citations the reviewer removed.
    public var removedCitations: [Citation] {
      (before?.citations ?? []).filter { citation in
        !(after?.citations ?? []).contains { $0.url == citation.url && $0.quote == citation.quote }
      }
    }

    /// Whether the note changed.
    public var noteChanged: Bool { before?.note != after?.note }

    /// Whether the review became stale (true), stopped being stale (false), or neither (nil).
    public var staleChange: Bool? {
      let was = before?.stale != nil
      let isNow = after?.stale != nil
      return was == isNow ? nil : isNow
    }

    public static func == (lhs: ReviewChange, rhs: ReviewChange) -> Bool {
      lhs.claim == rhs.claim && lhs.reviewer == rhs.reviewer && lhs.before == rhs.before && lhs.after == rhs.after
    }
  }

  /// A claim whose reviewers came to disagree, or stopped disagreeing. A claim that replaced others
  /// at a re-import is compared with them: a dispute carried over is no change.
  public struct DisputeChange: Sendable, Equatable {
    public var claim: ClaimID
    public var source: SourceID
    /// True: it became disputed; false: the dispute was settled (or ended with the claim).
    public var isDisputed: Bool
    /// The distinct verdicts after the change; for a dispute that ended with the claim's
    /// retirement, the verdicts that disagreed.
    public var verdicts: [String]
    /// The dispute ended because the claim was retired with nothing to replace it.
    public var byRetirement: Bool

    public init(claim: ClaimID, source: SourceID, isDisputed: Bool, verdicts: [String], byRetirement: Bool = false) {
      self.claim = claim
      self.source = source
      self.isDisputed = isDisputed
      self.verdicts = verdicts
      self.byRetirement = byRetirement
    }
  }

  /// A changed record file that cannot be read in one of the revisions (broken by hand, say):
  /// what changed in it is unknown, and it is said so rather than guessed.
  public struct UnreadableFile: Sendable, Equatable {
    public var path: String
    public var source: SourceID
    /// The claim its path names, if it names one.
    public var claim: ClaimID?
    /// The revision it cannot be read in, as a commit id.
    public var revision: String?
    public var problem: String
  }

  /// A claim's assignment, before and after (nil: unassigned).
  public struct AssignmentChange: Sendable, Equatable {
    public var claim: ClaimID
    public var source: SourceID
    public var before: Identity?
    public var after: Identity?
  }

  /// The desk's decision on a claim (not a claim, claimant), before and after (nil: none).
  public struct DecisionChange: Sendable, Equatable {
    public var claim: ClaimID
    public var source: SourceID
    public var before: ClaimDecision?
    public var after: ClaimDecision?
  }

  /// The revisions compared, as commit ids.
  public var from: String?
  public var to: String?
  public var claims: [ClaimChange] = []
  public var reviews: [ReviewChange] = []
  public var disputes: [DisputeChange] = []
  public var assignments: [AssignmentChange] = []
  public var decisions: [DecisionChange] = []
  /// Changed files that cannot be read in one of the revisions.
  public var unreadable: [UnreadableFile] = []
  /// Files that could not be read on either side.
  public var problems: [LedgerProblem] = []
  /// Each claim any entry names, by its rank in article order (source, then ordinal; a retired
  /// claim at its old ordinal, before the claim that now has it). Every list is sorted by it.
  public var articleOrder: [ClaimID: Int] = [:]

  /// Whether nothing changed.
  public var isEmpty: Bool {
    claims.isEmpty && reviews.isEmpty && disputes.isEmpty && assignments.isEmpty && decisions.isEmpty
      && unreadable.isEmpty
  }
}

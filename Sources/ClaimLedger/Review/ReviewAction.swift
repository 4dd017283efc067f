public import ClaimModel

/// What a reviewer did in one commit.
public enum ReviewAction: Sendable, Equatable {
  /// Gave (or changed) a verdict, with an optional note.
  case verdict(String, note: String?)
  /// Added a citation.
  case cite(Citation)
  /// Removed citation number `n` (counting from 1) of the reviewer's own.
  case uncite(Int)
  /// Set (or, with an empty text, removed) the reviewer's note.
  case note(String)
  /// Withdrew the reviewer's verdict, keeping the note and citations.
  case withdrawVerdict
  /// Withdrew the reviewer's whole review: verdict, note and citations.
  case withdrawReview
}

/// The outcome of one review action.
public struct ReviewActionResult: Sendable {
  /// The claim acted on.
  public var claim: Claim
  /// The review after the action.
  public var review: Review
  /// The review before it, if any.
  public var previous: Review?
  /// The commit, or nil when the action changed nothing.
  public var commit: CommitResult?
  /// The event the action added (nil when it changed nothing).
  public var event: ReviewEvent?
}

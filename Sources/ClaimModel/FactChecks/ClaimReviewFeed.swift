/// What a ClaimReview file held: the fact-checks that could be read, in file order, and one problem
/// for each record that could not (skipped whole, never half-read).
public struct ClaimReviewFeed: Sendable, Equatable {
  public var factChecks: [FactCheck]
  public var problems: [ClaimReviewProblem]

  public init(factChecks: [FactCheck] = [], problems: [ClaimReviewProblem] = []) {
    self.factChecks = factChecks
    self.problems = problems
  }
}

/// How often each verdict was given, over the reported claims.
public struct VerdictDistribution: Sendable, Equatable {
  /// One verdict's counts.
  public struct Entry: Sendable, Equatable {
    /// The verdict's id.
    public var verdict: String
    /// Reviews giving it.
    public var reviews: Int
    /// Claims on which it is the only verdict given (the consensus).
    public var claims: Int

    /// Collects one verdict's counts.
    public init(verdict: String, reviews: Int, claims: Int) {
      self.verdict = verdict
      self.reviews = reviews
      self.claims = claims
    }
  }

  /// Every verdict of the scale in scale order (zeros included), then verdicts given that the
  /// scale lacks, alphabetically.
  public var entries: [Entry]
  /// Claims with two or more different verdicts, which count under no single verdict.
  public var disputedClaims: Int
  /// Reviews that give a verdict.
  public var totalReviews: Int

  /// Collects the distribution.
  public init(entries: [Entry], disputedClaims: Int, totalReviews: Int) {
    self.entries = entries
    self.disputedClaims = disputedClaims
    self.totalReviews = totalReviews
  }
}

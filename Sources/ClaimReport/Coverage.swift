public import ClaimModel

/// How much of a source (or of all of them) has been checked.
///
/// `reviewed`, `cited` and `verified` count checkable claims only, so each is a share of
/// `checkable` and never above 100%.
public struct Coverage: Sendable, Equatable {
  /// Claims in the report (retired claims are left out).
  public var claims = 0
  /// Claims by kind, in `ClaimKind.allCases` order: an array, not a dictionary, because it is
  /// counted once per claim.
  private var kindCounts = [0, 0, 0, 0, 0]
  /// Headlines and sentences left out of `checkable` because every verdict given them is `opinion`.
  public var opinionOnly = 0
  /// Headlines and sentences left out of `checkable` because the desk decided they are not claims.
  public var notAClaim = 0
  /// Headlines and sentences, less the opinion-only ones and those the desk ruled out.
  public var checkable = 0
  /// Checkable claims with at least one verdict.
  public var reviewed = 0
  /// Checkable claims with at least one citation.
  public var cited = 0
  /// Checkable claims that are verified.
  public var verified = 0

  /// An empty tally.
  public init() {}

  /// Checkable claims with no verdict yet.
  public var unreviewed: Int { checkable - reviewed }

  /// `count` as a share (0…1) of the checkable claims, or nil when there are none.
  public func share(_ count: Int) -> Double? {
    checkable > 0 ? Double(count) / Double(checkable) : nil
  }

  /// The number of claims of `kind`.
  public func count(of kind: ClaimKind) -> Int { kindCounts[Self.index(of: kind)] }

  /// The claims by kind.
  public var byKind: [ClaimKind: Int] {
    Dictionary(uniqueKeysWithValues: ClaimKind.allCases.map { ($0, count(of: $0)) })
  }

  private static func index(of kind: ClaimKind) -> Int {
    switch kind {
    case .headline: 0
    case .sentence: 1
    case .caption: 2
    case .byline: 3
    case .boilerplate: 4
    }
  }

  /// Coverage from its figures, as a cache kept them: claims by kind in `ClaimKind.allCases` order.
  init(
    kindCounts: [Int], opinionOnly: Int, notAClaim: Int = 0, checkable: Int, reviewed: Int, cited: Int, verified: Int
  ) {
    self.kindCounts = kindCounts.count == 5 ? kindCounts : [0, 0, 0, 0, 0]
    claims = self.kindCounts.reduce(0, +)
    self.opinionOnly = opinionOnly
    self.notAClaim = notAClaim
    self.checkable = checkable
    self.reviewed = reviewed
    self.cited = cited
    self.verified = verified
  }

  /// Claims by kind, in `ClaimKind.allCases` order.
  var countsByKind: [Int] { kindCounts }

  /// Adds another coverage's counts.
  mutating func add(_ other: Coverage) {
    claims += other.claims
    for index in kindCounts.indices { kindCounts[index] += other.kindCounts[index] }
    opinionOnly += other.opinionOnly
    notAClaim += other.notAClaim
    checkable += other.checkable
    reviewed += other.reviewed
    cited += other.cited
    verified += other.verified
  }

  /// Counts one claim.
  mutating func add(_ claim: Claim, _ status: ClaimStatus) {
    claims += 1
    kindCounts[Self.index(of: claim.kind)] += 1
    guard status.isCheckable else {
      if claim.kind.isCheckable {
        if status.isNotAClaim { notAClaim += 1 } else { opinionOnly += 1 }
      }
      return
    }
    checkable += 1
    if status.isReviewed { reviewed += 1 }
    if status.isCited { cited += 1 }
    if status.isVerified { verified += 1 }
  }
}

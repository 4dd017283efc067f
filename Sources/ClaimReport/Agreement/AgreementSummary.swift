public import ClaimModel

/// Cohen's kappa for one pair of reviewers, over the claims both gave a verdict.
public struct PairAgreement: Sendable, Equatable {
  /// The reviewer whose key sorts first.
  public var first: Identity
  /// The other reviewer.
  public var second: Identity
  /// How many claims both rated.
  public var units: Int
  /// The share of those claims they gave the same verdict.
  public var observedAgreement: Double?
  /// Cohen's kappa, or nil when undefined.
  public var kappa: Double?

  /// Collects the figures of one pair.
  public init(first: Identity, second: Identity, units: Int, observedAgreement: Double?, kappa: Double?) {
    self.first = first
    self.second = second
    self.units = units
    self.observedAgreement = observedAgreement
    self.kappa = kappa
  }
}

/// How far reviewers agree, over the claims that two or more of them gave a verdict.
public struct AgreementSummary: Sendable, Equatable {
  /// Claims with verdicts from two or more reviewers.
  public var units: Int
  /// Of those, the claims on which every verdict is the same.
  public var unanimousUnits: Int
  /// The fewest and most verdicts a claim among `units` has; nil when there are none.
  public var raterRange: ClosedRange<Int>?
  /// Fleiss' kappa over every verdict, as nominal categories.
  public var fleissKappa: AgreementStatistic
  /// Krippendorff's alpha over every verdict, nominal metric.
  public var alphaNominal: AgreementStatistic
  /// Krippendorff's alpha over the verdicts that have a rating, ordered by rating value.
  public var alphaOrdinal: AgreementStatistic
  /// Cohen's kappa for every pair of reviewers who rated a claim in common, most shared claims first.
  public var pairs: [PairAgreement]

  /// Collects the agreement figures.
  public init(
    units: Int, unanimousUnits: Int, raterRange: ClosedRange<Int>?, fleissKappa: AgreementStatistic,
    alphaNominal: AgreementStatistic, alphaOrdinal: AgreementStatistic, pairs: [PairAgreement]
  ) {
    self.units = units
    self.unanimousUnits = unanimousUnits
    self.raterRange = raterRange
    self.fleissKappa = fleissKappa
    self.alphaNominal = alphaNominal
    self.alphaOrdinal = alphaOrdinal
    self.pairs = pairs
  }

  /// The share of `units` with one verdict only, or nil when there are no units.
  public var unanimousShare: Double? {
    units > 0 ? Double(unanimousUnits) / Double(units) : nil
  }
}

/// One verdict on one claim, as the agreement statistics see it: both numbered.
struct Rating: Sendable, Equatable {
  /// The reviewer's number: an index into the identities passed to ``AgreementAnalysis``.
  var rater: Int
  /// The verdict's code: an index into the verdict ids passed to ``AgreementAnalysis``.
  var verdict: Int
}

/// Computes ``AgreementSummary`` from the verdicts of each claim.
enum AgreementAnalysis {
  /// - Parameters:
  ///   - units: the verdicts of each claim with two or more, at most one per rater.
  ///   - raters: each reviewer's identity, by number.
  ///   - verdicts: each verdict's id, by code.
  static func summarize(units: [[Rating]], raters: [Identity], verdicts: [String], scale: VerdictScale)
    -> AgreementSummary
  {
    let width = verdicts.count
    // For the ordinal statistic: the rating value of each verdict code, nil for unrated ones.
    let ratingValues = verdicts.map { scale.verdict($0)?.rating?.value }
    var counts: [[Int]] = []
    var nominal: [[Int]] = []
    var ordinal: [[Int]] = []
    var unanimous = 0
    var fewest = Int.max
    var most = 0
    // Keyed by both reviewers' numbers, the smaller first, packed into one integer.
    var pairTables: [Int: [Int]] = [:]
    counts.reserveCapacity(units.count)
    nominal.reserveCapacity(units.count)
    ordinal.reserveCapacity(units.count)
    for unit in units {
      var row = [Int](repeating: 0, count: width)
      for rating in unit { row[rating.verdict] += 1 }
      counts.append(row)
      nominal.append(unit.map(\.verdict))
      ordinal.append(unit.compactMap { ratingValues[$0.verdict] })
      if unit.allSatisfy({ $0.verdict == unit.first?.verdict }) { unanimous += 1 }
      fewest = min(fewest, unit.count)
      most = max(most, unit.count)
      for (offset, first) in unit.enumerated() {
        for second in unit[(offset + 1)...] {
          let (low, high) = first.rater < second.rater ? (first, second) : (second, first)
          let key = low.rater << 32 | high.rater
          if pairTables[key] == nil { pairTables[key] = [Int](repeating: 0, count: width * width) }
          // Mutated through the subscript so the table is not copied for each claim.
          pairTables[key]?[low.verdict * width + high.verdict] += 1
        }
      }
    }
    let pairs = pairTables.map { key, flat in
      let table = (0..<width).map { row in Array(flat[(row * width)..<((row + 1) * width)]) }
      let result = CohenKappa.compute(table: table)
      let (first, second) = (raters[key >> 32], raters[key & 0xFFFF_FFFF])
      let ordered = first.key <= second.key ? (first, second) : (second, first)
      return PairAgreement(
        first: ordered.0, second: ordered.1, units: result.units, observedAgreement: result.observedAgreement,
        kappa: result.kappa)
    }.sorted { lhs, rhs in
      if lhs.units != rhs.units { return lhs.units > rhs.units }
      if lhs.first.key != rhs.first.key { return lhs.first.key < rhs.first.key }
      return lhs.second.key < rhs.second.key
    }
    return AgreementSummary(
      units: units.count, unanimousUnits: unanimous, raterRange: units.isEmpty ? nil : fewest...most,
      fleissKappa: FleissKappa.compute(counts: counts),
      alphaNominal: KrippendorffAlpha.compute(units: nominal, metric: .nominal),
      alphaOrdinal: KrippendorffAlpha.compute(units: ordinal, metric: .ordinal), pairs: pairs)
  }
}

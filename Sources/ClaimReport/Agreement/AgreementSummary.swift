import ClaimModel

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

/// One verdict on one claim, as the agreement statistics see it.
struct Rating {
  var reviewer: Identity
  var verdict: String
}

/// Computes ``AgreementSummary`` from the verdicts of each claim.
enum AgreementAnalysis {
  /// - Parameters:
  ///   - units: the verdicts of each claim with two or more, at most one per rater.
  ///   - identities: how to show each reviewer, by identity key (one name even when a reviewer's
  ///     name is spelt differently in different reviews).
  static func summarize(units: [[Rating]], identities: [String: Identity], scale: VerdictScale) -> AgreementSummary {
    var category: [String: Int] = [:]
    for verdict in scale.verdicts where category[verdict.id] == nil { category[verdict.id] = category.count }
    for unit in units {
      for rating in unit where category[rating.verdict] == nil { category[rating.verdict] = category.count }
    }
    var ratingValue: [String: Int] = [:]
    for verdict in scale.verdicts {
      if let rating = verdict.rating { ratingValue[verdict.id] = rating.value }
    }
    let width = category.count
    var counts: [[Int]] = []
    var nominal: [[Int]] = []
    var ordinal: [[Int]] = []
    var unanimous = 0
    var fewest = Int.max
    var most = 0
    var pairTables: [String: (first: Identity, second: Identity, table: [Int])] = [:]
    counts.reserveCapacity(units.count)
    nominal.reserveCapacity(units.count)
    for unit in units {
      let codes = unit.map { category[$0.verdict] ?? 0 }
      var row = [Int](repeating: 0, count: width)
      for code in codes { row[code] += 1 }
      counts.append(row)
      nominal.append(codes)
      ordinal.append(unit.compactMap { ratingValue[$0.verdict] })
      if codes.allSatisfy({ $0 == codes.first }) { unanimous += 1 }
      fewest = min(fewest, unit.count)
      most = max(most, unit.count)
      let sorted = zip(unit, codes).sorted { $0.0.reviewer.key < $1.0.reviewer.key }
      for (offset, (firstRating, firstCode)) in sorted.enumerated() {
        for (secondRating, secondCode) in sorted[(offset + 1)...] {
          let (firstKey, secondKey) = (firstRating.reviewer.key, secondRating.reviewer.key)
          let key = firstKey + "\u{0}" + secondKey
          if pairTables[key] == nil {
            pairTables[key] = (
              identities[firstKey] ?? firstRating.reviewer, identities[secondKey] ?? secondRating.reviewer,
              [Int](repeating: 0, count: width * width)
            )
          }
          // Mutated through the subscript so the table is not copied for each claim.
          pairTables[key]?.table[firstCode * width + secondCode] += 1
        }
      }
    }
    let pairs = pairTables.values.map { entry in
      let table = (0..<width).map { row in Array(entry.table[(row * width)..<((row + 1) * width)]) }
      let result = CohenKappa.compute(table: table)
      return PairAgreement(
        first: entry.first, second: entry.second, units: result.units, observedAgreement: result.observedAgreement,
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

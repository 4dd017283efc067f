/// Fleiss' kappa (Fleiss 1971): chance-corrected agreement among any number of raters on a nominal
/// scale, generalised to units rated by different numbers of raters.
///
/// For unit i with n_i ratings, n_ij of them in category j:
/// P_i = Σ_j n_ij (n_ij − 1) / (n_i (n_i − 1)), P̄ = the mean of P_i over units,
/// p_j = Σ_i n_ij / Σ_i n_i, P̄_e = Σ_j p_j², κ = (P̄ − P̄_e) / (1 − P̄_e).
/// When every unit has the same n this is exactly Fleiss' formula; with unequal n each unit still
/// weighs the same in P̄, and p_j pools all ratings. Units with fewer than two ratings are skipped.
public enum FleissKappa {
  /// Kappa from a units × categories table of counts: `counts[i][j]` raters put unit i in category j.
  public static func compute(counts: [[Int]]) -> AgreementStatistic {
    let width = counts.map(\.count).max() ?? 0
    var categoryTotals = [Int](repeating: 0, count: width)
    var agreementSum = 0.0
    var units = 0
    var ratings = 0
    for row in counts {
      let raters = row.reduce(0, +)
      guard raters >= 2 else { continue }
      units += 1
      ratings += raters
      var agreeingPairs = 0
      for (category, count) in row.enumerated() {
        categoryTotals[category] += count
        agreeingPairs += count * (count - 1)
      }
      agreementSum += Double(agreeingPairs) / Double(raters * (raters - 1))
    }
    // Σ_j (Σ_i n_ij)² = (Σ n_i)² exactly when all ratings fall in one category: P̄_e = 1.
    let squaredTotals = categoryTotals.reduce(0) { $0 + $1 * $1 }
    guard units > 0, squaredTotals != ratings * ratings else { return AgreementStatistic(value: nil, units: units) }
    let meanAgreement = agreementSum / Double(units)
    let chance = Double(squaredTotals) / (Double(ratings) * Double(ratings))
    return AgreementStatistic(value: (meanAgreement - chance) / (1 - chance), units: units)
  }
}

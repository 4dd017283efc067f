/// Krippendorff's alpha (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"):
/// α = 1 − D_o / D_e, computed from the coincidence matrix, so units may have any number of values
/// and missing values need no special handling.
///
/// Each unit u with m_u ≥ 2 values adds, for every ordered pair of its values (c, k) taken from
/// different raters, 1 / (m_u − 1) to o_ck; n_c = Σ_k o_ck and n = Σ_c n_c. Then
/// D_o = Σ_c Σ_k o_ck δ²_ck and D_e = Σ_c Σ_k n_c n_k δ²_ck / (n − 1) (both divided by n in the
/// original, which cancels).
public enum KrippendorffAlpha {
  /// How far apart two values are.
  public enum Metric: String, Sendable, CaseIterable {
    /// δ² = 0 for equal values, 1 otherwise.
    case nominal
    /// Values are ranks (only their order matters):
    /// δ²_ck = (Σ_{g between c and k} n_g − (n_c + n_k) / 2)².
    case ordinal
    /// Values are numbers on an interval scale: δ²_ck = (c − k)².
    case interval
  }

  /// Alpha over `units`, each the list of values its raters gave (missing ratings left out).
  /// Units with fewer than two values cannot be paired and are skipped. Undefined (nil) when fewer
  /// than two distinct values remain, as there is no disagreement to expect.
  public static func compute(units: [[Int]], metric: Metric) -> AgreementStatistic {
    let pairable = units.filter { $0.count >= 2 }
    let values = Array(Set(pairable.joined())).sorted()
    guard values.count >= 2 else { return AgreementStatistic(value: nil, units: pairable.count) }
    var index: [Int: Int] = [:]
    for (position, value) in values.enumerated() { index[value] = position }
    let size = values.count
    var coincidences = [Double](repeating: 0, count: size * size)
    var unitCounts = [Int](repeating: 0, count: size)
    for unit in pairable {
      var present: [Int] = []
      for value in unit {
        guard let position = index[value] else { continue }
        if unitCounts[position] == 0 { present.append(position) }
        unitCounts[position] += 1
      }
      let weight = 1 / Double(unit.count - 1)
      for first in present {
        for second in present {
          let pairs = unitCounts[first] * (unitCounts[second] - (first == second ? 1 : 0))
          coincidences[first * size + second] += Double(pairs) * weight
        }
      }
      for position in present { unitCounts[position] = 0 }
    }
    var marginals = [Double](repeating: 0, count: size)
    for first in 0..<size {
      for second in 0..<size { marginals[first] += coincidences[first * size + second] }
    }
    let total = marginals.reduce(0, +)
    let distance = distanceTable(values: values, marginals: marginals, metric: metric)
    var observed = 0.0
    var expected = 0.0
    for first in 0..<size {
      for second in 0..<size {
        let delta = distance[first * size + second]
        observed += coincidences[first * size + second] * delta
        expected += marginals[first] * marginals[second] * delta
      }
    }
    expected /= total - 1
    guard expected > 0 else { return AgreementStatistic(value: nil, units: pairable.count) }
    return AgreementStatistic(value: 1 - observed / expected, units: pairable.count)
  }

  /// δ² for every pair of (sorted, distinct) values, row-major.
  private static func distanceTable(values: [Int], marginals: [Double], metric: Metric) -> [Double] {
    let size = values.count
    var distance = [Double](repeating: 0, count: size * size)
    // cumulative[i] = n_0 + … + n_(i−1), so the sum from c through k is cumulative[k + 1] − cumulative[c].
    var cumulative = [0.0]
    for marginal in marginals { cumulative.append((cumulative.last ?? 0) + marginal) }
    for first in 0..<size {
      for second in 0..<size where first != second {
        switch metric {
        case .nominal:
          distance[first * size + second] = 1
        case .ordinal:
          let (low, high) = (min(first, second), max(first, second))
          let between = cumulative[high + 1] - cumulative[low] - (marginals[low] + marginals[high]) / 2
          distance[first * size + second] = between * between
        case .interval:
          let difference = Double(values[first] - values[second])
          distance[first * size + second] = difference * difference
        }
      }
    }
    return distance
  }
}

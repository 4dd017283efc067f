/// Cohen's kappa (Cohen 1960): chance-corrected agreement between two raters on a nominal scale.
///
/// κ = (p_o − p_e) / (1 − p_e), where p_o is the share of units both raters put in the same category
/// and p_e = Σ_k (a_k / n)(b_k / n) the agreement expected from each rater's own category shares.
public enum CohenKappa {
  /// Kappa with the two agreement shares it is made of.
  public struct Result: Sendable, Equatable {
    /// κ, or nil when no units were rated by both or when p_e = 1 (both raters always used the same
    /// single category, so there is nothing to correct for).
    public var kappa: Double?
    /// p_o, or nil when there are no units.
    public var observedAgreement: Double?
    /// p_e, or nil when there are no units.
    public var expectedAgreement: Double?
    /// The number of units both raters rated.
    public var units: Int
  }

  /// Kappa from a square contingency table: `table[i][j]` units put in category i by the first
  /// rater and in category j by the second. Rows shorter than the table is tall count as zeros.
  public static func compute(table: [[Int]]) -> Result {
    let size = max(table.count, table.map(\.count).max() ?? 0)
    var rowTotals = [Int](repeating: 0, count: size)
    var columnTotals = [Int](repeating: 0, count: size)
    var agreeing = 0
    var total = 0
    for (row, counts) in table.enumerated() {
      for (column, count) in counts.enumerated() {
        rowTotals[row] += count
        columnTotals[column] += count
        total += count
        if row == column { agreeing += count }
      }
    }
    guard total > 0 else { return Result(kappa: nil, observedAgreement: nil, expectedAgreement: nil, units: 0) }
    // Σ a_k b_k, kept in integers so that p_e = 1 is detected exactly.
    let chanceProduct = zip(rowTotals, columnTotals).reduce(0) { $0 + $1.0 * $1.1 }
    let squaredTotal = Double(total) * Double(total)
    let observed = Double(agreeing) / Double(total)
    let expected = Double(chanceProduct) / squaredTotal
    let kappa = chanceProduct == total * total ? nil : (observed - expected) / (1 - expected)
    return Result(kappa: kappa, observedAgreement: observed, expectedAgreement: expected, units: total)
  }

  /// Kappa from the two raters' categories, one pair per unit both rated.
  public static func compute<Category: Hashable>(pairs: [(Category, Category)]) -> Result {
    var index: [Category: Int] = [:]
    for (first, second) in pairs {
      if index[first] == nil { index[first] = index.count }
      if index[second] == nil { index[second] = index.count }
    }
    var table = [[Int]](repeating: [Int](repeating: 0, count: index.count), count: index.count)
    for (first, second) in pairs {
      if let row = index[first], let column = index[second] { table[row][column] += 1 }
    }
    return compute(table: table)
  }
}

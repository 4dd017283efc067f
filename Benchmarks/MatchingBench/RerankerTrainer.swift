#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Learns the linear re-ranker: features standardised, a listwise softmax loss (the probability
/// the relevant candidates get among each query's candidates) minimised by full-batch gradient
/// descent with a little L2, then the weights brought back to the features' own scale.
struct RerankerTrainer {
  struct List {
    var query: String
    var features: [[Double]]
    var relevant: [Bool]
  }

  let lists: [List]
  private let mean: [Double]
  private let deviation: [Double]

  init(lists: [List]) {
    self.lists = lists
    let rows = lists.flatMap(\.features)
    let width = rows.first?.count ?? 0
    var mean = [Double](repeating: 0, count: width)
    var deviation = [Double](repeating: 0, count: width)
    for row in rows { for column in 0..<width { mean[column] += row[column] } }
    for column in 0..<width { mean[column] /= Double(max(rows.count, 1)) }
    for row in rows {
      for column in 0..<width { deviation[column] += (row[column] - mean[column]) * (row[column] - mean[column]) }
    }
    for column in 0..<width {
      deviation[column] = (deviation[column] / Double(max(rows.count, 1))).squareRoot()
      if deviation[column] < 1e-9 { deviation[column] = 1 }
    }
    self.mean = mean
    self.deviation = deviation
  }

  /// Weights on the raw features.
  func train(epochs: Int, rate: Double = 0.5, l2: Double = 1e-3) -> [Double] {
    let width = mean.count
    var weights = [Double](repeating: 0, count: width)
    let standardised = lists.map { list in
      list.features.map { row in (0..<width).map { (row[$0] - mean[$0]) / deviation[$0] } }
    }
    for _ in 0..<epochs {
      var gradient = [Double](repeating: 0, count: width)
      var used = 0
      for (list, rows) in zip(lists, standardised) {
        let relevantCount = list.relevant.filter { $0 }.count
        guard relevantCount > 0 else { continue }
        used += 1
        let scores = rows.map { row in zip(row, weights).reduce(0) { $0 + $1.0 * $1.1 } }
        let top = scores.max() ?? 0
        let exponentials = scores.map { exp($0 - top) }
        let total = exponentials.reduce(0, +)
        for (index, row) in rows.enumerated() {
          let difference = exponentials[index] / total - (list.relevant[index] ? 1 / Double(relevantCount) : 0)
          for column in 0..<width { gradient[column] += row[column] * difference }
        }
      }
      for column in 0..<width {
        weights[column] -= rate * (gradient[column] / Double(max(used, 1)) + l2 * weights[column])
      }
    }
    return (0..<width).map { weights[$0] / deviation[$0] }
  }

  /// MAP@5 of the candidate lists ranked by `weights` (queries whose fact-check is not among the
  /// candidates count 0).
  func meanAveragePrecision(_ weights: [Double]) -> Double {
    var total = 0.0
    for list in lists {
      let scores = list.features.map { row in zip(row, weights).reduce(0) { $0 + $1.0 * $1.1 } }
      let order = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
      let relevantCount = list.relevant.filter { $0 }.count
      var hits = 0
      var precision = 0.0
      for (rank, index) in order.prefix(5).enumerated() where list.relevant[index] {
        hits += 1
        precision += Double(hits) / Double(rank + 1)
      }
      if relevantCount > 0 { total += precision / Double(min(relevantCount, 5)) }
    }
    return total / Double(max(lists.count, 1))
  }
}

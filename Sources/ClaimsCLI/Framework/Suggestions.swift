/// Suggests what a user probably meant by a mistyped name.
enum Suggestions {
  /// The candidate closest to `input` by edit distance, if close enough to be a typo.
  static func closest(to input: String, among candidates: [String]) -> String? {
    let input = input.lowercased()
    let scored = candidates.map { ($0, distance(input, $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    let allowed = input.count <= 3 ? 1 : min(3, max(2, input.count / 3))
    if best.1 <= allowed { return best.0 }
    // A prefix of a longer name ('verd' for 'verdict') is a typo too.
    if input.count >= 3, let prefixed = candidates.first(where: { $0.hasPrefix(input) }) { return prefixed }
    return nil
  }

  /// Edit distance counting a swap of two neighbouring letters as one edit ('lsit' is one from
  /// 'list'), the commonest typo.
  static func distance(_ lhs: String, _ rhs: String) -> Int {
    let a = Array(lhs)
    let b = Array(rhs)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
        }
      }
    }
    return table[a.count][b.count]
  }
}

/// Suggests what a user probably meant by a mistyped name.
enum Suggestions {
  /// The candidate closest to `input` by edit distance, if close enough to be a typo.
  static func closest(to input: String, among candidates: [String]) -> String? {
    let input = input.lowercased()
    let scored = candidates.map { ($0, distance(input, $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    let allowed = max(1, min(3, input.count / 3))
    if best.1 <= allowed { return best.0 }
    // A prefix of a longer name ('verd' for 'verdict') is a typo too.
    if input.count >= 3, let prefixed = candidates.first(where: { $0.hasPrefix(input) }) { return prefixed }
    return nil
  }

  /// Levenshtein distance.
  static func distance(_ lhs: String, _ rhs: String) -> Int {
    let a = Array(lhs)
    let b = Array(rhs)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}

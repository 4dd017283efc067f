/// The posting lists of every term: a stored part (one flat array and each term's end in it, read
/// in place) and, per term, the postings appended in memory since. Slots only grow, so a term's
/// stored postings followed by its appended ones stay in slot order.
struct PostingLists: Sendable {
  private var stored = IndexColumn<UInt32>()
  /// Where each stored term's postings start in ``stored``, and one more: the end of the last.
  private var storedEnds = IndexColumn<UInt32>()
  private var storedTermCount = 0
  private var appended: [[UInt32]] = []

  init() {}

  init(stored: IndexColumn<UInt32>, ends: IndexColumn<UInt32>) {
    self.stored = stored
    storedEnds = ends
    storedTermCount = max(ends.count - 1, 0)
    appended = [[UInt32]](repeating: [], count: storedTermCount)
  }

  /// The number of terms.
  var count: Int { appended.count }

  /// Calls `body` with each posting of `term` (`slot << 6 | min(tf, 63)`), in slot order.
  @inline(__always)
  func forEach(of term: Int, _ body: (UInt32) -> Void) {
    if term < storedTermCount {
      for index in Int(storedEnds[term])..<Int(storedEnds[term + 1]) { body(stored[index]) }
    }
    for posting in appended[term] { body(posting) }
  }

  /// A new term, with no postings.
  mutating func addTerm() {
    appended.append([])
  }

  mutating func append(_ posting: UInt32, to term: Int) {
    appended[term].append(posting)
  }
}

/// The document frequency of each character 4-gram: a stored table (grams sorted, read in place,
/// found by binary search) with what was counted and taken out in memory since, so that loading an
/// index does not rebuild a table of millions of grams.
struct GramCounts: Sendable, Equatable {
  private var storedGrams = IndexColumn<UInt32>()
  private var storedFrequencies = IndexColumn<UInt32>()
  private var added = GramTable()
  private var removed = GramTable()

  init() {}

  init(grams: IndexColumn<UInt32>, frequencies: IndexColumn<UInt32>) {
    storedGrams = grams
    storedFrequencies = frequencies
  }

  /// The frequency of `gram` (0 when absent).
  subscript(gram: UInt32) -> UInt32 {
    let total = storedFrequency(gram) + added[gram]
    let taken = removed[gram]
    return total > taken ? total - taken : 0
  }

  /// Counts each distinct gram of `text` once (see ``GramTable/countDistinct(in:document:)``).
  mutating func countDistinct(in text: some Collection<UInt8>, document: UInt32) {
    added.countDistinct(in: text, document: document)
  }

  mutating func decrement(_ gram: UInt32) {
    if added[gram] > 0 {
      added.decrement(gram)
    } else if storedFrequency(gram) > removed[gram] {
      removed.increment(gram)
    }
  }

  /// The grams with a frequency above 0, sorted by gram.
  var sortedEntries: [(gram: UInt32, frequency: UInt32)] {
    var entries: [(gram: UInt32, frequency: UInt32)] = []
    let more = added.sortedEntries
    entries.reserveCapacity(storedGrams.count + more.count)
    var (left, right) = (0, 0)
    while left < storedGrams.count || right < more.count {
      let gram: UInt32
      if right == more.count || (left < storedGrams.count && storedGrams[left] < more[right].gram) {
        gram = storedGrams[left]
        left += 1
      } else if left == storedGrams.count || more[right].gram < storedGrams[left] {
        gram = more[right].gram
        right += 1
      } else {
        gram = storedGrams[left]
        left += 1
        right += 1
      }
      let frequency = self[gram]
      if frequency > 0 { entries.append((gram, frequency)) }
    }
    return entries
  }

  private func storedFrequency(_ gram: UInt32) -> UInt32 {
    var low = 0
    var high = storedGrams.count
    while low < high {
      let middle = (low + high) / 2
      let found = storedGrams[middle]
      if found == gram { return storedFrequencies[middle] }
      if found < gram { low = middle + 1 } else { high = middle }
    }
    return 0
  }

  static func == (lhs: GramCounts, rhs: GramCounts) -> Bool {
    lhs.sortedEntries.elementsEqual(rhs.sortedEntries) { $0.gram == $1.gram && $0.frequency == $1.frequency }
  }
}

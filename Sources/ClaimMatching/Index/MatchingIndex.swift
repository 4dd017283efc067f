import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A persistent, incrementally updatable search index over earlier fact-checks and reviewed
/// claims: an inverted index of Snowball-stemmed terms for BM25, the documents' terms for field
/// scores, and their words for character n-grams (see ``matches(for:limit:language:)``).
///
/// Adding, removing and replacing documents costs time in proportion to the documents changed:
/// new documents are appended to the posting lists; a removed one is only marked dead (skipped by
/// searches, dropped by the next ``encoded()`` or by a compaction once dead slots outnumber live
/// ones). ``encoded()`` and ``init(decoding:)`` give the bytes a cache stores.
public struct MatchingIndex: Sendable {
  /// Term id by term for the terms added in memory; the stored terms are sorted, so they are
  /// found by binary search in ``terms`` (see ``termID(of:)``).
  var termIDs: [String: UInt32] = [:]
  var terms = StringColumn()
  /// How many live documents hold each term.
  var documentFrequency: [UInt32] = []
  /// Per term: `slot << 6 | min(tf, 63)`, in slot order; dead slots are skipped when read.
  var postings = PostingLists()

  /// Per slot (a document's position, never reused until compaction).
  var keys = StringColumn()
  var kinds = IndexColumn<UInt8>()
  var languages = IndexColumn<UInt8>()
  /// Each slot's ``MatchingDocument/precedence``: ties are broken by it, then by key.
  var precedences = IndexColumn<UInt64>()
  /// Where the slot's terms start in ``documentTerms``: the claim's, then the headline's.
  var termStart = IndexColumn<UInt32>([0])
  var claimTermCount = IndexColumn<UInt32>()
  var documentTerms = IndexColumn<UInt32>()
  /// Where the slot's words (lower-cased, space-separated: the text character n-grams are taken
  /// from) start in ``documentText``.
  var textStart = IndexColumn<UInt32>([0])
  var documentText = IndexColumn<UInt8>()

  /// Canonical Snowball names of the documents' languages.
  var languageNames: [String] = []
  /// The slot of each live document added in memory; stored slots are found through
  /// ``storedKeyOrder``.
  var slotsByKey: [String: Int32] = [:]
  /// The stored slots sorted by key (UTF-8 bytes), for a binary search.
  var storedKeyOrder = IndexColumn<UInt32>()

  var liveCount = 0
  var deadCount = 0
  var totalClaimLength = 0
  var totalHeadlineLength = 0
  /// Document frequency of each character 4-gram (four UTF-8 bytes as one number) over live documents.
  var gramFrequency = GramCounts()

  /// How searches rank; not stored, so a tuning run can try others on the same index.
  package var parameters = RankingParameters()

  static let deadKind: UInt8 = 0xFF
  static let maximumTermFrequency: UInt32 = 63

  public init() {}

  /// An index of `documents`; a later document with the key of an earlier one replaces it.
  public init(documents: [MatchingDocument]) {
    self.init()
    add(documents)
  }

  /// The number of documents.
  public var count: Int { liveCount }

  /// Whether a document has `key`.
  public func contains(key: String) -> Bool { slot(ofKey: key) != nil }

  /// The live slot of the document with `key`, or nil.
  func slot(ofKey key: String) -> Int? {
    if let slot = slotsByKey[key] { return Int(slot) }
    var low = 0
    var high = storedKeyOrder.count
    let utf8 = key.utf8
    while low < high {
      let middle = (low + high) / 2
      let slot = Int(storedKeyOrder[middle])
      let (equal, precedes) = keys.compare(slot, with: utf8)
      if equal { return kinds[slot] == Self.deadKind ? nil : slot }
      if precedes { low = middle + 1 } else { high = middle }
    }
    return nil
  }

  /// The id of `term`, or nil when no document ever held it.
  func termID(of term: String) -> UInt32? {
    if let id = termIDs[term] { return id }
    var low = 0
    var high = terms.storedCount
    let utf8 = term.utf8
    while low < high {
      let middle = (low + high) / 2
      let (equal, precedes) = terms.compare(middle, with: utf8)
      if equal { return UInt32(middle) }
      if precedes { low = middle + 1 } else { high = middle }
    }
    return nil
  }

  /// Whether the document in `slot` ranks before the one in `other` when they score the same:
  /// the smaller precedence, then the smaller key (as UTF-8 bytes). Independent of the order the
  /// documents were added in, so an index updated in place ranks exactly as one built anew.
  func precedes(slot: Int, _ other: Int) -> Bool {
    let (first, second) = (precedences[slot], precedences[other])
    if first != second { return first < second }
    if slot == other { return false }
    return keys.precedes(slot, other)
  }

  /// The keys of all documents, in index order.
  public var allKeys: [String] {
    var result: [String] = []
    result.reserveCapacity(liveCount)
    for slot in kinds.indices where kinds[slot] != Self.deadKind { result.append(keys[slot]) }
    return result
  }

  /// Adds documents, replacing any that have the same key. Costs time in proportion to the
  /// documents' length, not to the index's size. Many documents are analysed on every core, in
  /// batches (so that the analysed texts of a first build of 100,000 never all wait in memory),
  /// then added in their order: the result is the index adding them one by one would make.
  public mutating func add(_ documents: [MatchingDocument]) {
    let workers = min(max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))), 8)
    if workers == 1 || documents.count < 2_048 {
      var analysis = Analysis()
      for document in documents { add(analysis.analysed(document)) }
    } else {
      let batchSize = 8_192
      for batchStart in stride(from: 0, to: documents.count, by: batchSize) {
        let batch = documents[batchStart..<min(documents.count, batchStart + batchSize)]
        for analysed in Self.analysedInParallel(batch, workers: workers) { add(analysed) }
      }
    }
    // Replacements leave dead slots too.
    compactIfMostlyDead()
  }

  /// Adds or replaces one document.
  public mutating func add(_ document: MatchingDocument) {
    var analysis = Analysis()
    add(analysis.analysed(document))
  }

  /// `documents` analysed on `workers` threads, in their order.
  private static func analysedInParallel(_ documents: ArraySlice<MatchingDocument>, workers: Int)
    -> [AnalysedDocument]
  {
    let chunk = (documents.count + workers - 1) / workers
    let results = Mutex<[Int: [AnalysedDocument]]>([:])
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      let start = documents.startIndex + worker * chunk
      let end = min(documents.endIndex, start + chunk)
      guard start < end else { return }
      var analysis = Analysis()
      let analysed = documents[start..<end].map { analysis.analysed($0) }
      results.withLock { $0[worker] = analysed }
    }
    let done = results.withLock { $0 }
    return (0..<workers).flatMap { done[$0] ?? [] }
  }

  /// A document's analysis, which depends on the document alone (not on the index), so that it
  /// can be made on any thread: its language, its terms as strings, its words as bytes.
  struct AnalysedDocument: Sendable {
    var document: MatchingDocument
    var language: String
    var claimTerms: [String]
    var headlineTerms: [String]
    var text: [UInt8]
  }

  /// The analyzer, and each word's term (or nil for a stop word) per language, so that a word met
  /// again costs one lookup instead of a stop-word check and a stem.
  struct Analysis {
    let analyzer = TextAnalyzer()
    var termsByWord: [String: [String: String?]] = [:]

    mutating func analysed(_ document: MatchingDocument) -> AnalysedDocument {
      let language = analyzer.languageName(document.language)
      let claimWords = Tokenizer.words(of: SocialText(document.claim).combined)
      let headlineWords =
        document.headline.isEmpty ? [] : Tokenizer.words(of: SocialText(document.headline).combined)
      var cache = termsByWord.removeValue(forKey: language) ?? [:]
      func terms(_ words: [String]) -> [String] {
        var terms: [String] = []
        terms.reserveCapacity(words.count)
        for word in words {
          if let known = cache[word] {
            if let known { terms.append(known) }
            continue
          }
          if StopWords.contains(word, language: language) {
            cache[word] = .some(nil)
            continue
          }
          let stem = analyzer.stem(word, language: language)
          cache[word] = stem
          terms.append(stem)
        }
        return terms
      }
      let claimTerms = terms(claimWords)
      let headlineTerms = terms(headlineWords)
      termsByWord[language] = cache
      var text: [UInt8] = []
      for word in claimWords + headlineWords {
        if !text.isEmpty { text.append(UInt8(ascii: " ")) }
        text.append(contentsOf: word.utf8)
      }
      return AnalysedDocument(
        document: document, language: language, claimTerms: claimTerms, headlineTerms: headlineTerms, text: text)
    }
  }

  /// Removes the documents with these keys; absent keys are ignored. Returns how many were removed.
  @discardableResult
  public mutating func remove(keys: some Sequence<String>) -> Int {
    var removed = 0
    for key in keys where remove(key: key) { removed += 1 }
    compactIfMostlyDead()
    return removed
  }

  mutating func add(_ analysed: AnalysedDocument) {
    let document = analysed.document
    if contains(key: document.key) { _ = remove(key: document.key) }
    append(
      key: document.key, kind: document.kind.rawValue, language: languageIndex(analysed.language),
      precedence: document.precedence, claimTerms: analysed.claimTerms.map { termID($0) },
      headlineTerms: analysed.headlineTerms.map { termID($0) }, text: analysed.text)
  }

  /// Appends a document whose terms are already ids: the one place slots are made, shared with
  /// compaction and decoding.
  mutating func append(
    key: String, kind: UInt8, language: UInt8, precedence: UInt64, claimTerms: [UInt32], headlineTerms: [UInt32],
    text: [UInt8]
  ) {
    let slot = UInt32(keys.count)
    keys.append(key)
    kinds.append(kind)
    languages.append(language)
    precedences.append(precedence)
    documentTerms.append(contentsOf: claimTerms)
    documentTerms.append(contentsOf: headlineTerms)
    termStart.append(UInt32(documentTerms.count))
    claimTermCount.append(UInt32(claimTerms.count))
    documentText.append(contentsOf: text)
    textStart.append(UInt32(documentText.count))
    slotsByKey[key] = Int32(slot)
    liveCount += 1
    totalClaimLength += claimTerms.count
    totalHeadlineLength += headlineTerms.count
    // Each distinct term once, with its frequency: a document is a few dozen terms, so sorting a
    // copy beats hashing.
    var sorted = claimTerms + headlineTerms
    sorted.sort()
    var position = 0
    while position < sorted.count {
      let term = sorted[position]
      var end = position + 1
      while end < sorted.count, sorted[end] == term { end += 1 }
      postings.append(slot << 6 | min(UInt32(end - position), Self.maximumTermFrequency), to: Int(term))
      documentFrequency[Int(term)] += 1
      position = end
    }
    gramFrequency.countDistinct(in: text, document: slot)
  }

  /// Marks a document dead and takes it out of the statistics; its postings stay until compaction.
  mutating func remove(key: String) -> Bool {
    guard let slot = slot(ofKey: key) else { return false }
    slotsByKey[key] = nil
    kinds[slot] = Self.deadKind
    liveCount -= 1
    deadCount += 1
    let start = Int(termStart[slot])
    let end = Int(termStart[slot + 1])
    let claimEnd = start + Int(claimTermCount[slot])
    totalClaimLength -= claimEnd - start
    totalHeadlineLength -= end - claimEnd
    var seen: Set<UInt32> = []
    for term in documentTerms[start..<end] where seen.insert(term).inserted {
      documentFrequency[Int(term)] -= 1
    }
    for gram in CharacterGrams.distinct(in: text(ofSlot: slot)) { gramFrequency.decrement(gram) }
    return true
  }

  func text(ofSlot slot: Int) -> Slice<IndexColumn<UInt8>> {
    documentText[Int(textStart[slot])..<Int(textStart[slot + 1])]
  }

  mutating func termID(_ term: String) -> UInt32 {
    if let id = termID(of: term) { return id }
    let id = UInt32(terms.count)
    termIDs[term] = id
    terms.append(term)
    documentFrequency.append(0)
    postings.addTerm()
    return id
  }

  mutating func languageIndex(_ name: String) -> UInt8 {
    if let index = languageNames.firstIndex(of: name) { return UInt8(index) }
    // More than 255 languages cannot happen with Snowball's 30-odd; fold the rest into the first.
    guard languageNames.count < 255 else { return 0 }
    languageNames.append(name)
    return UInt8(languageNames.count - 1)
  }

  /// Rebuilds without dead slots once they outnumber live ones (and are many), so that removals
  /// cost amortised time in proportion to their number.
  mutating func compactIfMostlyDead() {
    if deadCount > 1024, deadCount > liveCount { self = compacted() }
  }
}

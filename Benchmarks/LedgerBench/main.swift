// Builds large ledgers for the benchmarks under Benchmarks/: many sources of news-like sentences,
// reviews by a few reviewers, and a stream of single-review commits, all through the ledger's own
// write path.
import ClaimLedger
import ClaimModel
import Foundation

struct Options {
  var directory = ""
  var sources = 2000
  var claimsPerSource = 50
  var reviews = 100_000
  var reviewCommits = 0
  var textFile: String?
  var sentences = 10_000
  var isBare = false
  var batchSources: Int?
}

func usage() -> Never {
  FileHandle.standardError.write(
    Data(
      """
      usage: ledger-bench generate DIR [--sources N] [--claims-per-source N] [--reviews N] [--review-commits N] [--bare]
                                   [--batch-sources N]   (commit every N sources)
             ledger-bench text FILE [--sentences N]   (write a news-like text of N sentences)

      """.utf8))
  exit(64)
}

let words = """
  the council mayor said officials report storm coast homes damaged budget million percent police court ruling
  minister election votes turnout hospital patients schools reopen bridge closed river flood warning company shares
  fell rose quarter profit workers strike union wages prices inflation rate bank central decision government plan
  """.split(whereSeparator: \.isWhitespace).map(String.init)

/// A deterministic pseudo-random sentence.
func sentence(_ seed: Int) -> String {
  var state = UInt64(truncatingIfNeeded: seed &* 2_654_435_761 &+ 1)
  func next() -> Int {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int(truncatingIfNeeded: state >> 33)
  }
  let count = 12 + next() % 14
  var parts: [String] = []
  for index in 0..<count {
    var word = words[next() % words.count]
    if index == 0 { word = word.prefix(1).uppercased() + word.dropFirst() }
    if next() % 9 == 0 { word += " \(next() % 1000)" }
    parts.append(word)
  }
  return parts.joined(separator: " ") + " (\(seed))."
}

func parse(_ arguments: ArraySlice<String>) -> Options {
  var options = Options()
  var rest = arguments
  while let argument = rest.popFirst() {
    func number() -> Int {
      guard let text = rest.popFirst(), let value = Int(text) else { usage() }
      return value
    }
    switch argument {
    case "--sources": options.sources = number()
    case "--claims-per-source": options.claimsPerSource = number()
    case "--reviews": options.reviews = number()
    case "--review-commits": options.reviewCommits = number()
    case "--sentences": options.sentences = number()
    case "--bare": options.isBare = true
    case "--batch-sources": options.batchSources = number()
    default:
      guard options.directory.isEmpty else { usage() }
      options.directory = argument
    }
  }
  return options
}

let arguments = CommandLine.arguments.dropFirst()
guard let mode = arguments.first else { usage() }
let options = parse(arguments.dropFirst())
guard !options.directory.isEmpty else { usage() }

switch mode {
case "text":
  var text = "Storm Report\n\n"
  var paragraph: [String] = []
  for index in 0..<options.sentences {
    paragraph.append(sentence(index))
    if paragraph.count == 4 || index == options.sentences - 1 {
      text += paragraph.joined(separator: " ") + "\n\n"
      paragraph = []
    }
  }
  try Data(text.utf8).write(to: URL(fileURLWithPath: options.directory))
case "generate":
  let author = Identity(parsing: "Bench Importer <importer@example.org>")
  let time = Timestamp(secondsSince1970: 1_732_449_600)
  guard let author else { exit(1) }
  let (ledger, _) = try Ledger.initialize(at: options.directory, as: author, at: time, isBare: options.isBare)
  let reviewers = ["Ada <ada@example.org>", "Bob <bob@example.org>", "Cy <cy@example.org>", "Di <di@example.org>"]
    .compactMap(Identity.init(parsing:))
  let verdicts = ["supported", "mostly-supported", "misleading", "refuted", "unverifiable"]
  // Only ids are kept: a million claims with their texts would take gigabytes.
  var allClaims: [(id: ClaimID, source: SourceID)] = []
  allClaims.reserveCapacity(options.sources * options.claimsPerSource)
  let start = Date()
  // Sources go in batches of `--batch-sources`, one commit (and one pack) each, so that the
  // in-memory object store never holds more than a batch; the reviews of a batch's claims go in
  // its commit. One batch (the default) is one commit, as before.
  let batchSize = max(1, options.batchSources ?? options.sources)
  var reviewIndex = 0
  for batchStart in stride(from: 0, to: options.sources, by: batchSize) {
    let batch = batchStart..<min(options.sources, batchStart + batchSize)
    let claimsBefore = allClaims.count
    let reviewsBefore = reviewIndex
    _ = try ledger.commit(as: author, at: time) { _ in
      // Built again from the start if another writer moved the branch first.
      reviewIndex = reviewsBefore
      var files: [LedgerChange.File] = []
      let extractor = ClaimExtractor()
      var claims: [Claim] = []
      for sourceIndex in batch {
        guard let source = SourceID(String(format: "article-%05d", sourceIndex)) else { continue }
        let text = (0..<options.claimsPerSource).map { sentence(sourceIndex * 1000 + $0) }.joined(separator: "\n\n")
        let extracted = extractor.claims(of: text, source: source)
        claims += extracted
        files.append(LedgerChange.File(path: LedgerPaths.seedText(source), contents: Array(text.utf8)))
        for claim in extracted { files.append(.record(claim, at: LedgerPaths.claim(claim.id, in: source))) }
      }
      for claim in claims where reviewIndex < options.reviews {
        let index = reviewIndex
        reviewIndex += 1
        let reviewer = reviewers[index % reviewers.count]
        let review = Review(
          claim: claim.id, source: claim.source, reviewer: reviewer, verdict: verdicts[index % verdicts.count],
          citations: index % 3 == 0 ? [Citation(url: "https://example.org/evidence/\(index)")] : [], updated: time)
        files.append(.record(review, at: LedgerPaths.review(claim.id, in: claim.source, by: reviewer)))
      }
      allClaims.removeSubrange(claimsBefore...)
      allClaims += claims.map { ($0.id, $0.source) }
      let subject =
        batchSize >= options.sources
        ? "bench: \(claims.count) claims, \(options.reviews) reviews"
        : "bench: sources \(batch.lowerBound)-\(batch.upperBound - 1), \(claims.count) claims"
      return LedgerChange(files: files, message: CommitMessage(subject: subject, trailers: []))
    }
    if batchSize < options.sources {
      FileHandle.standardError.write(
        Data("sources \(batch.upperBound)/\(options.sources): \(Date().timeIntervalSince(start)) s\n".utf8))
    }
  }
  FileHandle.standardError.write(Data("bulk commit: \(Date().timeIntervalSince(start)) s\n".utf8))
  let streamStart = Date()
  // One claim in a hundred commits is the same "hot" claim, so the history benchmark has a claim
  // with a long story (the measurement used one changed in 102 of 10,000 commits).
  let hot = allClaims[allClaims.count / 2]
  // Each action gives the reviewer a verdict different from their last one on that claim, so every
  // action is a commit.
  var last: [String: Int] = [:]
  for index in 0..<options.reviewCommits {
    let claim = index % 98 == 0 ? hot : allClaims[(index * 7919) % allClaims.count]
    let reviewer = reviewers[(index / 3) % reviewers.count]
    let key = "\(claim.id) \(reviewer.key)"
    let verdict = ((last[key] ?? (index % verdicts.count)) + 1) % verdicts.count
    last[key] = verdict
    _ = try ledger.record(
      .verdict(verdicts[verdict], note: nil), on: claim.id.rawValue, by: reviewer,
      at: Timestamp(secondsSince1970: 1_732_449_600 + Int64(index)))
  }
  if options.reviewCommits > 0 {
    FileHandle.standardError.write(
      Data("\(options.reviewCommits) review commits: \(Date().timeIntervalSince(streamStart)) s\n".utf8))
  }
  FileHandle.standardError.write(Data("hot claim: \(hot.id) (\(hot.source))\n".utf8))
  print(allClaims.map { $0.id.rawValue }.joined(separator: "\n"))
default:
  usage()
}

// The driver that Benchmarks/matching.sh runs. Free of Foundation, so that whole-process timings
// measure the matcher and the process start, not a framework's.
//
//   matching-bench query (--index FILE | --factchecks FILE [--claims N] [--save FILE]) [--limit N]
//       reads one query per line on stdin, answers one JSON line per query on stdout, in the shape
//       `claims match - --json` has: {"query": …, "results": [{"url"|"id": …, "score": …}]}
//   matching-bench add --index FILE --factchecks FILE --claims N [--seed S] [--save FILE]
//       adds N more generated claims to a saved index and reports the time the add took
//   matching-bench train --factchecks FILE --queries TSV --qrels FILE
//       learns the re-ranker's weights on training tweets and prints them as Swift
//   matching-bench features --factchecks FILE --queries TSV --qrels FILE
//       prints the candidates' features, one line per candidate (query, relevant, features)
//
// Timings and counts go to stderr as `key=value` pairs.

import ClaimMatching
import ClaimModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

func readAll(_ fd: Int32) -> [UInt8] {
  var bytes: [UInt8] = []
  var chunk = [UInt8](repeating: 0, count: 1 << 16)
  while true {
    let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
    if count <= 0 { break }
    bytes.append(contentsOf: chunk[0..<count])
  }
  return bytes
}

func readFile(_ path: String) -> [UInt8] {
  let fd = open(path, O_RDONLY)
  guard fd >= 0 else { fail("cannot open \(path)") }
  defer { close(fd) }
  return readAll(fd)
}

func writeFile(_ path: String, _ bytes: [UInt8]) {
  let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  guard fd >= 0 else { fail("cannot write \(path)") }
  defer { close(fd) }
  writeAll(bytes, to: fd)
}

func writeAll(_ bytes: [UInt8], to fd: Int32) {
  bytes.withUnsafeBufferPointer { buffer in
    var offset = 0
    while offset < buffer.count {
      let written = write(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
      if written <= 0 { return }
      offset += written
    }
  }
}

func writeAll(_ text: String, to fd: Int32 = 1) { writeAll(Array(text.utf8), to: fd) }

func fail(_ message: String) -> Never {
  writeAll("matching-bench: \(message)\n", to: 2)
  exit(2)
}

func seconds(_ duration: Duration) -> Double {
  let (whole, fraction) = duration.components
  return Double(whole) + Double(fraction) * 1e-18
}

func report(_ pairs: KeyValuePairs<String, String>) {
  writeAll(pairs.map { "\($0.key)=\($0.value)" }.joined(separator: " ") + "\n", to: 2)
}

/// `--name value` options after the subcommand.
struct Options {
  var values: [String: String] = [:]

  init(_ arguments: ArraySlice<String>) {
    var iterator = arguments.makeIterator()
    while let argument = iterator.next() {
      guard argument.hasPrefix("--") else { fail("unexpected argument '\(argument)'") }
      guard let value = iterator.next() else { fail("missing value for \(argument)") }
      values[String(argument.dropFirst(2))] = value
    }
  }

  func string(_ name: String) -> String? { values[name] }
  func required(_ name: String) -> String {
    guard let value = values[name] else { fail("--\(name) is required") }
    return value
  }
  func integer(_ name: String, default fallback: Int) -> Int {
    guard let text = values[name] else { return fallback }
    guard let value = Int(text) else { fail("--\(name) must be a number") }
    return value
  }
}

/// The fact-checks of a ClaimReview file as documents, read the way `claims factchecks import` reads them.
func factCheckDocuments(_ path: String) -> [MatchingDocument] {
  let feed: ClaimReviewFeed
  do {
    feed = try ClaimReviewReader().read(readFile(path))
  } catch {
    fail("\(path): \(error)")
  }
  for problem in feed.problems { writeAll("matching-bench: \(path): \(problem)\n", to: 2) }
  // Earlier in the file, earlier in the ranking of equals, as `claims factchecks import` orders them.
  return feed.factChecks.enumerated().map { position, factCheck in
    MatchingDocument(
      key: factCheck.url, kind: .factCheck, claim: factCheck.claimReviewed, headline: factCheck.headline ?? "",
      language: factCheck.language, precedence: UInt64(position))
  }
}

/// Ranking parameters from `--k1`, `--b`, `--candidates`, for tuning runs.
func applyParameters(to index: inout MatchingIndex) {
  if let text = options.string("k1"), let value = Double(text) { index.parameters.k1 = value }
  if let text = options.string("b"), let value = Double(text) { index.parameters.b = value }
  if let text = options.string("candidates"), let value = Int(text) { index.parameters.candidateCount = value }
}

let clock = ContinuousClock()
let arguments = Array(CommandLine.arguments.dropFirst())
let options = Options(arguments.dropFirst())

switch arguments.first {
case "query":
  let limit = options.integer("limit", default: 5)
  let start = clock.now
  var index: MatchingIndex
  if let path = options.string("index") {
    do {
      index = try MatchingIndex(decoding: readFile(path))
    } catch {
      fail("\(path): \(error)")
    }
    report(["loaded_documents": "\(index.count)", "load_seconds": "\(seconds(clock.now - start))"])
  } else {
    let documents = factCheckDocuments(options.required("factchecks"))
    let claimCount = options.integer("claims", default: 0)
    let generatorStart = clock.now
    let generated = ClaimGenerator(factChecks: documents, seed: UInt64(options.integer("seed", default: 1)))
      .claims(count: claimCount, firstNumber: 0)
    report(["generated_claims": "\(generated.count)", "generate_seconds": "\(seconds(clock.now - generatorStart))"])
    let buildStart = clock.now
    index = MatchingIndex(documents: documents + generated)
    report(["built_documents": "\(index.count)", "build_seconds": "\(seconds(clock.now - buildStart))"])
    if let save = options.string("save") {
      let saveStart = clock.now
      let bytes = index.encoded()
      writeFile(save, bytes)
      report(["index_bytes": "\(bytes.count)", "save_seconds": "\(seconds(clock.now - saveStart))"])
    }
  }
  applyParameters(to: &index)
  if let path = options.string("exclude") {
    // Without the fact-checks these judgements name: every answer is then a wrong one, which
    // shows the scores of claims that were never checked (for the resemblance threshold).
    let excluded = Set(TrainingData.relevance(readFile(path)).values.flatMap { $0 })
    index.remove(keys: index.allKeys.filter { excluded.contains(TrainingData.documentID(of: $0)) })
  }
  let input = String(decoding: readAll(0), as: UTF8.self)
  let queries = input.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  let lines = queries.last == "" ? Array(queries.dropLast()) : queries
  let queryStart = clock.now
  var output = ""
  let results: [Result<[Match], MatchingError>]
  if let weights = options.string("weights") {
    // Tuning: other re-ranker weights, one query at a time.
    let parsed = weights.split(separator: ",").compactMap { Double($0) }
    results = lines.map { query in
      Result { () throws(MatchingError) in try index.matches(for: query, limit: limit, weights: parsed) }
    }
  } else {
    results = index.matches(for: lines, limit: limit)
  }
  for (query, result) in zip(lines, results) {
    var object: [String: JSONValue] = ["query": .string(query)]
    switch result {
    case .success(let matches):
      object["results"] = .array(
        matches.map { match in
          let keyName = match.kind == .factCheck ? "url" : "id"
          return .object([keyName: .string(match.key), "score": .double(match.score)])
        })
    case .failure(let error):
      object["error"] = .string(error.message)
    }
    output += JSONWriter.compactText(of: .object(object)) + "\n"
  }
  writeAll(output)
  report(["queries": "\(lines.count)", "query_seconds": "\(seconds(clock.now - queryStart))"])

case "add":
  let path = options.required("index")
  let loadStart = clock.now
  var index: MatchingIndex
  do {
    index = try MatchingIndex(decoding: readFile(path))
  } catch {
    fail("\(path): \(error)")
  }
  let loadSeconds = seconds(clock.now - loadStart)
  let count = options.integer("claims", default: 1000)
  let generator = ClaimGenerator(
    factChecks: factCheckDocuments(options.required("factchecks")), seed: UInt64(options.integer("seed", default: 2)))
  let claims = generator.claims(count: count, firstNumber: index.count)
  let addStart = clock.now
  index.add(claims)
  let addSeconds = seconds(clock.now - addStart)
  report([
    "documents": "\(index.count)", "added": "\(count)", "load_seconds": "\(loadSeconds)",
    "add_seconds": "\(addSeconds)",
  ])
  if let save = options.string("save") { writeFile(save, index.encoded()) }

case "train", "features":
  let documents = factCheckDocuments(options.required("factchecks"))
  var index = MatchingIndex(documents: documents)
  applyParameters(to: &index)
  let queries = TrainingData.queries(readFile(options.required("queries")))
  let relevant = TrainingData.relevance(readFile(options.required("qrels")))
  var lists: [RerankerTrainer.List] = []
  for (id, text) in queries {
    guard let gold = relevant[id] else { continue }
    let candidates = (try? index.candidateFeatures(for: text)) ?? []
    lists.append(
      RerankerTrainer.List(
        query: id, features: candidates.map(\.features),
        relevant: candidates.map { gold.contains(TrainingData.documentID(of: $0.key)) }))
  }
  if arguments.first == "features" {
    var output = ""
    for list in lists {
      for (features, isRelevant) in zip(list.features, list.relevant) {
        output += "\(list.query) \(isRelevant ? 1 : 0) " + features.map { "\($0)" }.joined(separator: " ") + "\n"
      }
    }
    writeAll(output)
  } else {
    let trainer = RerankerTrainer(lists: lists)
    let weights = trainer.train(
      epochs: options.integer("epochs", default: 2000), l2: Double(options.string("l2") ?? "") ?? 1e-3)
    writeAll("static let weights: [Double] = [\(weights.map { "\($0)" }.joined(separator: ", "))]\n")
    report(["training_lists": "\(lists.count)", "training_map5": "\(trainer.meanAveragePrecision(weights))"])
  }

default:
  fail(
    "usage: matching-bench query (--index FILE | --factchecks FILE [--claims N] [--save FILE]) [--limit N]"
      + " | add --index FILE --factchecks FILE --claims N | train|features --factchecks FILE --queries TSV --qrels FILE"
  )
}

// Speed of archived citations (issue 14's targets), each beside a baseline measured in the same run:
//   evidence-bench cite CLAIMS DIR [--runs N]          `claims cite --archive` vs `claims cite` + the fetch
//   evidence-bench offline CLAIMS DIR [--citations N]  `claims evidence check --offline` vs sha256sum(1)
//   evidence-bench live CLAIMS DIR [--count N]         `claims evidence check` vs curl(1) --parallel
// CLAIMS is the claims executable to time (whole processes); DIR a scratch directory, emptied first.
// Pages come from LocalHTTPServer on loopback addresses; the ledgers are built through the ledger's
// own write path.

import ClaimLedger
import ClaimModel
import Evidence
import Foundation
import HTTP
import TestSupport
import WebArchive

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 3 else {
  print("usage: evidence-bench cite|offline|live CLAIMS DIR [--runs N] [--citations N] [--count N]")
  exit(64)
}
let (mode, claimsBinary, work) = (arguments[0], arguments[1], arguments[2])
func option(_ name: String, _ fallback: Int) -> Int {
  guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return fallback }
  return Int(arguments[index + 1]) ?? fallback
}
let clock = ContinuousClock()
guard let author = Identity(name: "Bench Reviewer", email: "reviewer@example.org"), let storm = SourceID("storm") else {
  exit(1)
}
let environment = [
  "CLAIMS_AUTHOR": "Bench Importer <importer@example.org>", "CLAIMS_REVIEWER": "Bench Reviewer <reviewer@example.org>",
  "PATH": "/usr/bin:/bin",
]

func milliseconds(_ duration: Duration) -> Double {
  let (seconds, attoseconds) = duration.components
  return Double(seconds) * 1000 + Double(attoseconds) / 1e15
}

func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  guard !sorted.isEmpty else { return 0 }
  return sorted.count % 2 == 1
    ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

/// Runs `claims` with `arguments` in `directory`; its wall time in ms, or exits when it fails
/// (unless `allowing` lists its status).
@discardableResult
func claims(_ arguments: [String], in directory: String, allowing: Set<Int32> = [0]) -> Double {
  let start = clock.now
  guard
    let result = try? ProcessRunner.run(claimsBinary, arguments, in: directory, environment: environment),
    allowing.contains(result.status)
  else {
    print("evidence-bench: claims \(arguments.joined(separator: " ")) failed")
    exit(1)
  }
  return milliseconds(clock.now - start)
}

/// Seconds a whole process takes, or nil when it fails.
func timeProcess(_ path: String, _ arguments: [String], in directory: String) -> Double? {
  let start = clock.now
  guard let result = try? ProcessRunner.run(path, arguments, in: directory), result.status == 0 else { return nil }
  return milliseconds(clock.now - start) / 1000
}

/// An article page of about `size` bytes whose text holds `marker` and the quoted sentence.
func articlePage(size: Int, marker: Int) -> [UInt8] {
  var paragraphs = [
    "Inspectors visited every street in district \(marker) and published a list of the addresses concerned. "
      + "“We counted 12 homes with structural damage,” the chief inspector said."
  ]
  var index = 0
  var length = 400
  while length < size {
    let paragraph =
      "The county council approved a budget of \(index).2 million on Tuesday, officials said, after a long debate "
      + "about roads, schools and the harbour in district \(marker), which the storm hit hardest."
    paragraphs.append(paragraph)
    length += paragraph.utf8.count + 7
    index += 1
  }
  return EvidencePages.article(paragraphs, title: "Storm report \(marker)")
}

let quote = EvidencePages.quote

/// A fresh ledger in `directory` with one source of `sentences` claims, made by the claims binary.
func makeLedger(_ directory: String, sentences: Int) throws -> [Claim] {
  try? FileManager.default.removeItem(atPath: directory)
  try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  claims(["init", directory], in: "/")
  let text = (0..<sentences).map { "Officials said \($0 + 1) homes were damaged in district \($0)." }
    .joined(separator: "\n\n")
  let file = directory + "/../storm-\(sentences).txt"
  try Data(text.utf8).write(to: URL(fileURLWithPath: file))
  claims(["import", file, "--id", "storm"], in: directory)
  return try Ledger.discover(from: directory).snapshot().claims(of: storm)
}

/// Commits a review for each claim with the given citations, and the evidence files, in one commit.
func commitArchives(
  _ ledger: Ledger, citations: [(Claim, Citation)], files: [LedgerChange.File], time: Timestamp
) throws {
  var reviews: [ClaimID: Review] = [:]
  var order: [Claim] = []
  for (claim, citation) in citations {
    if reviews[claim.id] == nil {
      reviews[claim.id] = Review(claim: claim.id, source: claim.source, reviewer: author, events: [])
      order.append(claim)
    }
    reviews[claim.id]?.record(.cite(citation), at: time)
  }
  let recordFiles = order.compactMap { claim in
    reviews[claim.id].map {
      LedgerChange.File.record($0, at: LedgerPaths.review(claim.id, in: claim.source, by: author))
    }
  }
  // Pages with the same text share its file.
  var seen: Set<String> = []
  let distinct = files.filter { seen.insert($0.path).inserted }
  _ = try ledger.commit(as: author, at: time) { _ in
    LedgerChange(
      files: recordFiles + distinct,
      message: CommitMessage(subject: "bench: \(citations.count) archived citations", trailers: []))
  }
}

/// The capture, text and archive record of `page` served at `url`, made without a fetch.
func syntheticCapture(url: String, body: [UInt8], time: Int64) -> (CitationArchive, [LedgerChange.File]) {
  let path = url.split(separator: "/", maxSplits: 3).last.map { "/" + $0 } ?? "/"
  let request = Array("GET \(path) HTTP/1.1\r\nHost: news.example\r\nUser-Agent: claims/bench\r\n\r\n".utf8)
  let head = Array(
    "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: \(body.count)\r\n\r\n".utf8)
  let capture = WARCCapture(exchanges: [
    WARCCapture.Exchange(
      targetURI: url, date: WARCDate(secondsSince1970: time), ipAddress: "192.0.2.7", requestHead: request,
      responseHead: head, responseBody: body)
  ])
  let (text, _) = PageText.read(body, contentType: "text/html", address: url)
  var anchor: QuoteAnchor?
  if let text, case .found(let found) = QuoteLocator.locate(quote, in: text.text) { anchor = found }
  let archive = CitationArchive(
    captureSHA256: capture.digest, captureBytes: capture.bytes.count, retrieved: Timestamp(secondsSince1970: time),
    finalURL: url, status: 200, contentType: "text/html", textSHA256: text?.sha256, quote: anchor)
  var files = [LedgerChange.File(path: archive.capturePath, contents: capture.bytes)]
  if let text, let textPath = archive.textPath { files.append(LedgerChange.File(path: textPath, contents: text.bytes)) }
  return (archive, files)
}

// MARK: 1. cite --archive

func cite() throws {
  let runs = option("--runs", 20)
  let server = try LocalHTTPServer()
  let body = articlePage(size: 100_000, marker: 1)
  let directory = work + "/cite"
  let claimList = try makeLedger(directory, sentences: 4 * runs + 24)
  print("== claims cite --archive against a local server: 100 KB page (median of \(runs) runs, ms, whole process) ==")
  var plain: [Double] = []
  var archived: [Double] = []
  var fetches: [Double] = []
  let client = try HTTPClient()
  for run in 0..<runs {
    let path = "/page/\(run)"
    server.setRoute(path, .page(headers: EvidencePages.html, body: body))
    server.setRoute(path + "/plain", .page(headers: EvidencePages.html, body: body))
    // The same page cited on two claims, without and with archiving, alternately first.
    let first = claimList[2 * run].id.rawValue
    let second = claimList[2 * run + 1].id.rawValue
    let plainRun = { plain.append(claims(["cite", first, server.url(path + "/plain")], in: directory)) }
    let archiveRun = {
      archived.append(claims(["cite", second, server.url(path), "--archive", "--quote", quote], in: directory))
    }
    if run % 2 == 0 {
      plainRun()
      archiveRun()
    } else {
      archiveRun()
      plainRun()
    }
    let start = clock.now
    _ = try client.fetch(server.url(path))
    fetches.append(milliseconds(clock.now - start))
  }
  let curl = (0..<runs).compactMap { _ -> Double? in
    guard
      let result = try? ProcessRunner.run(
        "/usr/bin/curl", ["-s", "-o", "/dev/null", "-w", "%{time_total}", server.url("/page/0")], in: "/"),
      result.status == 0, let seconds = Double(result.stdout)
    else { return nil }
    return seconds * 1000
  }
  // Where the difference goes: the phases `CLAIMS_TRACE` times, for a few more runs of each.
  var phases: [String: [Double]] = [:]
  for run in 0..<min(10, runs) {
    for (index, archiving) in [false, true].enumerated() {
      let path = "/traced/\(run)/\(archiving)"
      server.setRoute(path, .page(headers: EvidencePages.html, body: body))
      let claim = claimList[2 * runs + 2 * run + index].id.rawValue
      var traced = environment
      traced["CLAIMS_TRACE"] = "1"
      let arguments = ["cite", claim, server.url(path)] + (archiving ? ["--archive", "--quote", quote] : [])
      guard let result = try? ProcessRunner.run(claimsBinary, arguments, in: directory, environment: traced) else {
        continue
      }
      for line in result.stderr.split(separator: "\n") where line.hasPrefix("[trace] ") {
        let parts = line.dropFirst(8).split(separator: " ", maxSplits: 2)
        guard parts.count == 3, let value = Double(parts[0]) else { continue }
        let label = parts[2].trimmingCharacters(in: .whitespaces)
        phases["\(archiving ? "archive" : "plain"): \(label)", default: []].append(value)
      }
    }
  }
  let cpu = ["page captured, its text read", "quote looked up"].map { median(phases["archive: \($0)"] ?? []) }
  let writes = ["objects written", "branch moved"].map {
    median(phases["archive: \($0)"] ?? []) - median(phases["plain: \($0)"] ?? [])
  }
  let overhead = median(archived) - median(plain) - median(fetches)
  print(
    String(
      format:
        "claims cite %7.1f   claims cite --archive %7.1f   fetch alone %5.1f (curl(1) transfer %5.1f)   overhead %5.1f  (target: <= 20)",
      median(plain), median(archived), median(fetches), median(curl), overhead))
  print(
    String(
      format:
        "  of which (CLAIMS_TRACE, median of %d): capture + text %4.1f, quote %4.1f; writing the two files and their trees, synced: %+5.1f (objects) %+5.1f (branch move)",
      min(10, runs), cpu[0], cpu[1], writes[0], writes[1]))
}

// MARK: 2. evidence check --offline

func offline() throws {
  let citationCount = option("--citations", 10_000)
  let perClaim = 10
  let pages = max(1, citationCount / 4)
  let directory = work + "/offline"
  let claimList = try makeLedger(directory, sentences: (citationCount + perClaim - 1) / perClaim)
  let ledger = try Ledger.discover(from: directory)
  var start = clock.now
  var archives: [CitationArchive] = []
  var files: [LedgerChange.File] = []
  for page in 0..<pages {
    let url = "https://news.example/story/\(page)"
    let (archive, pageFiles) = syntheticCapture(
      url: url, body: articlePage(size: 80_000, marker: page), time: 1_800_000_000 + Int64(page))
    archives.append(archive)
    files += pageFiles
  }
  var citations: [(Claim, Citation)] = []
  for index in 0..<citationCount {
    let archive = archives[index % pages]
    citations.append(
      (
        claimList[index / perClaim],
        Citation(url: archive.finalURL, quote: quote, stance: .refutes, archive: archive)
      ))
  }
  try commitArchives(ledger, citations: citations, files: files, time: Timestamp(secondsSince1970: 1_800_100_000))
  let bytes = files.filter { $0.path.hasSuffix(".warc") }.reduce(0) { $0 + ($1.contents?.count ?? 0) }
  print(
    "== claims evidence check --offline: \(citationCount) archived citations of \(pages) pages "
      + "(\(bytes / 1_000_000) MB of WARC), built in \(Int(milliseconds(clock.now - start) / 1000)) s ==")
  let cold = claims(["evidence", "check", "--offline"], in: directory) / 1000
  var warm: [Double] = []
  for _ in 0..<3 { warm.append(claims(["evidence", "check", "--offline"], in: directory) / 1000) }
  start = clock.now
  let captures = files.filter { $0.path.hasSuffix(".warc") }.map(\.path)
  let baseline = timeProcess("/usr/bin/sha256sum", captures, in: directory)
  print(
    String(
      format:
        "claims evidence check --offline: %5.2f s first run, %5.2f s after (median of 3)   sha256sum(1) of every capture once: %5.2f s   (target: under 5 s)",
      cold, median(warm), baseline ?? -1))
}

// MARK: 3. evidence check, live

func live() throws {
  let count = option("--count", 1000)
  let hostCount = 20
  var servers: [LocalHTTPServer] = []
  for index in 1...hostCount { servers.append(try LocalHTTPServer(host: "127.0.0.\(index)")) }
  let body = articlePage(size: 20_000, marker: 7)
  var urls: [String] = []
  for index in 0..<count {
    let server = servers[index % hostCount]
    let path = "/citation/\(index)"
    server.setRoute(path, .delayed(milliseconds: 50, .page(headers: EvidencePages.html, body: body)))
    urls.append(server.url(path))
  }
  let directory = work + "/live"
  let claimList = try makeLedger(directory, sentences: (count + 9) / 10)
  let ledger = try Ledger.discover(from: directory)
  var citations: [(Claim, Citation)] = []
  var files: [LedgerChange.File] = []
  for (index, url) in urls.enumerated() {
    let (archive, pageFiles) = syntheticCapture(url: url, body: body, time: 1_800_000_000)
    citations.append((claimList[index / 10], Citation(url: url, quote: quote, archive: archive)))
    files += pageFiles
  }
  try commitArchives(ledger, citations: citations, files: files, time: Timestamp(secondsSince1970: 1_800_100_000))
  print("== claims evidence check: \(count) archived citations, \(hostCount) local hosts answering in 50 ms ==")
  let seconds = claims(["evidence", "check"], in: directory) / 1000
  let most = servers.map(\.maxConcurrentRequests).max() ?? 0
  let list = urls.map { "url = \"\($0)\"\noutput = \"/dev/null\"\n" }.joined()
  try Data(list.utf8).write(to: URL(fileURLWithPath: directory + "/../urls.curl"))
  let curl = timeProcess(
    "/usr/bin/curl", ["-s", "--parallel", "--parallel-max", "16", "-K", directory + "/../urls.curl"], in: "/")
  print(
    String(
      format:
        "claims evidence check: %5.2f s (most at once on one host: %d)   curl(1) --parallel-max 16, no per-host limit: %5.2f s   one after another: %5.1f s   (target: under 15 s)",
      seconds, most, curl ?? -1, Double(count) * 0.05))
}

do {
  switch mode {
  case "cite": try cite()
  case "offline": try offline()
  case "live": try live()
  default:
    print("usage: evidence-bench cite|offline|live CLAIMS DIR")
    exit(64)
  }
} catch {
  print("evidence-bench: \(error)")
  exit(1)
}

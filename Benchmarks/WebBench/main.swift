// Fetching and archiving speed against servers on loopback addresses (issue 14's targets):
//   web-bench archive [--runs N]        fetch alone vs fetch + WARC capture, per page size
//   web-bench concurrent [--count N]    N fetches of pages answering in 50 ms, 20 hosts, bounded overlap
// Baselines measured in the same run: curl(1) on the same addresses, and one fetch after another.

import ClaimModel
import Foundation
import HTTP
import TestSupport
import WebArchive

let arguments = Array(CommandLine.arguments.dropFirst())
let mode = arguments.first ?? "archive"
func option(_ name: String, _ fallback: Int) -> Int {
  guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return fallback }
  return Int(arguments[index + 1]) ?? fallback
}
let clock = ContinuousClock()

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

func format(_ value: Double) -> String { String(format: "%8.2f", value) }

/// Seconds curl(1) takes for `arguments` (whole process), or nil when it fails.
func timeCurl(_ arguments: [String]) -> Double? {
  let start = clock.now
  guard let result = try? ProcessRunner.run("/usr/bin/curl", arguments, in: "/"), result.status == 0 else { return nil }
  return milliseconds(clock.now - start) / 1000
}

/// The transfer time curl(1) reports for one fetch of `url` (`%{time_total}`, process start excluded).
func curlTransferMilliseconds(_ url: String) -> Double? {
  guard
    let result = try? ProcessRunner.run(
      "/usr/bin/curl", ["-s", "-o", "/dev/null", "-w", "%{time_total}", url], in: "/"),
    result.status == 0, let seconds = Double(result.stdout)
  else { return nil }
  return seconds * 1000
}

func exchanges(of response: HTTPResponse) -> [WARCCapture.Exchange] {
  (response.redirects.map(\.exchange) + [response.exchange]).map { exchange in
    WARCCapture.Exchange(
      targetURI: exchange.url, date: WARCDate(secondsSince1970: exchange.requestTime), ipAddress: exchange.ipAddress,
      requestHead: exchange.requestHead, responseHead: exchange.responseHead, responseBody: exchange.rawBody)
  }
}

/// An article-like page of about `size` bytes.
func page(size: Int) -> [UInt8] {
  let paragraph = Array("<p>The county council approved a budget of 4.2 million on Tuesday, officials said.</p>\n".utf8)
  var bytes = Array("<!doctype html><html><head><title>Budget</title></head><body>\n".utf8)
  var index = 0
  while bytes.count < size {
    bytes += paragraph
    bytes += Array("<!-- \(index) -->\n".utf8)
    index += 1
  }
  return bytes
}

func archive() throws {
  let runs = option("--runs", 30)
  let sizes = [("100 KB", 100_000), ("1 MB", 1_000_000), ("5 MB", 5_000_000)]
  let server = try LocalHTTPServer()
  for (_, size) in sizes {
    server.setRoute("/\(size)", .page(headers: [("Content-Type", "text/html; charset=utf-8")], body: page(size: size)))
  }
  print("== archiving overhead: fetch alone vs fetch + WARC capture (median of \(runs) runs, ms) ==")
  print("page     curl(1)    fetch  fetch+capture  overhead  (target: overhead <= 20 ms; curl: its own time_total)")
  let client = try HTTPClient()
  for (label, size) in sizes {
    let url = server.url("/\(size)")
    var fetches: [Double] = []
    var captures: [Double] = []
    var curls: [Double] = []
    for _ in 0..<runs {
      var start = clock.now
      let response = try client.fetch(url)
      fetches.append(milliseconds(clock.now - start))
      start = clock.now
      let capture = WARCCapture(exchanges: exchanges(of: response))
      captures.append(milliseconds(clock.now - start))
      precondition(capture.bytes.count > size)
      if let transfer = curlTransferMilliseconds(url) { curls.append(transfer) }
    }
    print(
      "\(label.padding(toLength: 7, withPad: " ", startingAt: 0)) \(format(median(curls))) \(format(median(fetches)))"
        + " \(format(median(fetches) + median(captures)))   \(format(median(captures)))")
  }
  var big = [UInt8](repeating: 0, count: 20_000_000)
  for index in big.indices { big[index] = UInt8(truncatingIfNeeded: index &* 31 &+ index >> 7) }
  var hashes: [Double] = []
  var openSSL: [Double] = []
  for _ in 0..<5 {
    var start = clock.now
    let portable = SHA256.hexDigest(of: big)
    hashes.append(milliseconds(clock.now - start))
    start = clock.now
    let fast = WARCDigest.make(big)
    openSSL.append(milliseconds(clock.now - start))
    precondition(fast == "sha256:" + portable)
  }
  let scratch = ScratchDirectory()
  try scratch.write(big, to: "20mb")
  var tool: [Double] = []
  for _ in 0..<5 {
    let start = clock.now
    _ = try ProcessRunner.run("/usr/bin/sha256sum", ["20mb"], in: scratch.path)
    tool.append(milliseconds(clock.now - start))
  }
  print(
    "SHA-256 of 20 MB (ms): ClaimModel.SHA256 \(format(median(hashes))); WebArchive (OpenSSL) \(format(median(openSSL)));"
      + " sha256sum(1) whole process \(format(median(tool)))")
}

func concurrent() throws {
  let count = option("--count", 1000)
  let hostCount = 20
  var servers: [LocalHTTPServer] = []
  for index in 1...hostCount { servers.append(try LocalHTTPServer(host: "127.0.0.\(index)")) }
  var urls: [String] = []
  for index in 0..<count {
    let server = servers[index % hostCount]
    let path = "/citation/\(index)"
    server.setRoute(
      path, .delayed(milliseconds: 50, .page(headers: [("Content-Type", "text/html")], body: page(size: 20_000))))
    urls.append(server.url(path))
  }
  print("== \(count) fetches, \(hostCount) hosts, each answer after 50 ms (target: under 15 s) ==")
  let concurrency = option("--concurrency", 16)
  var start = clock.now
  let results = ConcurrentFetch.fetchAll(urls, concurrency: concurrency, perHost: 1)
  let overlapped = milliseconds(clock.now - start) / 1000
  let failures = results.filter { if case .failure = $0 { true } else { false } }.count
  let most = servers.map(\.maxConcurrentRequests).max() ?? 0
  print(
    String(
      format: "claims ConcurrentFetch (%d threads, 1 per host):  %6.2f s  (%d failed; most at once on one host: %d)",
      concurrency, overlapped, failures, most))
  let scratch = ScratchDirectory()
  try scratch.write(urls.map { "url = \"\($0)\"\noutput = \"/dev/null\"\n" }.joined(), to: "urls.curl")
  if let seconds = timeCurl(["-s", "--parallel", "--parallel-max", "\(concurrency)", "-K", scratch.path("urls.curl")]) {
    print(String(format: "curl(1) --parallel-max %d (no per-host limit):      %6.2f s", concurrency, seconds))
  }
  let sample = min(100, count)
  let client = try HTTPClient()
  start = clock.now
  for url in urls.prefix(sample) { _ = try client.fetch(url) }
  let sequential = milliseconds(clock.now - start) / 1000
  print(
    String(
      format: "one after another (%d fetches, scaled to %d):      %6.2f s", sample, count,
      sequential * Double(count) / Double(sample)))
}

do {
  switch mode {
  case "archive": try archive()
  case "concurrent": try concurrent()
  default:
    print("usage: web-bench archive [--runs N] | concurrent [--count N] [--concurrency N]")
    exit(64)
  }
} catch {
  print("web-bench: \(error)")
  exit(1)
}

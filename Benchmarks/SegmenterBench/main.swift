// The driver that Benchmarks/segmenter.sh runs. Kept free of Foundation so that a whole-process
// timing measures the segmenter and the process start, not a framework's start-up.
//
//   segmenter-bench split [FILE]               segments of FILE (or stdin): kind, tab, normalised text
//   segmenter-bench count FILE                 the number of segments of FILE, for whole-process timing
//   segmenter-bench throughput FILE [SECONDS]  segments FILE repeatedly for SECONDS (default 1, at least 5
//                                              runs), prints MB/s from the fastest run
//   segmenter-bench offsets                    stdin holds texts separated by NUL bytes; prints, per text,
//                                              a line `#` then one line `start end kind` per segment, in
//                                              UTF-8 byte offsets into that text

import Segmentation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads all of the file descriptor `fd`. (Plain descriptors, because the C `FILE` globals are
/// shared mutable state as far as Swift 6 is concerned.)
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

func readInput(_ path: String?) -> [UInt8] {
  guard let path, path != "-" else { return readAll(0) }
  let fd = open(path, O_RDONLY)
  guard fd >= 0 else { fail("cannot open \(path)") }
  defer { close(fd) }
  return readAll(fd)
}

func writeAll(_ text: String, to fd: Int32 = 1) {
  var text = text
  text.withUTF8 { buffer in
    var offset = 0
    while offset < buffer.count {
      let written = write(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
      if written <= 0 { return }
      offset += written
    }
  }
}

func fail(_ message: String) -> Never {
  writeAll("segmenter-bench: \(message)\n", to: 2)
  exit(2)
}

func seconds(_ duration: Duration) -> Double {
  let (whole, fraction) = duration.components
  return Double(whole) + Double(fraction) * 1e-18
}

let arguments = Array(CommandLine.arguments.dropFirst())
let segmenter = Segmenter()

switch arguments.first {
case "split":
  let source = String(decoding: readInput(arguments.count > 1 ? arguments[1] : nil), as: UTF8.self)
  var output = ""
  for segment in segmenter.segments(of: source) {
    output += "\(segment.kind.rawValue)\t\(segment.normalizedText(in: source))\n"
  }
  writeAll(output)

case "count":
  guard arguments.count > 1 else { fail("count needs a file") }
  let source = String(decoding: readInput(arguments[1]), as: UTF8.self)
  print(segmenter.segments(of: source).count)

case "throughput":
  guard arguments.count > 1 else { fail("throughput needs a file") }
  let source = String(decoding: readInput(arguments[1]), as: UTF8.self)
  let budget = arguments.count > 2 ? Double(arguments[2]) ?? 1 : 1
  let clock = ContinuousClock()
  var segments = segmenter.segments(of: source).count  // Warm-up, and the count to report.
  var times: [Double] = []
  var elapsed = 0.0
  while elapsed < budget || times.count < 5 {
    let time = seconds(clock.measure { segments = segmenter.segments(of: source).count })
    times.append(time)
    elapsed += time
  }
  times.sort()
  let bytes = source.utf8.count
  let megabytes = Double(bytes) / 1_000_000
  // The fastest run is the segmenter's own cost; slower runs also measure whatever else the
  // machine was doing. The median is printed too, for a sense of the spread.
  print(
    "bytes=\(bytes) segments=\(segments) runs=\(times.count) best_seconds=\(times[0]) "
      + "median_seconds=\(times[times.count / 2]) mbps=\(megabytes / times[0]) "
      + "median_mbps=\(megabytes / times[times.count / 2])"
  )

case "offsets":
  let input = readInput(nil)
  var output = ""
  for record in input.split(separator: 0, omittingEmptySubsequences: false) {
    let source = String(decoding: record, as: UTF8.self)
    output += "#\n"
    for segment in segmenter.segments(of: source) {
      output += "\(segment.utf8Range.lowerBound) \(segment.utf8Range.upperBound) \(segment.kind.rawValue)\n"
    }
  }
  writeAll(output)

default:
  fail("usage: segmenter-bench split [FILE] | count FILE | throughput FILE [SECONDS] | offsets")
}

// The driver that Benchmarks/extraction.sh runs. Kept free of Foundation so that a
// whole-process timing measures the extraction and the process start, not a framework's start-up.
//
//   extraction-bench extract --json FILE  the article of FILE as `claims extract --json` prints it
//   extraction-bench batch LIST OUTPUT    LIST has one page a line, `key<TAB>file<TAB>address`; extracts
//                                         every page in this one process and writes OUTPUT, a JSON
//                                         object mapping each key to the `claims extract --json` object
//                                         (or to {"error": ...}); prints the extraction time, pages
//                                         already read into memory, as `pages=N seconds=S`
//   extraction-bench explain FILE         every text block of FILE with its weights and fate (tuning)

import ArticleExtraction

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

func readFile(_ path: String) -> [UInt8] {
  let fd = open(path, O_RDONLY)
  guard fd >= 0 else { fail("cannot open \(path)") }
  defer { close(fd) }
  var bytes: [UInt8] = []
  var chunk = [UInt8](repeating: 0, count: 1 << 16)
  while true {
    let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
    if count <= 0 { break }
    bytes.append(contentsOf: chunk[0..<count])
  }
  return bytes
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

func writeFile(_ path: String, _ text: String) {
  let fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0o644)
  guard fd >= 0 else { fail("cannot write \(path)") }
  writeAll(text, to: fd)
  close(fd)
}

func fail(_ message: String) -> Never {
  writeAll("extraction-bench: \(message)\n", to: 2)
  exit(2)
}

func quoted(_ text: String) -> String {
  var output = "\""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\"": output += "\\\""
    case "\\": output += "\\\\"
    case "\n": output += "\\n"
    case "\r": output += "\\r"
    case "\t": output += "\\t"
    default:
      if scalar.value < 0x20 {
        let hex = String(scalar.value, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      } else {
        output.unicodeScalars.append(scalar)
      }
    }
  }
  return output + "\""
}

func optional(_ text: String?) -> String { text.map(quoted) ?? "null" }

/// The object `claims extract --json` prints, keys in code-point order.
func json(_ article: Article) -> String {
  let authors = "[" + article.authors.map(quoted).joined(separator: ", ") + "]"
  let captions = "[" + article.captions.map(quoted).joined(separator: ", ") + "]"
  return """
    {"authors": \(authors), "canonical_url": \(optional(article.canonicalURL)), "captions": \(captions), \
    "language": \(optional(article.language)), "modified": \(optional(article.modified)), \
    "published": \(optional(article.published)), "publisher": \(optional(article.publisher)), \
    "text": \(quoted(article.text)), "title": \(optional(article.title)), "url": \(optional(article.url))}
    """
}

func seconds(_ duration: Duration) -> Double {
  let (whole, fraction) = duration.components
  return Double(whole) + Double(fraction) * 1e-18
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "extract":
  guard arguments.count == 3, arguments[1] == "--json" else { fail("usage: extract --json FILE") }
  do {
    let extraction = try ArticleExtractor.extract(readFile(arguments[2]), address: arguments[2])
    writeAll(json(extraction.article) + "\n")
  } catch {
    writeAll("Error: \(error.message)\n", to: 2)
    exit(1)
  }

case "explain":
  guard arguments.count == 2 else { fail("usage: explain FILE") }
  writeAll(ArticleExtractor.explain(html: String(decoding: readFile(arguments[1]), as: UTF8.self)))

case "batch":
  guard arguments.count == 3 else { fail("usage: batch LIST OUTPUT") }
  let list = String(decoding: readFile(arguments[1]), as: UTF8.self)
  let pages = list.split(separator: "\n").map { line in
    let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    guard fields.count >= 2 else { fail("bad line in \(arguments[1]): \(line)") }
    return (key: fields[0], bytes: readFile(fields[1]), address: fields.count > 2 ? fields[2] : fields[1])
  }
  var entries: [String] = []
  let clock = ContinuousClock()
  let elapsed = clock.measure {
    for page in pages {
      let object: String
      do {
        object = json(try ArticleExtractor.extract(page.bytes, address: page.address).article)
      } catch {
        object = "{\"error\": \(quoted("\(error)"))}"
      }
      entries.append("\(quoted(page.key)): \(object)")
    }
  }
  writeFile(arguments[2], "{\n" + entries.joined(separator: ",\n") + "\n}\n")
  print("pages=\(pages.count) seconds=\(seconds(elapsed))")

default:
  fail("usage: extraction-bench extract --json FILE | batch LIST OUTPUT | explain FILE")
}

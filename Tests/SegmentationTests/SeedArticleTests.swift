import Segmentation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The project's seed article, read from `shared/seeds/` beside the repository (never copied
/// into it). `CLAIMS_SEEDS_DIR` overrides the folder.
func seedArticle(_ name: String) -> String? {
  var candidates: [String] = []
  if let directory = getenv("CLAIMS_SEEDS_DIR") {
    candidates.append(String(cString: directory) + "/" + name)
  }
  // #filePath is …/<repository>/Tests/SegmentationTests/SeedArticleTests.swift.
  var components = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
  components.removeLast(4)
  let repositoryParent = components.joined(separator: "/")
  candidates.append(repositoryParent + "/shared/seeds/" + name)
  candidates.append("/work/shared/seeds/" + name)
  for path in candidates {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { continue }
    defer { close(fd) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 14)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if count <= 0 { break }
      bytes.append(contentsOf: chunk[0..<count])
    }
    return String(decoding: bytes, as: UTF8.self)
  }
  return nil
}

@Suite("Seed article")
struct SeedArticleTests {
  static let name = "002_e79ad1ab3cf49ab3.txt"

  @Test func splitsIntoItsFortyTwoSegments() throws {
    let article = try #require(seedArticle(Self.name), "seed article \(Self.name) not found beside the repository")
    let segments = Segmenter().segments(of: article)
    let texts = segments.map { $0.normalizedText(in: article) }
    #expect(segments.count == 42)
    #expect(segments.filter { $0.kind == .sentence }.count == 38)
    #expect(segments.filter { $0.kind == .headline }.count == 1)
    #expect(segments.filter { $0.kind == .caption }.count == 1)
    #expect(segments.filter { $0.kind == .boilerplate }.count == 2)

    #expect(segments.first?.kind == .boilerplate && texts.first == "English")
    #expect(segments.last?.kind == .boilerplate && texts.last == "Loading")
    #expect(segments[1].kind == .headline && texts[1].hasPrefix("Peru’s coup regime"))
    #expect(segments[3].kind == .caption && texts[3].hasSuffix("[Photo: Andina]"))
    // One sentence ends inside a closing curly quote, and the next starts after it.
    #expect(texts.contains { $0.hasSuffix("described as “fujishock.”") })
    #expect(texts.contains { $0.hasPrefix("In April 1992, he carried out") })
    // One sentence holds a no-break space, kept verbatim in the exact text.
    #expect(segments.contains { $0.text(in: article).contains("that\u{00A0}prescribed") })
    checkInvariants(article)
  }

  /// Sentences per paragraph, counted by reading the article: the body's 38.
  @Test func sentencesPerParagraph() throws {
    let article = try #require(seedArticle(Self.name), "seed article \(Self.name) not found beside the repository")
    let expected = [1, 2, 1, 1, 2, 3, 1, 1, 1, 2, 2, 2, 1, 3, 2, 1, 2, 2, 2, 1, 1, 2, 2]
    #expect(expected.reduce(0, +) == 38)
    let segments = Segmenter().segments(of: article).filter { $0.kind == .sentence }
    // Paragraphs are separated by blank lines; count the sentences that start in each.
    let paragraphs = article.split(separator: "\n\n").map(String.init)
    var counts: [Int] = []
    var searchFrom = article.utf8.startIndex
    for paragraph in paragraphs {
      guard let range = article.utf8[searchFrom...].firstRange(of: paragraph.utf8) else { continue }
      let lower = article.utf8.distance(from: article.utf8.startIndex, to: range.lowerBound)
      let upper = article.utf8.distance(from: article.utf8.startIndex, to: range.upperBound)
      let count = segments.filter { $0.utf8Range.lowerBound >= lower && $0.utf8Range.upperBound <= upper }.count
      if count > 0 { counts.append(count) }
      searchFrom = range.upperBound
    }
    #expect(counts == expected)
  }

  /// The same article hard-wrapped (as e-mail and plain-text archives do), with blank lines or
  /// single line breaks between paragraphs, with LF or CRLF: the same segments every time.
  @Test(arguments: [60, 72, 80])
  func hardWrappedArticleGivesTheSameSegments(width: Int) throws {
    let article = try #require(seedArticle(Self.name), "seed article \(Self.name) not found beside the repository")
    let expected = classify(article)
    let paragraphs = article.split(separator: "\n\n").map { wrap(String($0), width: width) }
    for separator in ["\n\n", "\n"] {
      for lineEnd in ["\n", "\r\n"] {
        let wrapped = paragraphs.joined(separator: separator).split(separator: "\n", omittingEmptySubsequences: false)
          .joined(separator: lineEnd)
        #expect(classify(wrapped) == expected, "width \(width), separator \(separator.debugDescription)")
        checkInvariants(wrapped)
      }
    }
  }
}

/// Greedy word wrap at `width` scalars, the way plain-text tools wrap.
func wrap(_ paragraph: String, width: Int) -> String {
  var lines: [String] = []
  var line = ""
  for word in paragraph.split(separator: " ") {
    if line.isEmpty {
      line = String(word)
    } else if line.unicodeScalars.count + 1 + word.unicodeScalars.count <= width {
      line += " " + word
    } else {
      lines.append(line)
      line = String(word)
    }
  }
  if !line.isEmpty { lines.append(line) }
  return lines.joined(separator: "\n")
}

import Testing

@testable import ArticleExtraction

/// Whatever the bytes, extraction returns an article or an error; it never crashes or hangs.
@Suite("Hostile input")
struct HostileInputTests {
  private func survives(_ bytes: [UInt8], contentType: String? = nil) {
    do {
      let result = try ArticleExtractor.extract(bytes, contentType: contentType)
      #expect(result.invalidByteCount >= 0)
    } catch {
      #expect(!error.message.isEmpty)
    }
  }

  @Test func randomBytes() {
    var random = SeededGenerator(seed: 0xA271C1E)
    for _ in 0..<300 {
      let count = Int.random(in: 0..<3_000, using: &random)
      survives((0..<count).map { _ in UInt8.random(in: 0...255, using: &random) })
    }
  }

  @Test func randomBytesAfterAnHTMLStart() {
    var random = SeededGenerator(seed: 0xA271C1F)
    for _ in 0..<200 {
      let count = Int.random(in: 0..<3_000, using: &random)
      let bytes = Array("<html><body><p>".utf8) + (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
      survives(bytes, contentType: "text/html; charset=utf-8")
    }
  }

  @Test func shuffledMarkup() {
    let pieces = [
      "<div class='article-body'>", "</div>", "<p>", "</p>", "<article>", "<aside class='related'>", "</aside>",
      "<a href=x>", "</a>", "<br>", "<h2>", "</h2>", "<figure><figcaption>", "<li>", "<ul>", "<table><tr><td>",
      "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"author\":[", "]}</script>", "&amp;", "&#x0;",
      "The council voted to extend the night bus service to the suburbs. ", "…", "...", "\u{0}", "\u{FFFD}",
      "<meta charset=", "windows-1252>", "<time datetime='", "2025-13-45'>", "<pre>", "</pre>", "<!--", "-->",
    ]
    var random = SeededGenerator(seed: 0xA271C20)
    for _ in 0..<400 {
      let count = Int.random(in: 0..<150, using: &random)
      let html = (0..<count).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)] }.joined()
      survives(Array(html.utf8))
    }
  }

  @Test func deepNesting() {
    let depth = 50_000
    let html = String(repeating: "<div><span>", count: depth) + TestPages.paragraphs[0]
    survives(Array(html.utf8))
  }

  @Test func deepJSONLD() {
    let json = String(repeating: "{\"a\":[", count: 20_000) + String(repeating: "]}", count: 20_000)
    survives(Array("<script type=\"application/ld+json\">\(json)</script><p>\(TestPages.paragraphs[0])</p>".utf8))
  }

  @Test func hugeAttributesAndManyElements() {
    let attribute = String(repeating: "share ", count: 200_000)
    let paragraphs = String(repeating: "<p class=\"\(attribute.prefix(2_000))\">x</p>", count: 5_000)
    survives(Array("<div class=\"\(attribute)\">\(paragraphs)\(TestPages.paragraphs[0])</div>".utf8))
  }

  @Test func oversizedInputIsRefused() {
    do {
      _ = try ArticleExtractor.extract([UInt8](repeating: 0x20, count: ArticleExtractor.maximumBytes + 1))
      Issue.record("expected an error")
    } catch {
      #expect(error.kind == .tooLarge)
    }
  }
}

/// SplitMix64: a small, fast, seeded generator, so that every run tests the same inputs.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

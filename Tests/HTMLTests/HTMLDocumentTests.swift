import HTML
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite("HTMLDocument")
struct HTMLDocumentTests {
  @Test func namesAreLowercasedAndCommentsDropped() throws {
    let document = try HTMLDocument(
      parsing:
        "<HTML LANG=en><Head><TITLE>T</TITLE></Head><BODY><!-- note --><P CLASS=Lead>One &amp; two</P></BODY></HTML>"
    )
    #expect(document.root.attribute("lang") == "en")
    let paragraph = try #require(document.body?.firstElement(named: "p"))
    #expect(paragraph.attributes == [HTMLAttribute(name: "class", value: "Lead")])
    #expect(paragraph.children == [.text("One & two")])
    #expect(document.head?.firstElement(named: "title")?.textContent == "T")
    #expect(document.body?.textContent == "One & two")
  }

  @Test func missingHeadAndBodyAreSupplied() throws {
    let document = try HTMLDocument(parsing: "<p>Just a paragraph")
    #expect(document.root.name == "html")
    #expect(document.body?.firstElement(named: "p")?.textContent == "Just a paragraph")
  }

  @Test func theDeclaredCharacterSetIsIgnored() throws {
    // The caller decodes; libxml2 must not re-read UTF-8 text as Latin-1 because the page says so.
    let document = try HTMLDocument(
      parsing: "<html><head><meta charset=iso-8859-1></head><body><p>Café “quoted”</p></body></html>")
    #expect(document.body?.textContent == "Café “quoted”")
  }

  @Test func scriptTextIsKeptVerbatim() throws {
    let document = try HTMLDocument(
      parsing: #"<script type="application/ld+json">{"a": "<b>&amp;</b>"}</script><p>x</p>"#)
    #expect(document.root.firstElement(named: "script")?.textContent == #"{"a": "<b>&amp;</b>"}"#)
  }

  @Test func invalidUTF8BytesBecomeReplacementCharacters() throws {
    let bytes = Array("<p>a".utf8) + [0xFF, 0xC3] + Array("b</p>".utf8)
    let document = try HTMLDocument(parsing: bytes)
    #expect(document.body?.textContent == "a\u{FFFD}\u{FFFD}b")
  }

  @Test func emptyInputGivesAnEmptyDocument() throws {
    let document = try HTMLDocument(parsing: "")
    #expect(document.root == HTMLElement(name: "html"))
    #expect(document.body == nil)
  }

  @Test func inputOverTheSizeLimitIsRefused() {
    let limits = HTMLParseLimits(maximumBytes: 100)
    #expect(throws: HTMLParseError.self) {
      try HTMLDocument(parsing: String(repeating: "<p>x</p>", count: 20), limits: limits)
    }
    do {
      _ = try HTMLDocument(parsing: Array(repeating: UInt8(ascii: "a"), count: 101), limits: limits)
      Issue.record("expected an error")
    } catch {
      #expect(error.kind == .tooLarge)
    }
  }

  @Test func nestingDeeperThanTheLimitIsFlattened() throws {
    let html = String(repeating: "<div>", count: 200) + "deep text" + String(repeating: "</div>", count: 200)
    let document = try HTMLDocument(parsing: html, limits: HTMLParseLimits(maximumDepth: 50))
    #expect(maximumDepth(of: document.root) == 50)
    #expect(document.root.textContent == "deep text")
  }

  @Test func hostileNestingDoesNotCrash() throws {
    // libxml2 gives up on nesting past 255 levels; what matters is a bounded tree and no crash.
    let depth = 100_000
    let html = String(repeating: "<div>", count: depth) + "deep text" + String(repeating: "</div>", count: depth)
    let document = try HTMLDocument(parsing: html)
    #expect(maximumDepth(of: document.root) <= HTMLParseLimits().maximumDepth)
  }

  @Test func unclosedDeepNestingOfInlineElementsDoesNotCrash() throws {
    let html = String(repeating: "<b><i><span><a href=x>", count: 50_000) + "end"
    let document = try HTMLDocument(parsing: html)
    #expect(maximumDepth(of: document.root) <= HTMLParseLimits().maximumDepth)
  }

  @Test func hugeAttributesAreCutToTheLimit() throws {
    let value = String(repeating: "x", count: 5_000_000)
    let document = try HTMLDocument(parsing: "<p title=\"\(value)\" class=k>text</p>")
    let paragraph = try #require(document.body?.firstElement(named: "p"))
    #expect(paragraph.attribute("title")?.utf8.count == HTMLParseLimits().maximumAttributeBytes)
    #expect(paragraph.attribute("class") == "k")
    #expect(paragraph.textContent == "text")
  }

  @Test func nodesOverTheLimitAreDroppedAndReported() throws {
    let html = String(repeating: "<p>x</p>", count: 1_000)
    let document = try HTMLDocument(parsing: html, limits: HTMLParseLimits(maximumNodes: 100))
    #expect(document.isTruncated)
    #expect(document.root.textContent.count < 100)
  }

  @Test func externalEntitiesAndDTDsAreNotLoaded() throws {
    let directory = try #require(mkdtemp(strdup("/tmp/html-tests-XXXXXX")).map { String(cString: $0) })
    defer { _ = rmdir(directory) }
    let dtd = directory + "/evil.dtd"
    let descriptor = open(dtd, O_CREAT | O_WRONLY | O_TRUNC, 0o600)
    try #require(descriptor >= 0)
    let body = Array("<!ENTITY secret \"LEAKED\">".utf8)
    #expect(write(descriptor, body, body.count) == body.count)
    close(descriptor)
    defer { _ = unlink(dtd) }
    let html = """
      <!DOCTYPE html SYSTEM "file://\(dtd)" [<!ENTITY inner SYSTEM "file://\(dtd)">]>
      <html><body><p>a &secret; b &inner; c</p></body></html>
      """
    let document = try HTMLDocument(parsing: html)
    #expect(!document.root.textContent.contains("LEAKED"))
  }

  @Test func randomBytesNeverCrash() throws {
    var random = SeededGenerator(seed: 0x5EED_0001)
    for _ in 0..<300 {
      let count = Int.random(in: 0..<4_000, using: &random)
      let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
      let document = try HTMLDocument(parsing: bytes)
      #expect(document.root.name == "html")
    }
  }

  @Test func shuffledMarkupNeverCrashes() throws {
    let pieces = [
      "<div>", "</div>", "<p>", "</p>", "<table>", "<tr>", "<td>", "</table>", "<script>", "</script>",
      "<!--", "-->", "<![CDATA[", "]]>", "<a href='", "'>", "&amp;", "&#0;", "&#xFFFFFF;", "&", "<", ">",
      "\"", "'", "<svg><foreignObject>", "<math>", "<title>", "<textarea>", "<plaintext>", "\u{0}", "é",
      "<?xml version='1.0'?>", "<!DOCTYPE x [<!ENTITY a 'b'>]>", "<select><option>", "<frameset>",
    ]
    var random = SeededGenerator(seed: 0x5EED_0002)
    for _ in 0..<500 {
      let count = Int.random(in: 0..<200, using: &random)
      let html = (0..<count).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)] }.joined()
      let document = try HTMLDocument(parsing: html)
      #expect(document.root.name == "html")
    }
  }

  private func maximumDepth(of element: HTMLElement) -> Int {
    var deepest = 0
    var stack = [(element, 1)]
    while let (current, depth) = stack.popLast() {
      deepest = max(deepest, depth)
      for case .element(let child) in current.children {
        stack.append((child, depth + 1))
      }
    }
    return deepest
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

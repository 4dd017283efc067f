import Testing

@testable import ArticleExtraction

@Suite("Input kinds and errors")
struct InputKindTests {
  private func kind(of bytes: [UInt8], contentType: String? = nil) -> ExtractionError.Kind? {
    do {
      _ = try ArticleExtractor.extract(bytes, contentType: contentType)
      return nil
    } catch {
      return error.kind
    }
  }

  @Test func pdfHasItsOwnKind() {
    let pdf = Array("%PDF-1.7\n%\u{E2}\u{E3}\n1 0 obj << /Type /Catalog >> endobj\n".utf8)
    #expect(kind(of: pdf) == .pdf)
    // Even when a server calls it HTML.
    #expect(kind(of: pdf, contentType: "text/html") == .pdf)
  }

  @Test func binaryFormatsAreNotHTML() {
    let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
    #expect(kind(of: png) == .notHTML)
    #expect(kind(of: [0x1F, 0x8B, 0x08, 0x00, 0x00]) == .notHTML)
    #expect(kind(of: [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]) == .notHTML)
    #expect(kind(of: [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01]) == .notHTML)
    #expect(kind(of: Array("some text".utf8) + [0, 0, 0, 1, 2, 3]) == .notHTML)
  }

  @Test func pageWithoutArticleSaysSo() {
    let html = """
      <html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
      <div class="menu"><ul><li><a href="/a">A story</a></li><li><a href="/b">B story</a></li></ul></div>
      <footer>Copyright 2025</footer></body></html>
      """
    #expect(kind(of: Array(html.utf8)) == .noArticle)
    #expect(kind(of: Array("<html><body></body></html>".utf8)) == .noArticle)
  }

  @Test func errorsCarryAMessage() {
    do {
      _ = try ArticleExtractor.extract(Array("%PDF-1.4".utf8))
      Issue.record("expected an error")
    } catch {
      #expect(error.message == "this is a PDF document; PDFs are not supported yet")
    }
  }

  @Test func textFilesAreReturnedAsTheyAre() throws {
    let text = "A title\n\nFirst paragraph.   Spaces kept.\n<not a tag> & no entities &amp;\n"
    let byName = try ArticleExtractor.extract(Array(text.utf8), address: "notes/article.txt")
    #expect(byName.format == .plainText)
    #expect(byName.article.text == text)
    #expect(byName.article.title == nil)
    let byType = try ArticleExtractor.extract(Array(text.utf8), contentType: "text/plain; charset=utf-8")
    #expect(byType.article.text == text)
  }

  @Test func textWithoutMarkupIsText() throws {
    let text = "Just a paragraph of text someone pasted, with no markup at all.\n"
    let result = try ArticleExtractor.extract(Array(text.utf8))
    #expect(result.format == .plainText)
    #expect(result.article.text == text)
  }

  @Test func textFileInWindows1252() throws {
    let result = try ArticleExtractor.extract([0x93, 0x48, 0x69, 0x94, 0x0A], address: "quote.txt")
    #expect(result.article.text == "“Hi”\n")
    #expect(result.encoding == "windows-1252")
  }

  @Test func htmlFileWithATextLikeStartIsHTML() throws {
    let html = "<p>" + TestPages.paragraphs.joined(separator: "</p><p>") + "</p>"
    let result = try ArticleExtractor.extract(Array(html.utf8), address: "page.html")
    #expect(result.format == .html)
    #expect(result.article.text == TestPages.paragraphs.joined(separator: "\n\n"))
  }

  @Test func webAddressesBecomeTheURLButFilePathsDoNot() throws {
    let html = Array(TestPages.newsPage().utf8)
    #expect(
      try ArticleExtractor.extract(html, address: "https://courier.example/a").article.url
        == "https://courier.example/a")
    #expect(try ArticleExtractor.extract(html, address: "/tmp/page.html").article.url == nil)
  }
}

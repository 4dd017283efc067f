import Testing

@testable import ArticleExtraction

@Suite("Character sets")
struct CharsetTests {
  /// A page whose body is `body` bytes, with `head` (ASCII) in front.
  private func page(head: String, body: [UInt8]) -> [UInt8] {
    Array("<html><head>\(head)</head><body><article><p>".utf8) + body
      + Array(
        " The council voted on Tuesday to extend the night bus service to the suburbs.</p></article></body></html>".utf8
      )
  }

  /// “Café” — in windows-1252: curly quotes 0x93/0x94, é 0xE9.
  private let windows1252Quote: [UInt8] = [0x93, 0x43, 0x61, 0x66, 0xE9, 0x94]

  @Test func windows1252DeclaredInMetaCharset() throws {
    let result = try ArticleExtractor.extract(page(head: "<meta charset=\"windows-1252\">", body: windows1252Quote))
    #expect(result.encoding == "windows-1252")
    #expect(result.invalidByteCount == 0)
    #expect(result.article.text.hasPrefix("“Café” The council"))
  }

  @Test func iso88591LabelReadsAsBrowsersReadIt() throws {
    // Pages labelled ISO-8859-1 put curly quotes in 0x93/0x94, as windows-1252 has them.
    let result = try ArticleExtractor.extract(
      page(head: "", body: windows1252Quote), contentType: "text/html; charset=ISO-8859-1")
    #expect(result.encoding == "windows-1252")
    #expect(result.article.text.hasPrefix("“Café”"))
  }

  @Test func httpEquivDeclaration() throws {
    let result = try ArticleExtractor.extract(
      page(
        head: "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">", body: [0xE9, 0x74, 0xE9]))
    #expect(result.article.text.hasPrefix("été "))
  }

  @Test func headerCharsetOverridesMeta() throws {
    let result = try ArticleExtractor.extract(
      page(head: "<meta charset=\"utf-8\">", body: windows1252Quote), contentType: "text/html; charset=\"windows-1252\""
    )
    #expect(result.article.text.hasPrefix("“Café”"))
    #expect(result.invalidByteCount == 0)
  }

  @Test func byteOrderMarkOverridesHeaderAndMeta() throws {
    let bytes = [0xEF, 0xBB, 0xBF] + page(head: "<meta charset=\"iso-8859-1\">", body: Array("“Café”".utf8))
    let result = try ArticleExtractor.extract(bytes, contentType: "text/html; charset=iso-8859-1")
    #expect(result.encoding == "UTF-8")
    #expect(result.article.text.hasPrefix("“Café”"))
  }

  @Test func utf16WithByteOrderMark() throws {
    let text = String(decoding: page(head: "", body: Array("“Café”".utf8)), as: UTF8.self)
    var bytes: [UInt8] = [0xFF, 0xFE]
    for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    let result = try ArticleExtractor.extract(bytes)
    #expect(result.encoding == "UTF-16LE")
    #expect(result.article.text.hasPrefix("“Café”"))
  }

  @Test func undeclaredUTF8IsUTF8AndUndeclaredLatinIsWindows1252() throws {
    let utf8 = try ArticleExtractor.extract(page(head: "", body: Array("“Café”".utf8)))
    #expect(utf8.encoding == "UTF-8")
    #expect(utf8.article.text.hasPrefix("“Café”"))
    let latin = try ArticleExtractor.extract(page(head: "", body: windows1252Quote))
    #expect(latin.encoding == "windows-1252")
    #expect(latin.article.text.hasPrefix("“Café”"))
  }

  @Test func invalidBytesAreReplacedAndCounted() throws {
    let result = try ArticleExtractor.extract(
      page(head: "<meta charset=utf-8>", body: Array("Caf".utf8) + [0xE9, 0xFF] + Array(" ok".utf8)))
    #expect(result.invalidByteCount == 2)
    #expect(result.article.text.hasPrefix("Caf\u{FFFD}\u{FFFD} ok"))
  }

  @Test func otherCharacterSetsGoThroughIconv() throws {
    // "日本" in Shift_JIS.
    let result = try ArticleExtractor.extract(page(head: "<meta charset=Shift_JIS>", body: [0x93, 0xFA, 0x96, 0x7B]))
    #expect(result.encoding == "CP932")
    #expect(result.article.text.hasPrefix("日本 "))
  }

  @Test func unknownLabelsFallBackToDetection() {
    #expect(TextEncoding(label: "no-such-charset") == nil)
    #expect(TextEncoding(label: "x-user-defined") == nil)
    #expect(TextEncoding(label: " UTF8 ") == .utf8)
    #expect(TextEncoding(label: "latin1") == .windows1252)
  }

  @Test func metaPrescanSkipsComments() {
    let head = Array("<!-- <meta charset=koi8-r> --><meta charset='iso-8859-15'>".utf8)
    #expect(CharsetDetector.metaDeclaredEncoding(head[...]) == .other("ISO-8859-15"))
  }
}

import HTTPMessage
import Testing

@Suite struct MessageHeadTests {
  @Test func parsesStatusLineFieldsAndBodyOffset() throws {
    let bytes = Array("HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nX-A: 1\r\nx-a: 2\r\n\r\nbody".utf8)
    let (head, offset) = try MessageHead.parse(bytes)
    #expect(head.startLine == "HTTP/1.1 404 Not Found")
    #expect(head.status == 404)
    #expect(head.reasonPhrase == "Not Found")
    #expect(head.value(for: "content-type") == "text/html")
    #expect(head.value(for: "X-A") == "1, 2")
    #expect(Array(bytes[offset...]) == Array("body".utf8))
  }

  @Test func acceptsBareLineFeedsFoldingAndLatin1Bytes() throws {
    let bytes: [UInt8] = Array("HTTP/1.0 200\nX-Long: one\n  two\nX-Name: ".utf8) + [0xe9] + Array("\n\n".utf8)
    let head = try MessageHead.parse(bytes).head
    #expect(head.status == 200)
    #expect(head.reasonPhrase == "")
    #expect(head.value(for: "X-Long") == "one two")
    #expect(head.value(for: "X-Name") == "\u{e9}")
  }

  @Test func refusesHeadsWithoutEndOrColon() {
    #expect(throws: CodingError.self) { try MessageHead.parse(Array("HTTP/1.1 200 OK\r\nA: b\r\n".utf8)) }
    #expect(throws: CodingError.self) { try MessageHead.parse(Array("HTTP/1.1 200 OK\r\nnonsense\r\n\r\n".utf8)) }
  }

  @Test func mediaTypeGivesEssenceAndCharset() throws {
    let type = try #require(MediaType("Text/HTML; Charset=\"Windows-1252\"; q=1"))
    #expect(type.essence == "text/html")
    #expect(type.charset == "windows-1252")
    #expect(type.isHTML)
    #expect(MediaType("application/pdf")?.charset == nil)
    #expect(MediaType("nonsense") == nil)
    #expect(MediaType("text/plain;charset=")?.charset == nil)
  }

  @Test func chunkedCodingDropsSizesExtensionsAndTrailers() throws {
    let body = Array("5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\nTrailer: x\r\n\r\n".utf8)
    #expect(try ChunkedCoding.decode(body) == Array("hello, world".utf8))
    #expect(throws: CodingError.self) { try ChunkedCoding.decode(Array("5\r\nhel".utf8)) }
    #expect(throws: CodingError.self) { try ChunkedCoding.decode(Array("zz\r\nhello\r\n".utf8)) }
    #expect(throws: CodingError.self) { try ChunkedCoding.decode(body, limit: 8) }
  }
}

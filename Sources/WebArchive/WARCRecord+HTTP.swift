public import HTTPMessage

extension WARCRecord {
  /// The HTTP message in the block of a `request` or `response` record, parsed.
  public struct HTTPMessageParts: Sendable {
    /// The request or status line and header fields.
    public let head: MessageHead
    /// Where the body starts in the block.
    public let bodyOffset: Int
  }

  /// The block's HTTP head and where its body starts.
  ///
  /// - Throws: `.malformed` when the block is not an HTTP message.
  public func httpMessage() throws(WARCError) -> HTTPMessageParts {
    guard holdsHTTP else { throw WARCError(.malformed, "record \(recordID) does not hold an HTTP message") }
    do {
      let (head, offset) = try MessageHead.parse(block)
      return HTTPMessageParts(head: head, bodyOffset: offset)
    } catch {
      throw WARCError(.malformed, "record \(recordID): \(error.message)")
    }
  }

  /// The HTTP body exactly as archived (transfer and content codings intact): the WARC payload.
  public func payload() throws(WARCError) -> ArraySlice<UInt8> {
    block[try httpMessage().bodyOffset...]
  }

  /// The HTTP body with chunked framing and gzip, deflate or br undone, for reading the page.
  ///
  /// - Throws: `.malformed` when the body cannot be decoded; `.tooLarge` past `limit`.
  public func decodedPayload(limit: Int = 100_000_000) throws(WARCError) -> [UInt8] {
    let message = try httpMessage()
    let raw = block[message.bodyOffset...]
    do {
      let transferCodings = message.head.value(for: "Transfer-Encoding").map(ContentDecoding.codings(in:)) ?? []
      let body = transferCodings.last == "chunked" ? try ChunkedCoding.decode(raw, limit: limit) : Array(raw)
      return try ContentDecoding.decode(
        body, contentEncoding: message.head.value(for: "Content-Encoding"), limit: limit)
    } catch {
      throw WARCError(error.kind == .tooLarge ? .tooLarge : .malformed, "record \(recordID): \(error.message)")
    }
  }
}

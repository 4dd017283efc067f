import HTTPMessage

/// Reads WARC records from bytes, plain or gzipped (one member per record or several), checking
/// each record's `Content-Length`, block digest and, for HTTP records, payload digest.
///
/// Reading only parses and hashes; archived pages are never run or rendered.
public enum WARCReader {
  /// Every record of `bytes`, in order.
  ///
  /// - Parameters:
  ///   - requireDigests: refuse `request`, `response` and `resource` records without a block digest.
  ///   - limit: the most bytes accepted once decompressed.
  /// - Throws: `.malformed`, `.truncated`, `.digestMismatch`, `.missingDigest`, `.unsupportedDigest`,
  ///   `.tooLarge`.
  public static func records(in bytes: [UInt8], requireDigests: Bool = true, limit: Int = 1 << 31) throws(WARCError)
    -> [WARCRecord]
  {
    var plain = bytes
    if Gzip.hasMagic(bytes) {
      do {
        plain = try Gzip.decompress(bytes, limit: limit)
      } catch {
        throw WARCError(error.kind == .tooLarge ? .tooLarge : .malformed, "not a readable .warc.gz: \(error.message)")
      }
    }
    guard plain.count <= limit else { throw WARCError(.tooLarge, "archive larger than \(ByteCount.text(limit))") }
    var records: [WARCRecord] = []
    var offset = 0
    while offset < plain.count {
      let (record, next) = try readRecord(plain, at: offset)
      try verify(record, requireDigests: requireDigests)
      records.append(record)
      offset = next
    }
    return records
  }

  /// Checks a record's digests against its bytes.
  public static func verify(_ record: WARCRecord, requireDigests: Bool = true) throws(WARCError) {
    let id = record.recordID
    if let digest = record.blockDigest {
      let expected = try WARCDigest.bytes(of: digest)
      guard record.block.withUnsafeBytes(WARCDigest.sha256) == expected else {
        throw WARCError(.digestMismatch, "record \(id): block digest does not match its bytes")
      }
    } else if requireDigests && ["request", "response", "resource"].contains(record.type) {
      throw WARCError(.missingDigest, "record \(id) has no WARC-Block-Digest")
    }
    if let digest = record.payloadDigest, record.holdsHTTP {
      let payload = try record.payload()
      let expected = try WARCDigest.bytes(of: digest)
      guard payload.withUnsafeBytes(WARCDigest.sha256) == expected else {
        throw WARCError(.digestMismatch, "record \(id): payload digest does not match its bytes")
      }
    }
  }

  /// The record starting at `offset` and the offset after it.
  static func readRecord(_ bytes: [UInt8], at offset: Int) throws(WARCError) -> (WARCRecord, Int) {
    let head: MessageHead
    let headLength: Int
    do {
      (head, headLength) = try MessageHead.parse(bytes[offset...])
    } catch {
      throw WARCError(
        error.kind == .truncated ? .truncated : .malformed, "no WARC record at byte \(offset): \(error.message)")
    }
    guard head.startLine == "WARC/1.1" || head.startLine == "WARC/1.0" else {
      throw WARCError(.malformed, "no WARC version line at byte \(offset) (found '\(head.startLine.prefix(40))')")
    }
    guard let lengthText = head.value(for: "Content-Length"), let length = Int(lengthText), length >= 0 else {
      throw WARCError(.malformed, "WARC record at byte \(offset) has no valid Content-Length")
    }
    let blockStart = offset + headLength
    guard length <= bytes.count - blockStart else {
      throw WARCError(.truncated, "WARC record at byte \(offset) ends early")
    }
    let blockEnd = blockStart + length
    guard bytes.count - blockEnd >= 4, bytes[blockEnd..<blockEnd + 4].elementsEqual([13, 10, 13, 10]) else {
      throw WARCError(.malformed, "WARC record at byte \(offset) does not end with two line ends")
    }
    let record = WARCRecord(version: head.startLine, fields: head.fields, block: Array(bytes[blockStart..<blockEnd]))
    return (record, blockEnd + 4)
  }
}

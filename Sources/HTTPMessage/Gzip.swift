/// gzip (RFC 1952), through zlib: HTTP's `gzip` coding and the members of a `.warc.gz` file.
public enum Gzip {
  /// Whether `bytes` start with the gzip magic number.
  public static func hasMagic(_ bytes: some Collection<UInt8>) -> Bool {
    var iterator = bytes.makeIterator()
    return iterator.next() == 0x1f && iterator.next() == 0x8b
  }

  /// `bytes` as one gzip member.
  ///
  /// - Parameter level: zlib's compression level, 0 (none) to 9 (smallest); 6 is zlib's default.
  public static func compress(_ bytes: [UInt8], level: Int = 6) throws(CodingError) -> [UInt8] {
    try Deflater(level: level, gzip: true).compress(bytes)
  }

  /// The decompressed bytes of every member of `bytes`, one after another.
  ///
  /// Bytes after the last member that do not start another member are ignored, as gzip(1) and web
  /// browsers do.
  /// - Throws: `.corrupt`, `.truncated`, or `.tooLarge` as soon as the output would pass `limit`.
  public static func decompress(_ bytes: [UInt8], limit: Int = .max) throws(CodingError) -> [UInt8] {
    var output: [UInt8] = []
    try decompressMembers(bytes, limit: limit) { _, member throws(CodingError) in
      output.append(contentsOf: member)
    }
    return output
  }

  /// Calls `body` with the byte range and the decompressed bytes of each member of `bytes` in turn.
  ///
  /// A `.warc.gz` file holds one member per record, so the ranges are the records' offsets.
  /// - Throws: `.corrupt`, `.truncated` (including no member at all), or `.tooLarge` when the
  ///   output of one member would pass `limit`; anything `body` throws.
  public static func decompressMembers(
    _ bytes: [UInt8], limit: Int = .max, _ body: (Range<Int>, [UInt8]) throws(CodingError) -> Void
  ) throws(CodingError) {
    guard hasMagic(bytes) else { throw CodingError(.corrupt, "not gzip data (no gzip header)") }
    let inflater = try Inflater(format: .gzip)
    var failure: CodingError?
    bytes.withUnsafeBufferPointer { buffer in
      var offset = 0
      do throws(CodingError) {
        while offset < buffer.count && hasMagic(buffer[offset...]) {
          var member: [UInt8] = []
          let (consumed, finished) = try inflater.inflate(buffer, from: offset, into: &member, limit: limit)
          guard finished else { throw CodingError(.truncated, "gzip data ends early") }
          try body(offset..<offset + consumed, member)
          offset += consumed
          inflater.reset()
        }
      } catch {
        failure = error
      }
    }
    if let failure { throw failure }
  }
}

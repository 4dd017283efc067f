/// HTTP's `deflate` coding: zlib-framed deflate data (RFC 1950), or the bare deflate data (RFC 1951)
/// that some servers send under the same name.
public enum Deflate {
  /// `bytes` in zlib framing.
  public static func compress(_ bytes: [UInt8], level: Int = 6) throws(CodingError) -> [UInt8] {
    try Deflater(level: level, gzip: false).compress(bytes)
  }

  /// The decompressed bytes, taking zlib framing when the header says so and bare deflate otherwise.
  ///
  /// - Throws: `.corrupt`, `.truncated`, or `.tooLarge` as soon as the output would pass `limit`.
  public static func decompress(_ bytes: [UInt8], limit: Int = .max) throws(CodingError) -> [UInt8] {
    // A zlib header is two bytes whose big-endian value is a multiple of 31, with method 8.
    let zlibFramed = bytes.count >= 2 && bytes[0] & 0x0f == 8 && (UInt16(bytes[0]) << 8 | UInt16(bytes[1])) % 31 == 0
    let inflater = try Inflater(format: zlibFramed ? .zlib : .raw)
    var output: [UInt8] = []
    let finished = try bytes.withUnsafeBufferPointer { buffer throws(CodingError) in
      try inflater.inflate(buffer, from: 0, into: &output, limit: limit).finished
    }
    guard finished else { throw CodingError(.truncated, "deflate data ends early") }
    return output
  }
}

internal import CBrotli

/// Brotli (RFC 7932), HTTP's `br` coding, through Debian's libbrotli.
public enum Brotli {
  /// `bytes` brotli-compressed (`BrotliEncoderCompress`).
  ///
  /// - Parameter quality: 0 (fastest) to 11 (smallest).
  public static func compress(_ bytes: [UInt8], quality: Int = 5) throws(CodingError) -> [UInt8] {
    var size = BrotliEncoderMaxCompressedSize(bytes.count)
    if size == 0 { size = bytes.count + 1024 }
    var output = [UInt8](repeating: 0, count: size)
    let succeeded = bytes.withUnsafeBufferPointer { input in
      output.withUnsafeMutableBufferPointer { out in
        BrotliEncoderCompress(
          Int32(max(0, min(11, quality))), BROTLI_DEFAULT_WINDOW, BROTLI_MODE_GENERIC, input.count, input.baseAddress,
          &size, out.baseAddress)
      }
    }
    guard succeeded == BROTLI_TRUE else { throw CodingError(.resources, "brotli could not compress") }
    output.removeSubrange(size...)
    return output
  }

  /// The decompressed bytes.
  ///
  /// - Throws: `.corrupt`, `.truncated`, or `.tooLarge` as soon as the output would pass `limit`.
  public static func decompress(_ bytes: [UInt8], limit: Int = .max) throws(CodingError) -> [UInt8] {
    try BrotliDecoder().decode(bytes, limit: limit)
  }
}

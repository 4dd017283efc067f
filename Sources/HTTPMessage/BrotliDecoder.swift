internal import CBrotli

/// One brotli decoder state, owned and freed in `deinit`.
final class BrotliDecoder {
  private let state: OpaquePointer

  /// Creates the decoder (`BrotliDecoderCreateInstance`).
  init() throws(CodingError) {
    guard let state = BrotliDecoderCreateInstance(nil, nil, nil) else {
      throw CodingError(.resources, "brotli could not start a decoder")
    }
    self.state = state
  }

  deinit {
    BrotliDecoderDestroyInstance(state)
  }

  /// Decodes all of `input` (`BrotliDecoderDecompressStream`).
  ///
  /// - Throws: `.corrupt`, `.truncated`, or `.tooLarge` as soon as the output would pass `limit`.
  func decode(_ input: [UInt8], limit: Int) throws(CodingError) -> [UInt8] {
    var output: [UInt8] = []
    let chunkSize = 64 * 1024
    let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: chunkSize)
    defer { chunk.deallocate() }
    var failure: CodingError?
    input.withUnsafeBufferPointer { buffer in
      var availableIn = buffer.count
      var nextIn = buffer.baseAddress
      while true {
        var availableOut = chunkSize
        var nextOut: UnsafeMutablePointer<UInt8>? = chunk
        let result = BrotliDecoderDecompressStream(state, &availableIn, &nextIn, &availableOut, &nextOut, nil)
        let produced = chunkSize - availableOut
        if output.count + produced > limit {
          failure = .tooLarge(limit: limit)
          return
        }
        output.append(contentsOf: UnsafeBufferPointer(start: chunk, count: produced))
        switch result {
        case BROTLI_DECODER_RESULT_SUCCESS:
          return
        case BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT:
          continue
        case BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT:
          failure = CodingError(.truncated, "brotli data ends early")
          return
        default:
          let code = BrotliDecoderGetErrorCode(state)
          let name = BrotliDecoderErrorString(code).map { String(cString: $0) } ?? "error \(code.rawValue)"
          failure = CodingError(.corrupt, "invalid brotli data: \(name)")
          return
        }
      }
    }
    if let failure { throw failure }
    return output
  }
}

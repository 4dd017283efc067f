internal import CZlib

/// One zlib deflate stream, owned and freed in `deinit`; compresses a whole buffer at once.
final class Deflater {
  private let stream: UnsafeMutablePointer<z_stream>

  /// Starts a deflate stream (`deflateInit2`) writing gzip when `gzip` is true, else zlib framing.
  init(level: Int, gzip: Bool) throws(CodingError) {
    let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    stream.initialize(to: z_stream())
    let clamped = Int32(max(0, min(9, level)))
    guard claims_deflate_init2(stream, clamped, gzip ? 15 + 16 : 15) == Z_OK else {
      stream.deinitialize(count: 1)
      stream.deallocate()
      throw CodingError(.resources, "zlib could not start a deflate stream")
    }
    self.stream = stream
  }

  deinit {
    deflateEnd(stream)
    stream.deinitialize(count: 1)
    stream.deallocate()
  }

  /// Compresses all of `input` and finishes the stream (`deflate` with `Z_FINISH`).
  func compress(_ input: [UInt8]) throws(CodingError) -> [UInt8] {
    var output: [UInt8] = []
    let chunkSize = max(64 * 1024, min(Int(deflateBound(stream, UInt(input.count))), 16 << 20))
    let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: chunkSize)
    defer { chunk.deallocate() }
    let result: Int32 = input.withUnsafeBufferPointer { buffer in
      var offset = 0
      while true {
        let available = min(buffer.count - offset, 1 << 30)
        stream.pointee.next_in = buffer.baseAddress.map { UnsafeMutablePointer(mutating: $0 + offset) }
        stream.pointee.avail_in = UInt32(available)
        let last = offset + available == buffer.count
        repeat {
          stream.pointee.next_out = chunk
          stream.pointee.avail_out = UInt32(chunkSize)
          let code = deflate(stream, last ? Z_FINISH : Z_NO_FLUSH)
          if code != Z_OK && code != Z_STREAM_END && code != Z_BUF_ERROR { return code }
          output.append(contentsOf: UnsafeBufferPointer(start: chunk, count: chunkSize - Int(stream.pointee.avail_out)))
          if code == Z_STREAM_END { return Z_STREAM_END }
        } while last || stream.pointee.avail_out == 0
        offset += available
      }
    }
    guard result == Z_STREAM_END || result == Z_OK else {
      throw CodingError(.resources, "zlib could not compress (error \(result))")
    }
    return output
  }
}

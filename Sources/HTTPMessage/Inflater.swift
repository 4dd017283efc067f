internal import CZlib

/// One zlib inflate stream (gzip, zlib or raw deflate), owned and freed in `deinit`.
///
/// The `z_stream` lives at a fixed address, because zlib keeps a pointer back to it and refuses a
/// stream that has moved.
final class Inflater {
  /// The framing around the deflate data.
  enum Format {
    /// RFC 1952 gzip members.
    case gzip
    /// RFC 1950 zlib (what HTTP's `deflate` names).
    case zlib
    /// Bare RFC 1951 deflate data (what some servers send as `deflate`).
    case raw
  }

  private let stream: UnsafeMutablePointer<z_stream>

  /// Starts an inflate stream (`inflateInit2`).
  init(format: Format) throws(CodingError) {
    let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    stream.initialize(to: z_stream())
    let windowBits: Int32
    switch format {
    case .gzip: windowBits = 15 + 16
    case .zlib: windowBits = 15
    case .raw: windowBits = -15
    }
    guard claims_inflate_init2(stream, windowBits) == Z_OK else {
      stream.deinitialize(count: 1)
      stream.deallocate()
      throw CodingError(.resources, "zlib could not start an inflate stream")
    }
    self.stream = stream
  }

  deinit {
    inflateEnd(stream)
    stream.deinitialize(count: 1)
    stream.deallocate()
  }

  /// Readies the stream for a new member with the same format (`inflateReset`).
  func reset() {
    inflateReset(stream)
  }

  /// Inflates `input` from `start` until the stream's end or the input's, appending to `output`.
  ///
  /// - Returns: how many input bytes were used, and whether the stream ended.
  /// - Throws: `.corrupt` for invalid data, `.tooLarge` as soon as `output` would pass `limit`.
  func inflate(
    _ input: UnsafeBufferPointer<UInt8>, from start: Int, into output: inout [UInt8], limit: Int
  ) throws(CodingError) -> (consumed: Int, finished: Bool) {
    guard let base = input.baseAddress, start < input.count else { return (0, false) }
    let chunkSize = 64 * 1024
    let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: chunkSize)
    defer { chunk.deallocate() }
    var offset = start
    while true {
      // avail_in is 32 bits: feed at most 1 GiB at a time.
      let available = min(input.count - offset, 1 << 30)
      stream.pointee.next_in = UnsafeMutablePointer(mutating: base + offset)
      stream.pointee.avail_in = UInt32(available)
      stream.pointee.next_out = chunk
      stream.pointee.avail_out = UInt32(chunkSize)
      let code = CZlib.inflate(stream, Z_NO_FLUSH)
      let used = available - Int(stream.pointee.avail_in)
      offset += used
      let produced = chunkSize - Int(stream.pointee.avail_out)
      if produced > 0 {
        guard output.count + produced <= limit else { throw .tooLarge(limit: limit) }
        output.append(contentsOf: UnsafeBufferPointer(start: chunk, count: produced))
      }
      switch code {
      case Z_STREAM_END:
        return (offset - start, true)
      case Z_OK, Z_BUF_ERROR:
        // No progress with input left means zlib wants more output; none with no input left
        // means the stream needs bytes that are not there.
        if offset == input.count && produced < chunkSize { return (offset - start, false) }
        if used == 0 && produced == 0 { return (offset - start, false) }
      case Z_MEM_ERROR:
        throw CodingError(.resources, "zlib ran out of memory")
      default:
        let detail = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(code)"
        throw CodingError(.corrupt, "invalid compressed data: \(detail)")
      }
    }
  }
}

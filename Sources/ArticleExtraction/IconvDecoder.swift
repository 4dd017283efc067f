#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Decodes the character sets this module has no table for (ISO-8859-2, KOI8-R, Shift_JIS,
/// EUC-KR, GB18030, ...) with the C library's iconv, which every Linux and macOS has.
enum IconvDecoder {
  /// True when iconv can convert from `name` to UTF-8.
  static func isSupported(_ name: String) -> Bool {
    let descriptor = iconv_open("UTF-8", name)
    guard descriptor != invalidDescriptor else { return false }
    iconv_close(descriptor)
    return true
  }

  private static var invalidDescriptor: iconv_t? { iconv_t(bitPattern: -1) }

  /// The text, and how many bytes were not valid in `name` (each replaced by U+FFFD); nil when
  /// iconv does not know `name`.
  static func decode(_ bytes: ArraySlice<UInt8>, from name: String) -> (text: String, invalidBytes: Int)? {
    let descriptor = iconv_open("UTF-8", name)
    guard descriptor != invalidDescriptor else { return nil }
    defer { iconv_close(descriptor) }
    var input = Array(bytes)
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count * 2 + 16)
    var invalid = 0
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    input.withUnsafeMutableBufferPointer { inputBuffer in
      guard let inputBase = inputBuffer.baseAddress else { return }
      var inputPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inputBase)
        .assumingMemoryBound(to: CChar.self)
      var inputLeft = inputBuffer.count
      while inputLeft > 0 {
        let (result, produced, failure) = chunk.withUnsafeMutableBufferPointer { chunkBuffer in
          var outputPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(chunkBuffer.baseAddress)?
            .assumingMemoryBound(to: CChar.self)
          var outputLeft = chunkBuffer.count
          let result = iconv(descriptor, &inputPointer, &inputLeft, &outputPointer, &outputLeft)
          return (result, chunkBuffer.count - outputLeft, errno)
        }
        output.append(contentsOf: chunk[0..<produced])
        guard result == -1 else { continue }
        switch failure {
        case E2BIG:
          continue  // The chunk was full; go on converting.
        case EILSEQ, EINVAL:
          // An invalid sequence, or an incomplete one at the end: replace one byte and go on.
          invalid += 1
          output.append(contentsOf: [0xEF, 0xBF, 0xBD])
          inputPointer = inputPointer.map { $0 + 1 }
          inputLeft -= 1
        default:
          invalid += inputLeft
          output.append(contentsOf: [0xEF, 0xBF, 0xBD])
          inputLeft = 0
        }
      }
    }
    return (String(decoding: output, as: UTF8.self), invalid)
  }
}

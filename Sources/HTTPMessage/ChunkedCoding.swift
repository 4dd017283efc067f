/// HTTP/1.1's chunked transfer coding (RFC 9112 §7.1): size lines, data, and a trailer section.
public enum ChunkedCoding {
  /// The data of the chunks of `bytes`, without sizes, extensions and trailers.
  ///
  /// - Throws: `.corrupt` for a bad size line, `.truncated` when the last chunk never comes,
  ///   `.tooLarge` as soon as the data would pass `limit`.
  public static func decode(_ bytes: some RandomAccessCollection<UInt8>, limit: Int = .max) throws(CodingError)
    -> [UInt8]
  {
    var output: [UInt8] = []
    var index = bytes.startIndex
    func readLine() throws(CodingError) -> ArraySlice<UInt8> {
      guard let newline = bytes[index...].firstIndex(of: 0x0a) else {
        throw CodingError(.truncated, "chunked body ends early")
      }
      var line = Array(bytes[index..<newline])[...]
      if line.last == 0x0d { line = line.dropLast() }
      index = bytes.index(after: newline)
      return line
    }
    while true {
      let line = try readLine()
      // The size is hex digits, optionally followed by `;extension` and white space.
      var size = 0
      var digits = 0
      for byte in line {
        guard let value = hexValue(byte) else { break }
        guard size <= (Int.max - 15) / 16 else { throw CodingError(.corrupt, "chunk size too large") }
        size = size * 16 + value
        digits += 1
      }
      guard digits > 0 else { throw CodingError(.corrupt, "invalid chunk size line") }
      if size == 0 {
        // Trailer fields until an empty line; a body that stops right after `0` is accepted.
        while index != bytes.endIndex {
          if try readLine().isEmpty { break }
        }
        return output
      }
      guard bytes.distance(from: index, to: bytes.endIndex) >= size else {
        throw CodingError(.truncated, "chunked body ends early")
      }
      guard output.count + size <= limit else { throw .tooLarge(limit: limit) }
      let end = bytes.index(index, offsetBy: size)
      output.append(contentsOf: bytes[index..<end])
      index = end
      // The line end after the data.
      guard try readLine().isEmpty else { throw CodingError(.corrupt, "chunk data longer than its size") }
    }
  }

  private static func hexValue(_ byte: UInt8) -> Int? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
  }
}

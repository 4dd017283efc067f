import ClaimModel

/// Lines for the terminal made straight from UTF-8 bytes, for output of text-sized volumes
/// (`claims split` of megabytes): no `String`, no per-character Unicode look-ups for the common
/// case. Gives exactly what `TerminalText.sanitize(text.collapsingWhitespace())` gives, or
/// declines (returns false) so that the caller takes that path.
extension TerminalText {
  /// Appends `bytes` (valid UTF-8) to `output` as one line: white space collapsed and trimmed,
  /// control characters as `\u{…}` escapes, then a line feed. False, with `output` unchanged,
  /// when the text holds something only the character-by-character path decides: a non-ASCII
  /// white-space or control scalar, a mark that may join a white-space character, or a
  /// concatenation mark that may join the white space after it.
  static func appendOneLine(utf8 bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) -> Bool {
    if isPlainLine(bytes) {
      // Most sentences of news text: the line is the bytes themselves.
      output.append(contentsOf: bytes)
      output.append(0x0A)
      return true
    }
    let start = output.count
    var pendingSpace = false
    var wroteAny = false
    var previousWasWhitespace = false
    var index = 0
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      if byte > 0x20 && byte < 0x7F {
        // A run of printable ASCII words with single spaces between them goes out as it is.
        var end = index + 1
        while end < count {
          let next = bytes[end]
          if next > 0x20 && next < 0x7F {
            end += 1
          } else if next == 0x20, end + 1 < count, bytes[end + 1] > 0x20, bytes[end + 1] < 0x7F {
            end += 2
          } else {
            break
          }
        }
        if pendingSpace {
          output.append(0x20)
          pendingSpace = false
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
        wroteAny = true
        previousWasWhitespace = false
        index = end
        continue
      }
      if byte < 0x80 {
        if byte == 0x20 || (0x09...0x0D).contains(byte) {
          if wroteAny { pendingSpace = true }
          previousWasWhitespace = true
          index += 1
          continue
        }
        if pendingSpace {
          output.append(0x20)
          pendingSpace = false
        }
        if byte < 0x20 || byte == 0x7F {
          output.append(contentsOf: "\\u{\(String(byte, radix: 16))}".utf8)
        } else {
          output.append(byte)
        }
        wroteAny = true
        previousWasWhitespace = false
        index += 1
        continue
      }
      let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
      guard index + length <= count else { break }
      var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
      for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
      guard let scalar = Unicode.Scalar(value), !Self.declines(scalar, afterWhitespace: previousWasWhitespace) else {
        output.removeSubrange(start...)
        return false
      }
      let next = index + length
      if next < count, bytes[next] == 0x20 || (0x09...0x0D).contains(bytes[next]), GraphemeHints.mayPrepend(scalar) {
        output.removeSubrange(start...)
        return false
      }
      if pendingSpace {
        output.append(0x20)
        pendingSpace = false
      }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<next]))
      wroteAny = true
      previousWasWhitespace = false
      index = next
    }
    guard index == count else {
      output.removeSubrange(start...)
      return false
    }
    output.append(0x0A)
    return true
  }

  /// Whether `bytes` is printable ASCII words with single spaces between them and none at either
  /// end, so that its line is itself; checked eight bytes at a time. May say false of such a text
  /// (the byte-by-byte path then gives the same line), never true of another.
  static func isPlainLine(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = bytes.count
    guard count > 0, let base = bytes.baseAddress, base[0] != 0x20, base[count - 1] != 0x20 else { return false }
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let spaces: UInt64 = 0x2020_2020_2020_2020
    let raw = UnsafeRawPointer(base)
    var index = 0
    var afterSpace = false
    while index + 8 <= count {
      let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
      // A byte below 0x20, or 0x7F and above, sets its high bit in one of these (borrows and
      // carries can only add flags next to such a byte).
      guard ((word &- spaces) | word | (word &+ ones)) & highs == 0 else { return false }
      // The spaces (and possibly a byte next to one): two in a row, here or across words, decline.
      let other = word ^ spaces
      let spaceFlags = (other &- ones) & ~other & highs
      guard spaceFlags & (spaceFlags << 8) == 0, !(afterSpace && spaceFlags & 0x80 != 0) else { return false }
      afterSpace = spaceFlags >> 63 != 0
      index += 8
    }
    while index < count {
      let byte = base[index]
      guard byte >= 0x20, byte < 0x7F, !(byte == 0x20 && afterSpace) else { return false }
      afterSpace = byte == 0x20
      index += 1
    }
    return true
  }

  /// Whether a non-ASCII `scalar` is one the byte path leaves to the character path.
  private static func declines(_ scalar: Unicode.Scalar, afterWhitespace: Bool) -> Bool {
    switch scalar.value {
    // White space, and the controls `sanitize` escapes.
    case 0x80...0xA0, 0x1680, 0x2000...0x200A, 0x2028...0x202F, 0x205F, 0x2066...0x2069, 0x3000: return true
    default: break
    }
    guard afterWhitespace else { return false }
    // A mark, joiner or modifier right after white space may belong to its character.
    return GraphemeHints.mayJoinPrevious(scalar)
  }
}

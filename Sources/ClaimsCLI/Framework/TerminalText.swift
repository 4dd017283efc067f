import ClaimModel

/// Makes text from the ledger safe to print: whatever a claim or note holds, no escape sequence or
/// other control character reaches the terminal raw.
enum TerminalText {
  /// The text with control characters shown as `\u{…}` escapes; line breaks and tabs are kept
  /// only when `keepingLineBreaks` is set.
  static func sanitize(_ text: String, keepingLineBreaks: Bool = false) -> String {
    guard mayHoldControls(text) else { return text }
    var result = ""
    for scalar in text.unicodeScalars {
      if keepingLineBreaks, scalar == "\n" || scalar == "\t" {
        result.unicodeScalars.append(scalar)
      } else if scalar == "\n" || scalar == "\r" || scalar == "\t" {
        result.append(" ")
      } else if isControl(scalar) {
        result += "\\u{\(String(scalar.value, radix: 16))}"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// A path with every control character shown as an escape (a line break too, which
  /// ``sanitize(_:keepingLineBreaks:)`` turns into a space), so that each problem stays on one line
  /// and two paths can still be told apart.
  static func visiblePath(_ path: String) -> String {
    var result = ""
    for scalar in path.unicodeScalars {
      if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
        result += "\\u{\(String(scalar.value, radix: 16))}"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return sanitize(result)
  }

  /// One line of at most `width` characters, with `…` when cut.
  static func oneLine(_ text: String, width: Int) -> String {
    let line = sanitize(text.collapsingWhitespace())
    guard line.count > width else { return line }
    return String(line.prefix(max(1, width - 1))) + "…"
  }

  /// False when `text` surely holds none of the scalars ``isControl(_:)`` matches: a scan of its
  /// UTF-8 bytes (ledger text is mostly ASCII, and this runs on every line printed), which looks
  /// closer only at C0 bytes, DEL, `C2` (C1 controls) and `E2 80`/`E2 81` (the separators and
  /// bidirectional marks).
  static func mayHoldControls(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      for index in bytes.indices {
        let byte = bytes[index]
        if byte < 0x20 || byte == 0x7F { return true }
        guard byte == 0xC2 || byte == 0xE2, index + 1 < bytes.count else { continue }
        let next = bytes[index + 1]
        if byte == 0xC2 {
          if (0x80...0x9F).contains(next) { return true }
        } else if next == 0x80 || next == 0x81 {
          if index + 2 < bytes.count {
            let value = 0x2000 | UInt32(next & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            if let scalar = Unicode.Scalar(value), isControl(scalar) { return true }
          }
        }
      }
      return false
    }
  }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
      || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
  }
}

extension String {
  /// The columns the string takes on a terminal: two for each wide (East Asian) character or emoji,
  /// one for any other character (a grapheme cluster, combining marks included).
  var terminalColumns: Int {
    var columns = 0
    for character in self {
      guard let scalar = character.unicodeScalars.first else { continue }
      columns += Self.isWide(scalar) || (character.unicodeScalars.count > 1 && scalar.properties.isEmoji) ? 2 : 1
    }
    return columns
  }

  private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
      0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
      0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
      return true
    default:
      return scalar.properties.isEmojiPresentation
    }
  }

  /// The string followed by spaces up to `width` terminal columns.
  func padded(toColumns width: Int) -> String {
    let columns = terminalColumns
    return columns >= width ? self : self + String(repeating: " ", count: width - columns)
  }

  /// The string followed by spaces up to `width` characters.
  func padded(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}

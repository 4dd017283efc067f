/// Column layout for the text format. Widths count characters (grapheme clusters); ledger text is
/// made safe with ``ReportEscaping/terminal(_:)`` before it is measured.
enum TextLayout {
  /// At most `width` characters, ending in `…` when cut.
  static func clip(_ text: String, _ width: Int) -> String {
    guard width > 0 else { return "" }
    guard text.count > width else { return text }
    return String(text.prefix(width - 1)) + "…"
  }

  /// `text` broken at spaces into lines of at most `width` characters, each starting with
  /// `indent`; a word longer than a line is clipped.
  static func wrap(_ text: String, width: Int, indent: String = "") -> [String] {
    let room = max(1, width - indent.count)
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
      let word = clip(String(word), room)
      if line.isEmpty {
        line = word
      } else if line.count + 1 + word.count <= room {
        line += " " + word
      } else {
        lines.append(indent + line)
        line = word
      }
    }
    if !line.isEmpty { lines.append(indent + line) }
    return lines
  }

  /// Clipped to `width` and padded with spaces on the right.
  static func left(_ text: String, _ width: Int) -> String {
    let clipped = clip(text, width)
    return clipped + String(repeating: " ", count: max(0, width - clipped.count))
  }

  /// Clipped to `width` and padded with spaces on the left.
  static func right(_ text: String, _ width: Int) -> String {
    let clipped = clip(text, width)
    return String(repeating: " ", count: max(0, width - clipped.count)) + clipped
  }
}

import ClaimModel

/// Makes ledger text safe for each output. Everything a reviewer or an imported article wrote —
/// claim text, notes, names, titles, URLs, even verdict labels from `ledger.json` — goes through
/// one of these before it is written anywhere.
public enum ReportEscaping {
  /// Whether `scalar` must never reach output raw: C0 and C1 controls, DEL, the line and paragraph
  /// separators, and the bidirectional embeddings, overrides and isolates that can make text display
  /// in an order other than it reads ("Trojan Source", CVE-2021-42574).
  public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }

  /// The text with every unsafe scalar written as a visible `\u{…}` escape. Line breaks and tabs
  /// become spaces unless `keepingLineBreaks` (then `\n` and `\t` stay; `\r` is still escaped).
  public static func visible(_ text: String, keepingLineBreaks: Bool = false) -> String {
    guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      if scalar == "\n" || scalar == "\t" {
        result.unicodeScalars.append(keepingLineBreaks ? scalar : " ")
      } else if isUnsafe(scalar) {
        result += "\\u{\(String(scalar.value, radix: 16))}"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// One line for a terminal: white space runs (line breaks included) collapsed to one space, then
  /// every unsafe scalar made visible.
  public static func terminal(_ text: String) -> String {
    isPlainLine(text) ? text : visible(text.collapsingWhitespace())
  }

  /// Printable ASCII without leading, trailing or doubled spaces: already what ``terminal(_:)``
  /// makes, and most of a ledger's text, so the reports skip the slower Unicode-aware path.
  private static func isPlainLine(_ text: String) -> Bool {
    var afterSpace = true
    for byte in text.utf8 {
      guard byte >= 0x20, byte < 0x7F else { return false }
      if byte == 0x20 {
        if afterSpace { return false }
        afterSpace = true
      } else {
        afterSpace = false
      }
    }
    return !afterSpace || text.isEmpty
  }

  /// Text for HTML or SVG element content and quoted attribute values: unsafe scalars made visible,
  /// then `&`, `<`, `>`, `"` and `'` written as character references.
  public static func html(_ text: String) -> String {
    let needsWork = text.unicodeScalars.contains {
      $0 == "&" || $0 == "<" || $0 == ">" || $0 == "\"" || $0 == "'" || isUnsafe($0)
    }
    guard needsWork else { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in visible(text).unicodeScalars {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.unicodeScalars.append(character)
      }
    }
    return result
  }

  /// Inline Markdown text (GitHub and GitLab flavours), one line, safe in a table cell or after
  /// `> `: every character that could start emphasis, code, a link, an HTML tag, a heading, a list,
  /// strikethrough, maths or an @-mention is backslash-escaped, and `&`, `<`, `>` become character
  /// references, so no markup or HTML from the ledger is ever rendered.
  public static func markdown(_ text: String) -> String {
    var result = ""
    let line = terminal(text)
    result.reserveCapacity(line.utf8.count)
    // "1984. A year" at the start of a line would open an ordered list.
    let leadingDigits = line.unicodeScalars.prefix { ("0"..."9").contains($0) }.count
    for (offset, scalar) in line.unicodeScalars.enumerated() {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\\", "`", "*", "_", "[", "]", "#", "+", "-", "!", "|", "~", "$", "@":
        result += "\\"
        result.unicodeScalars.append(scalar)
      default:
        if leadingDigits > 0, offset == leadingDigits, scalar == "." || scalar == ")" { result += "\\" }
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// A URL for a Markdown link destination written `<…>`: the characters that would end or break
  /// it percent-encoded.
  static func markdownDestination(_ url: String) -> String {
    var result = ""
    for scalar in url.unicodeScalars {
      switch scalar {
      case "<": result += "%3C"
      case ">": result += "%3E"
      case "\\": result += "%5C"
      case " ": result += "%20"
      // A GFM table splits its row at every `|`, even inside a link.
      case "|": result += "%7C"
      default:
        if isUnsafe(scalar) {
          result += "%" + (scalar.value < 16 ? "0" : "") + String(scalar.value, radix: 16, uppercase: true)
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }

  /// One CSV field (RFC 4180): a value that could start a spreadsheet formula (`=`, `+`, `-`, `@`, tab
  /// or carriage return first) gets a leading `'`; a field holding a comma, quote or line break is
  /// quoted, with quotes doubled.
  public static func csv(_ text: String) -> String {
    var field = text
    if let first = field.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
      field = "'" + field
    }
    guard field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return field
    }
    var quoted = "\""
    for scalar in field.unicodeScalars {
      if scalar == "\"" { quoted += "\"" }
      quoted.unicodeScalars.append(scalar)
    }
    return quoted + "\""
  }

  /// Whether a citation URL may become a link: only `http` and `https` URLs with a host, never
  /// `javascript:`, `data:` or anything else.
  public static func isWebLink(_ url: String) -> Bool {
    if case .web = CitationLocation(url) { return true }
    return false
  }
}

extension String {
  /// Whether the string holds a C0 or C1 control character or DEL (the stuff of terminal escape
  /// sequences); with `allowingLineBreaks`, line feeds and tabs do not count.
  public func containsControlCharacters(allowingLineBreaks: Bool = false) -> Bool {
    unicodeScalars.contains { scalar in
      if allowingLineBreaks, scalar == "\n" || scalar == "\t" { return false }
      return scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)
    }
  }

  /// The string made safe to quote in a one-line message: control characters shown as escapes,
  /// and cut short when long.
  public var escapedForMessage: String {
    var result = ""
    for scalar in unicodeScalars.prefix(80) {
      if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
        result += "\\u{\(String(scalar.value, radix: 16))}"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return unicodeScalars.count > 80 ? result + "…" : result
  }
}

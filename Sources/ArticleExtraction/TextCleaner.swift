/// Whitespace handling shared by the body and the metadata.
enum TextCleaner {
  /// Runs of white space (including no-break spaces) become one space; leading and trailing
  /// white space goes. With `keepingLineBreaks`, a run holding a line break becomes `\n`.
  static func collapseWhitespace(_ text: String, keepingLineBreaks: Bool = false) -> String {
    var output = String.UnicodeScalarView()
    var pending: Unicode.Scalar?
    for scalar in text.unicodeScalars {
      if scalar.properties.isWhitespace {
        if output.isEmpty { continue }
        if keepingLineBreaks && (scalar == "\n" || pending == "\n") {
          pending = "\n"
        } else {
          pending = " "
        }
        continue
      }
      if let space = pending {
        output.append(space)
        pending = nil
      }
      output.append(scalar)
    }
    return String(output)
  }
}

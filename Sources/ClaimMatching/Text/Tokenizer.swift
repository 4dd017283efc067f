/// Splits text into lower-cased words: runs of letters and digits. An apostrophe inside a word
/// joins it (`don't` → `dont`, `y'all` → `yall`), except a possessive `'s`, which is dropped
/// (`Trump's` → `trump`). Everything else (punctuation, symbols, emoji) separates words.
enum Tokenizer {
  static func words(of text: String) -> [String] {
    var words: [String] = []
    var current = String.UnicodeScalarView()
    var pendingApostrophe = false
    func flush() {
      if !current.isEmpty { words.append(String(current)) }
      current = String.UnicodeScalarView()
      pendingApostrophe = false
    }
    let scalars = Array(text.unicodeScalars)
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if isWordScalar(scalar) {
        if pendingApostrophe {
          // A possessive 's ends the word without the s.
          let isPossessive =
            (scalar == "s" || scalar == "S") && (index + 1 == scalars.count || !isWordScalar(scalars[index + 1]))
          pendingApostrophe = false
          if isPossessive {
            flush()
            index += 1
            continue
          }
        }
        if scalar.isASCII {
          current.append((0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value + 32)) : scalar)
        } else {
          for lowered in scalar.properties.lowercaseMapping.unicodeScalars { current.append(lowered) }
        }
      } else if scalar == "'" && !current.isEmpty && !pendingApostrophe {
        pendingApostrophe = true
      } else {
        flush()
      }
      index += 1
    }
    flush()
    return words
  }

  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      let value = scalar.value
      return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
    }
    let properties = scalar.properties
    return properties.isAlphabetic || properties.numericType == .decimal
      || properties.generalCategory == .nonspacingMark
  }
}

/// Splits text into lower-cased words: runs of letters and digits. An apostrophe inside a word
/// joins it (`don't` → `dont`, `y'all` → `yall`), except a possessive `'s`, which is dropped
/// (`Trump's` → `trump`). Everything else (punctuation, symbols, emoji) separates words.
enum Tokenizer {
  static func words(of text: String) -> [String] {
    var words: [String] = []
    // UTF-8 bytes of the current word: building a String scalar by scalar cost a tenth of indexing.
    var current: [UInt8] = []
    current.reserveCapacity(32)
    var pendingApostrophe = false
    func flush() {
      if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
      current.removeAll(keepingCapacity: true)
      pendingApostrophe = false
    }
    let scalars = text.unicodeScalars
    var index = scalars.startIndex
    while index != scalars.endIndex {
      let scalar = scalars[index]
      let next = scalars.index(after: index)
      if isWordScalar(scalar) {
        if pendingApostrophe {
          // A possessive 's ends the word without the s.
          let isPossessive =
            (scalar == "s" || scalar == "S") && (next == scalars.endIndex || !isWordScalar(scalars[next]))
          pendingApostrophe = false
          if isPossessive {
            flush()
            index = next
            continue
          }
        }
        if scalar.isASCII {
          let value = UInt8(scalar.value)
          current.append((0x41...0x5A).contains(value) ? value + 32 : value)
        } else {
          for lowered in scalar.properties.lowercaseMapping.unicodeScalars {
            current.append(contentsOf: UTF8.encode(lowered) ?? UTF8.EncodedScalar())
          }
        }
      } else if scalar == "'" && !current.isEmpty && !pendingApostrophe {
        pendingApostrophe = true
      } else {
        flush()
      }
      index = next
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

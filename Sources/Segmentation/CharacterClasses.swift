// Scalar classes the scanners care about. They take raw scalar values (UInt32) rather than
// `Unicode.Scalar` so the hot loops never build optionals; anything outside the few ranges
// named here is "other".

/// Whitespace as the segmenter sees it: Unicode's White_Space property, plus the invisible
/// zero-width space, word joiner and byte-order mark, which scraped text scatters around and
/// which must never start or end a segment.
@inline(__always)
func isSpaceScalar(_ v: UInt32) -> Bool {
  switch v {
  case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x2060,
    0x3000, 0xFEFF:
    return true
  default:
    return false
  }
}

/// Zero-width characters that are spaces for splitting but vanish when text is normalised.
@inline(__always)
func isZeroWidthSpaceScalar(_ v: UInt32) -> Bool {
  v == 0x200B || v == 0x2060 || v == 0xFEFF
}

/// Characters that may close a sentence after its final punctuation: quotes, brackets.
@inline(__always)
func isCloserScalar(_ v: UInt32) -> Bool {
  switch v {
  case 0x22, 0x27, 0x29, 0x5D, 0x7D, 0xBB, 0x2019, 0x201D, 0x203A, 0x300D, 0x300F, 0xFF09:
    return true
  default:
    return false
  }
}

/// Closing quotation marks; a quote (not a bracket) before a speech tag is what makes the tag
/// part of the same sentence.
@inline(__always)
func isQuoteCloserScalar(_ v: UInt32) -> Bool {
  switch v {
  case 0x22, 0x27, 0xBB, 0x2019, 0x201D, 0x203A, 0x300D, 0x300F:
    return true
  default:
    return false
  }
}

/// Characters that may open a sentence before its first word.
@inline(__always)
func isOpenerScalar(_ v: UInt32) -> Bool {
  switch v {
  case 0x22, 0x27, 0x28, 0x5B, 0x7B, 0xAB, 0x2018, 0x201C, 0x201E, 0x2039, 0x300C, 0x300E, 0xFF08:
    return true
  default:
    return false
  }
}

/// Spanish inverted question and exclamation marks, `¿` and `¡`: they open a sentence (or a
/// clause) before its first word, so after a full stop they start a new sentence.
@inline(__always)
func isInvertedMarkScalar(_ v: UInt32) -> Bool {
  v == 0xA1 || v == 0xBF
}

/// Opening brackets (as opposed to quotes): after an abbreviation, `(AP)` or `(NYSE: X)` does
/// not start a sentence, while an opening quote usually does.
@inline(__always)
func isOpeningBracketScalar(_ v: UInt32) -> Bool {
  v == 0x28 || v == 0x5B || v == 0x7B || v == 0xFF08
}

/// Question and exclamation marks, including the doubled forms.
@inline(__always)
func isBangOrQuestionScalar(_ v: UInt32) -> Bool {
  switch v {
  case 0x21, 0x3F, 0x203C, 0x2047, 0x2048, 0x2049:
    return true
  default:
    return false
  }
}

/// Full-width CJK sentence enders, which need no space after them.
@inline(__always)
func isIdeographicEnderScalar(_ v: UInt32) -> Bool {
  v == 0x3002 || v == 0xFF01 || v == 0xFF1F
}

/// Anything that can end a sentence when it is the last visible character of a line.
@inline(__always)
func isTerminalScalar(_ v: UInt32) -> Bool {
  v == 0x2E || v == 0x2026 || isBangOrQuestionScalar(v) || isIdeographicEnderScalar(v)
}

/// List bullets that start an item wherever they stand after a space.
@inline(__always)
func isBulletScalar(_ v: UInt32) -> Bool {
  switch v {
  case 0x2022, 0x2023, 0x2043, 0x25AA, 0x25A0, 0x25CF, 0x25E6:
    return true
  default:
    return false
  }
}

/// Dashes: a line ending in one is unfinished, so the next line continues it.
@inline(__always)
func isDashScalar(_ v: UInt32) -> Bool {
  v == 0x2D || (0x2010...0x2015).contains(v) || v == 0x2212
}

/// Combining marks and joiners: a split before one of them would cut a character in two.
@inline(__always)
func isGraphemeExtenderScalar(_ v: UInt32) -> Bool {
  switch v {
  case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x200C, 0x200D, 0x20D0...0x20FF, 0xFE00...0xFE0F,
    0xFE20...0xFE2F, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F, 0xE0100...0xE01EF:
    return true
  default:
    return v >= 0x80 && (Unicode.Scalar(v)?.properties.isGraphemeExtend ?? false)
  }
}

/// How a word starts, which is most of what decides whether a new sentence starts with it.
enum LetterCase {
  case lower
  case upper
  /// A letter of a script without case (CJK, Arabic, Hebrew…): treated like a capital.
  case uncased
  case digit
  case other
}

@inline(__always)
func letterCase(of v: UInt32) -> LetterCase {
  switch v {
  case .smallA ... .smallZ: return .lower
  case .capitalA ... .capitalZ: return .upper
  case .digitZero ... .digitNine: return .digit
  case 0 ... .delete: return .other
  // Punctuation blocks, answered without a look-up in the Unicode tables.
  case 0x2000...0x206F, 0x3000...0x303F, 0xFF01...0xFF0F: return .other
  default:
    guard let scalar = Unicode.Scalar(v) else { return .other }
    let properties = scalar.properties
    if properties.isLowercase { return .lower }
    if properties.isUppercase || properties.generalCategory == .titlecaseLetter { return .upper }
    if properties.isAlphabetic { return .uncased }
    if properties.numericType == .decimal { return .digit }
    return .other
  }
}

@inline(__always)
func isASCIILetter(_ b: UInt8) -> Bool {
  (b | .asciiLowercaseBit) >= .smallA && (b | .asciiLowercaseBit) <= .smallZ
}

@inline(__always)
func isASCIIDigit(_ b: UInt8) -> Bool {
  b >= .digitZero && b <= .digitNine
}

/// Cheap, conservative answers about grapheme clusters, for fast paths that work scalar by scalar
/// and must hand over to the character-by-character path wherever a cluster could join across
/// white space: each errs towards yes, which only costs the slower path.
package enum GraphemeHints {
  /// Whether `scalar` may continue the grapheme cluster before it (an extending or spacing mark,
  /// a joiner, an emoji modifier): erring towards yes.
  package static func mayJoinPrevious(_ scalar: Unicode.Scalar) -> Bool {
    if isCommonNonMark(scalar) { return false }
    let properties = scalar.properties
    switch properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark, .format: return true
    default: break
    }
    switch scalar.value {
    case 0x0E33, 0x0EB3, 0x200C, 0x200D, 0xFF9E, 0xFF9F: return true
    default: return properties.isGraphemeExtend || properties.isEmojiModifier
    }
  }

  /// Whether `scalar` may be a prepended concatenation mark, which joins what follows it, white
  /// space included: erring towards yes.
  package static func mayPrepend(_ scalar: Unicode.Scalar) -> Bool {
    if isCommonNonMark(scalar) { return false }
    switch scalar.value {
    case 0x0600...0x0605, 0x06DD, 0x070F, 0x0890...0x0891, 0x08E2, 0x0D4E, 0x110BD, 0x110CD, 0x111C2...0x111C3,
      0x1193F, 0x11941, 0x11A3A, 0x11A84...0x11A89, 0x11D46, 0x11F02:
      return true
    default:
      return scalar.properties.generalCategory == .format
    }
  }

  /// Whether `scalar` lies in a range of news text's usual non-ASCII (Latin letters and signs,
  /// dashes, quotation marks, bullets, currency signs) that holds no mark, joiner, modifier or
  /// format character: answered without the property tables, which cost about a thousand
  /// instructions a look-up. (U+00AD, the soft hyphen, is a format character and is left out.)
  private static func isCommonNonMark(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00A1...0x00AC, 0x00AE...0x02FF, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0: return true
    default: return false
    }
  }
}

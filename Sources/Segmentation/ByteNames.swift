/// Names for the characters the segmenter compares text with, so that a comparison says which
/// character it means (`b == .fullStop`, not `b == 0x2E`). Names follow Unicode's character names.
///
/// Defined on every integer type, since the segmenter compares UTF-8 bytes (`UInt8`), scalar values
/// (`UInt32`) and eight bytes at a time (`UInt64`). Each is a literal, so an optimised build compares
/// with a constant exactly as it did with the number.
extension FixedWidthInteger {
  /// U+0009, the first of the ASCII white-space controls (tab, line feed, vertical tab, form feed,
  /// carriage return).
  static var horizontalTab: Self { 0x09 }
  /// U+000A `\n`.
  static var lineFeed: Self { 0x0A }
  /// U+000D `\r`, the last of the ASCII white-space controls.
  static var carriageReturn: Self { 0x0D }
  /// U+0020.
  static var space: Self { 0x20 }
  /// U+0021 `!`.
  static var exclamationMark: Self { 0x21 }
  /// U+0022 `"`.
  static var quotationMark: Self { 0x22 }
  /// U+0023 `#`.
  static var numberSign: Self { 0x23 }
  /// U+0024 `$`.
  static var dollarSign: Self { 0x24 }
  /// U+0025 `%`.
  static var percentSign: Self { 0x25 }
  /// U+0026 `&`.
  static var ampersand: Self { 0x26 }
  /// U+0027 `'`.
  static var apostrophe: Self { 0x27 }
  /// U+0028 `(`.
  static var leftParenthesis: Self { 0x28 }
  /// U+0029 `)`.
  static var rightParenthesis: Self { 0x29 }
  /// U+002A `*`.
  static var asterisk: Self { 0x2A }
  /// U+002B `+`.
  static var plusSign: Self { 0x2B }
  /// U+002C `,`.
  static var comma: Self { 0x2C }
  /// U+002D `-`.
  static var hyphenMinus: Self { 0x2D }
  /// U+002E `.`.
  static var fullStop: Self { 0x2E }
  /// U+002F `/`.
  static var solidus: Self { 0x2F }
  /// U+0030 `0`.
  static var digitZero: Self { 0x30 }
  /// U+0039 `9`.
  static var digitNine: Self { 0x39 }
  /// U+003A `:`.
  static var colon: Self { 0x3A }
  /// U+003B `;`.
  static var semicolon: Self { 0x3B }
  /// U+003F `?`.
  static var questionMark: Self { 0x3F }
  /// U+0040 `@`.
  static var commercialAt: Self { 0x40 }
  /// U+0041 `A`.
  static var capitalA: Self { 0x41 }
  /// U+0049 `I`.
  static var capitalI: Self { 0x49 }
  /// U+005A `Z`.
  static var capitalZ: Self { 0x5A }
  /// U+005B `[`.
  static var leftSquareBracket: Self { 0x5B }
  /// U+005C `\`.
  static var reverseSolidus: Self { 0x5C }
  /// U+005D `]`.
  static var rightSquareBracket: Self { 0x5D }
  /// U+0061 `a`.
  static var smallA: Self { 0x61 }
  /// U+0062 `b`.
  static var smallB: Self { 0x62 }
  /// U+0063 `c`.
  static var smallC: Self { 0x63 }
  /// U+0065 `e`.
  static var smallE: Self { 0x65 }
  /// U+0079 `y`.
  static var smallY: Self { 0x79 }
  /// U+007A `z`.
  static var smallZ: Self { 0x7A }
  /// U+007B `{`.
  static var leftCurlyBracket: Self { 0x7B }
  /// U+007C `|`.
  static var verticalLine: Self { 0x7C }
  /// U+007D `}`.
  static var rightCurlyBracket: Self { 0x7D }
  /// U+007F, the last ASCII code.
  static var delete: Self { 0x7F }
  /// The bit that tells an ASCII letter's cases apart: `b | .asciiLowercaseBit` is the small letter
  /// of a capital one (and leaves `©`'s lead byte `0xC2` as `0xE2`).
  static var asciiLowercaseBit: Self { 0x20 }
  /// U+FFFD, the replacement character, for bytes that are not UTF-8.
  static var replacementCharacter: Self { 0xFFFD }
}

/// The parts of UTF-8 the segmenter reads byte by byte: where ASCII ends, continuation bytes, and
/// the bytes of the few multi-byte characters it looks for without decoding them.
enum UTF8Byte {
  /// Bytes below this are ASCII; from it on, parts of multi-byte sequences.
  static let firstNonASCII: UInt8 = 0x80
  /// A continuation byte is `10xxxxxx`: `byte & continuationMask == continuationTag`.
  static let continuationMask: UInt8 = 0xC0
  /// See ``continuationMask``.
  static let continuationTag: UInt8 = 0x80

  /// The lead byte of U+0080–U+00BF: next line (NEL), no-break space, `©`, `°`, `º`.
  static let latin1Lead: UInt8 = 0xC2
  /// After ``latin1Lead``: next line, U+0085.
  static let nextLine: UInt8 = 0x85
  /// After ``latin1Lead``: `©`, U+00A9.
  static let copyrightSign: UInt8 = 0xA9
  /// After ``latin1Lead``: `°`, U+00B0.
  static let degreeSign: UInt8 = 0xB0
  /// After ``latin1Lead``: `º`, U+00BA.
  static let masculineOrdinalIndicator: UInt8 = 0xBA

  /// The lead byte of U+1000–U+1FFF (the Ogham space mark among them).
  static let oghamLead: UInt8 = 0xE1
  /// The lead byte of U+2000–U+2FFF: general punctuation (spaces, dashes, curly quotes, `…`, line
  /// and paragraph separators), bullets, arrows.
  static let punctuationLead: UInt8 = 0xE2
  /// The lead byte of U+3000–U+3FFF: CJK punctuation (the ideographic space and full stop).
  static let cjkPunctuationLead: UInt8 = 0xE3
  /// The lead byte of U+F000–U+FFFF: fullwidth forms and the byte order mark.
  static let specialsLead: UInt8 = 0xEF
  /// After ``punctuationLead``: the second byte of U+2000–U+203F.
  static let generalPunctuation: UInt8 = 0x80
  /// After ``punctuationLead`` and ``generalPunctuation``: `’`, U+2019.
  static let rightSingleQuotationMark: UInt8 = 0x99
  /// After ``punctuationLead`` and ``generalPunctuation``: `…`, U+2026.
  static let horizontalEllipsis: UInt8 = 0xA6
  /// After ``punctuationLead`` and ``generalPunctuation``: line separator, U+2028.
  static let lineSeparator: UInt8 = 0xA8
  /// After ``punctuationLead`` and ``generalPunctuation``: paragraph separator, U+2029.
  static let paragraphSeparator: UInt8 = 0xA9
}

/// Scalar values outside ASCII that the segmenter compares decoded scalars with by name (its
/// tables of code points, in `CharacterClasses.swift`, list them by number, as Unicode does).
enum Scalar {
  /// `£`, U+00A3.
  static let poundSign: UInt32 = 0xA3
  /// `¥`, U+00A5.
  static let yenSign: UInt32 = 0xA5
  /// `–`, U+2013.
  static let enDash: UInt32 = 0x2013
  /// `—`, U+2014.
  static let emDash: UInt32 = 0x2014
  /// `€`, U+20AC.
  static let euroSign: UInt32 = 0x20AC
}

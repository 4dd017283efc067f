import Testing

@testable import ClaimModel

/// `collapsingWhitespace` goes scalar by scalar where it can; it must give what the walk by
/// characters gives (white space judged by a character's first scalar) for any text.
@Suite struct WhitespaceTests {
  /// Pieces that meet grapheme rules around white space: marks, joiners, modifiers, CR LF,
  /// prepended concatenation marks, non-ASCII spaces and controls.
  static let pieces: [String] = [
    "a", "Z", "word", ".", "“", "”", "—", "é", "e\u{301}", "\u{301}", "\u{20DD}", "\u{200D}", "\u{200C}", "\u{FE0F}",
    "👍", "\u{1F3FB}", "🇫🇷", "\u{0600}", "\u{06DD}", "\u{110BD}", "\u{0903}", "\u{0E33}", "ก", "한", "\u{1100}",
    " ", "  ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2003}", "\u{2028}",
    "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{1B}", "\u{7F}", "\u{9B}", "\u{200B}", "\u{2060}", "\u{FEFF}",
  ]

  @Test func matchesTheWalkByCharactersOnRandomText() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<20_000 {
      let length = Int.random(in: 0...12, using: &generator)
      let text = (0..<length).map { _ in Self.pieces.randomElement(using: &generator) ?? "" }.joined()
      #expect(text.collapsingWhitespace() == text.collapsingWhitespaceByCharacters(), "\(Array(text.unicodeScalars))")
    }
  }

  @Test func keepsTextThatNeedsNothingAndCollapsesTheRest() {
    #expect("The storm hit.".collapsingWhitespace() == "The storm hit.")
    #expect("  The  storm\n\thit “hard” —\u{A0}again ".collapsingWhitespace() == "The storm hit “hard” — again")
    // A combining mark on a space belongs to the space's character, which is white space.
    #expect("a \u{301}b".collapsingWhitespace() == "a b")
  }
}

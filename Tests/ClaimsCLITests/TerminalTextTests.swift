import ClaimModel
import Testing

@testable import ClaimsCLI

/// Lines made from bytes (`claims split`) are exactly what the `String` path makes, or declined.
@Suite struct TerminalTextTests {
  static let pieces: [String] = [
    "a", "Z", "word", "Mr.", "“", "”", "—", "é", "e\u{301}", "\u{301}", "\u{200D}", "👍", "\u{1F3FB}", "\u{0600}",
    "\u{06DD}", "\u{0903}", " ", "  ", "\t", "\n", "\r\n", "\u{0B}", "\u{85}", "\u{A0}", "\u{2003}", "\u{2028}",
    "\u{202E}", "\u{2067}", "\u{3000}", "\u{1B}", "\u{7F}", "\u{9B}", "\u{01}", "\u{1F}", "\u{200B}", "\u{FEFF}",
  ]

  func expected(_ text: String) -> String {
    TerminalText.sanitize(text.collapsingWhitespace()) + "\n"
  }

  func line(_ text: String) -> String? {
    var output: [UInt8] = Array("kept".utf8)
    let accepted = Array(text.utf8).withUnsafeBufferPointer { TerminalText.appendOneLine(utf8: $0, to: &output) }
    guard accepted else {
      #expect(output == Array("kept".utf8), "a declined line leaves the output as it was")
      return nil
    }
    #expect(output.starts(with: Array("kept".utf8)))
    return String(decoding: output.dropFirst(4), as: UTF8.self)
  }

  @Test func givesWhatTheStringPathGivesOrDeclines() {
    var generator = SystemRandomNumberGenerator()
    var accepted = 0
    for _ in 0..<20_000 {
      let length = Int.random(in: 0...10, using: &generator)
      let text = (0..<length).map { _ in Self.pieces.randomElement(using: &generator) ?? "" }.joined()
      if let made = line(text) {
        accepted += 1
        #expect(made == expected(text), "\(Array(text.unicodeScalars))")
      }
    }
    #expect(accepted > 1_000)
  }

  @Test func takesOrdinaryNewsTextItself() {
    for text in [
      "The storm hit the coast.", "  Officials said 40 homes\nwere   damaged. ", "“We will rebuild,” she said — again.",
      "Café owners\tcounted \u{1B}[31mlosses", "",
    ] {
      #expect(line(text) == expected(text), "\(text)")
    }
  }

  @Test func controlsAreFoundWithoutMissingAny() {
    for text in [
      "plain", "tab\there", "bidi \u{202E}mark", "sep\u{2028}x", "c1 \u{9B}", "del\u{7F}", "isolate\u{2068}",
    ] {
      let hasControl = text.unicodeScalars.contains { scalar in
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
          || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
      }
      #expect(TerminalText.mayHoldControls(text) == hasControl, "\(text)")
    }
  }
}

import Testing

@testable import ClaimsCLI

/// The review session's line editing (issue 17, point 8): what each key does, and how a raw
/// terminal's bytes decode into keys.
@Suite struct LineEditorTests {
  func typed(_ bytes: [UInt8]) -> String?? {
    var editor = LineEditor()
    for key in LineEditor.keys(in: bytes).keys {
      if let result = editor.apply(key) { return result }
    }
    return nil
  }

  func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

  @Test func cursorKeysMoveAndTypingInserts() {
    // "helo", Left, "l", End, "!" → "hello!"
    #expect(typed(bytes("helo\u{1B}[Dl\u{1B}[F!\r")) == .some("hello!"))
    // Home (Ctrl-A) then insert; End (Ctrl-E) then append; Right at the end does nothing.
    #expect(typed(bytes("bc\u{01}a\u{05}d\u{1B}[C\r")) == .some("abcd"))
    #expect(typed(bytes("ac\u{02}b\u{06}d\r")) == .some("abcd"))
  }

  @Test func backspaceDeleteAndKills() {
    #expect(typed(bytes("abcd\u{7F}\u{7F}x\r")) == .some("abx"))
    #expect(typed(bytes("abcd\u{08}\r")) == .some("abc"))
    #expect(typed(bytes("abcd\u{01}\u{1B}[3~\r")) == .some("bcd"))
    #expect(typed(bytes("one two\u{15}three\r")) == .some("three"))
    #expect(typed(bytes("one two  \u{17}\r")) == .some("one "))
    #expect(typed(bytes("one two\u{1B}[D\u{1B}[D\u{1B}[D\u{0B}\r")) == .some("one "))
    #expect(typed(bytes("\u{7F}\u{7F}ok\r")) == .some("ok"))
  }

  @Test func nonASCIIAndUnknownKeys() {
    #expect(typed(bytes("café\u{1B}[D\u{1B}[Ds\r")) == .some("casfé"))
    #expect(typed(bytes("a\u{1B}[15~\u{09}b\r")) == .some("ab"))
    #expect(LineEditor.keys(in: [0x04], lineIsEmpty: true).keys == [.cancel])
    #expect(LineEditor.keys(in: [0x04]).keys == [.delete])
    #expect(typed(bytes("\u{03}")) == .some(nil))
  }

  @Test func aKeyCutByAReadWaitsForItsOtherBytes() {
    let arrow = LineEditor.keys(in: [0x61, 0x1B, 0x5B])
    #expect(arrow.keys == [.character("a")])
    #expect(arrow.consumed == 1)
    let accent = LineEditor.keys(in: [0x63, 0xC3])
    #expect(accent.consumed == 1)
  }
}

import Segmentation
import Testing

/// `Segmenter.segments(ofUTF8:)`: the same segments as from a `String`, and nil for exactly the
/// byte sequences `String(validating:)` refuses.
@Suite struct UTF8InputTests {
  private func segments(ofBytes bytes: [UInt8]) -> [Segment]? {
    bytes.withUnsafeBufferPointer { Segmenter().segments(ofUTF8: $0) }
  }

  @Test func givesTheSegmentsOfTheSameText() {
    let text =
      "Bridge to reopen\n\nBy Ana Ruiz\n\nThe mayor said on Monday — in Zürich — that it would cost $4.5 million. "
      + "Dr. Smith disagreed. “Never,” she said… 東京は晴れ。Is it? Yes!\r\nA second paragraph\u{2029}and more."
    #expect(segments(ofBytes: Array(text.utf8)) == Segmenter().segments(of: text))
  }

  @Test func refusesWhatStringValidationRefuses() {
    let cases: [[UInt8]] = [
      [0x80], [0xC0, 0xAF], [0xC1, 0xBF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF0, 0x8F, 0xBF, 0xBF],
      [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xE2, 0x82], [0xF0, 0x9F, 0x98],
      [0xC3], Array("plain ASCII text that is long".utf8) + [0xE9], [0xED, 0x9F, 0xBF], [0xF4, 0x8F, 0xBF, 0xBF],
      [0xEF, 0xBF, 0xBF], [0xE0, 0xA0, 0x80], [0xF0, 0x90, 0x80, 0x80], [0xC2, 0x80],
    ]
    for bytes in cases {
      #expect((segments(ofBytes: bytes) != nil) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
    }
  }

  @Test func agreesWithStringValidationOnRandomBytes() {
    var generator = SeededGenerator(seed: 16)
    // Mostly ASCII with some multi-byte pieces and stray bytes, at every alignment.
    let pieces: [[UInt8]] = [
      Array("news text ".utf8), Array("é".utf8), Array("€".utf8), Array("😀".utf8), [0x80], [0xE2, 0x82], [0xED, 0xA0],
      [0xF4, 0x90], [0xC0], [0xFF], Array("ab".utf8),
    ]
    for _ in 0..<4_000 {
      var bytes: [UInt8] = []
      for _ in 0..<Int(generator.next() % 12) { bytes += pieces[Int(generator.next() % UInt64(pieces.count))] }
      let valid = String(validating: bytes, as: UTF8.self)
      let found = segments(ofBytes: bytes)
      #expect((found != nil) == (valid != nil), "\(bytes)")
      if let valid, let found { #expect(found == Segmenter().segments(of: valid)) }
    }
  }
}

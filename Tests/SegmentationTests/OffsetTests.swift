import Segmentation
import Testing

/// SplitMix64: a small, fast, seeded generator, so that every run tests the same inputs.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Whitespace for the property: Unicode's White_Space plus the zero-width spaces, checked with
/// the standard library rather than with the module's own tables.
func isTestSpace(_ scalar: Unicode.Scalar) -> Bool {
  scalar.properties.isWhitespace || scalar.value == 0x200B || scalar.value == 0x2060 || scalar.value == 0xFEFF
}

/// Checks every promise the segmenter makes about offsets, on any input.
func checkInvariants(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
  let segments = Segmenter().segments(of: text)
  let bytes = Array(text.utf8)
  let scalars = Array(text.unicodeScalars)
  // The UTF-8 offset where each scalar starts, plus the end.
  var scalarStarts: [Int] = []
  scalarStarts.reserveCapacity(scalars.count + 1)
  var offset = 0
  for scalar in scalars {
    scalarStarts.append(offset)
    offset += UTF8.width(scalar)
  }
  scalarStarts.append(offset)

  var covered = [Bool](repeating: false, count: scalars.count)
  var previousEnd = 0
  var previousScalarEnd = 0
  for segment in segments {
    let range = segment.utf8Range
    let scalarRange = segment.scalarRange
    #expect(!range.isEmpty && !scalarRange.isEmpty, "empty segment", sourceLocation: sourceLocation)
    #expect(range.lowerBound >= previousEnd, "segments overlap or are out of order", sourceLocation: sourceLocation)
    #expect(scalarRange.lowerBound >= previousScalarEnd, "scalar ranges out of order", sourceLocation: sourceLocation)
    #expect(range.upperBound <= bytes.count && scalarRange.upperBound <= scalars.count, sourceLocation: sourceLocation)
    guard !range.isEmpty, !scalarRange.isEmpty, range.upperBound <= bytes.count,
      scalarRange.upperBound <= scalars.count
    else { return }
    #expect(
      scalarStarts[scalarRange.lowerBound] == range.lowerBound
        && scalarStarts[scalarRange.upperBound] == range.upperBound,
      "UTF-8 and scalar ranges disagree, or a range cuts a scalar", sourceLocation: sourceLocation)
    let expected = String(String.UnicodeScalarView(scalars[scalarRange]))
    #expect(segment.text(in: text) == expected, sourceLocation: sourceLocation)
    #expect(
      !isTestSpace(scalars[scalarRange.lowerBound]), "segment starts with a space", sourceLocation: sourceLocation)
    #expect(
      !isTestSpace(scalars[scalarRange.upperBound - 1]), "segment ends with a space", sourceLocation: sourceLocation)
    for index in scalarRange { covered[index] = true }
    previousEnd = range.upperBound
    previousScalarEnd = scalarRange.upperBound
  }
  for (index, scalar) in scalars.enumerated() where !covered[index] && !isTestSpace(scalar) {
    Issue.record(
      "U+\(String(scalar.value, radix: 16)) at scalar \(index) lies in no segment", sourceLocation: sourceLocation)
    return
  }
}

@Suite("Exact offsets")
struct OffsetTests {
  @Test func textInSourceIsTheExactSpan() {
    let source = "  Café au lait costs €3.\n\nNaïve 👩‍👩‍👧 families paid. "
    let segments = Segmenter().segments(of: source)
    #expect(segments.map { $0.text(in: source) } == ["Café au lait costs €3.", "Naïve 👩‍👩‍👧 families paid."])
    #expect(segments.first?.utf8Range == 2..<27)
    #expect(segments.first?.scalarRange == 2..<24)
    checkInvariants(source)
  }

  @Test func textInClampsForeignOffsets() {
    let segment = Segment(utf8Range: 3..<99, scalarRange: 3..<99, kind: .sentence)
    #expect(segment.text(in: "short") == "rt")
  }

  @Test func normalizedTextCollapsesWhitespace() {
    let source = "The  council\r\n met\u{00A0}on\t\u{200B}Tuesday."
    let segment = Segmenter().segments(of: source)
    #expect(segment.map { $0.normalizedText(in: source) } == ["The council met on Tuesday."])
    #expect(Segment.normalizeWhitespace("  a \n\n b\u{200B}c ") == "a bc")
  }

  @Test func emptyAndBlankInputs() {
    #expect(Segmenter().segments(of: "").isEmpty)
    #expect(Segmenter().segments(of: " \n\t\r\n\u{00A0}\u{3000}\u{2029}").isEmpty)
  }

  @Test(arguments: [
    "\u{0}", "\u{0}.\u{0}. \u{0}", "\u{301}", " \u{301}. \u{301}A.", "...!?!?...", ".", "..", ". . . .", "?!",
    "“”‘’()[]", "👩‍👩‍👧‍👦. 🇵🇪! 👍🏽?", "שלום. مرحبا بالعالم. Hello.", "A.\u{301} B.", "。！？", "日本語。中文！",
    "1.", "1. 2. 3.", "a) b) c)", "(1)", "• • •", "Mr.", "U.S.", "St. ", "\r\r\n\n\r", "\u{2028}\u{2029}\u{85}",
    "x\u{FEFF}.\u{200B}Y", "[...]", "“Why?”", "WASHINGTON —", "—", "( . )", "e.g.", "5 p.m.", "$.", "N°.",
  ])
  func adversarialInputs(_ text: String) {
    checkInvariants(text)
  }

  @Test func veryLongLines() {
    checkInvariants(String(repeating: "a", count: 1 << 20))
    checkInvariants(String(repeating: "a.", count: 1 << 19))
    checkInvariants(String(repeating: "Mr. ", count: 1 << 17))
    checkInvariants(String(repeating: "word ", count: 1 << 18) + ".")
    checkInvariants(String(repeating: ". ", count: 1 << 18))
    checkInvariants(String(repeating: "1. ", count: 1 << 17))
    checkInvariants(String(repeating: "\u{301}", count: 1 << 16))
  }

  @Test func allPunctuation() {
    let punctuation = Array("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~…“”‘’«»—–•·")
    var generator = SeededGenerator(seed: 7)
    for _ in 0..<200 {
      let length = Int.random(in: 1...60, using: &generator)
      let text = String((0..<length).map { _ in punctuation[Int.random(in: 0..<punctuation.count, using: &generator)] })
      checkInvariants(text)
    }
  }

  @Test func randomUnicodeText() {
    let pieces: [String] = [
      "a", "b", "Z", "Q", "é", "ß", "1", "7", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", ".", "!", "?", ",", ";",
      ":", "\"", "'", "(", ")", "[", "]", "“", "”", "‘", "’", "…", "...", ". . .", "—", "–", "-", "•", "⁃", "\u{0}",
      "\u{301}", "\u{308}", "\u{200D}", "\u{200B}", "\u{FEFF}", "\u{00A0}", "\u{202F}", "\u{3000}", "\u{2028}",
      "\u{2029}", "\u{85}", "👩‍💻", "🏳️‍🌈", "🇵🇪", "👍🏽", "שלום", "مرحبا", "\u{202E}", "日本", "。", "！", "？", "Mr.", "Dr.",
      "U.S.", "a.m.", "p.m.", "etc.", "e.g.", "No.", "St.", "Inc.", "J.", "I.", "1.", "2)", "(3)", "a.", "b)",
      "$1.5", "3.14", "1,000", "50%", "https://x.example/a?b=c", "me@example.com", "file.txt", "WASHINGTON (AP) —",
      "[Photo: X]", "English", "Loading", "The", "He", "said", "she asked", "[...]", "N°", "Yahoo!",
    ]
    var generator = SeededGenerator(seed: 0x5E6_0123)
    for _ in 0..<3000 {
      let count = Int.random(in: 0...80, using: &generator)
      var text = ""
      for _ in 0..<count {
        text += pieces[Int.random(in: 0..<pieces.count, using: &generator)]
        if Bool.random(using: &generator) { text += " " }
      }
      checkInvariants(text)
    }
  }

  @Test func randomScalars() {
    var generator = SeededGenerator(seed: 42)
    for _ in 0..<1000 {
      let count = Int.random(in: 0...120, using: &generator)
      var scalars = String.UnicodeScalarView()
      for _ in 0..<count {
        let roll = Int.random(in: 0..<10, using: &generator)
        let value: UInt32
        switch roll {
        case 0...4: value = UInt32.random(in: 0...0x7F, using: &generator)
        case 5...6: value = UInt32.random(in: 0x80...0x7FF, using: &generator)
        case 7...8: value = UInt32.random(in: 0x800...0xFFFF, using: &generator)
        default: value = UInt32.random(in: 0x10000...0x10FFFF, using: &generator)
        }
        if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
      }
      checkInvariants(String(scalars))
    }
  }
}

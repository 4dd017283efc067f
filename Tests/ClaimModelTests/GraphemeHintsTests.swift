import ClaimModel
import Testing

/// The ranges `GraphemeHints` answers without the property tables hold nothing the tables would
/// have answered yes for.
@Suite struct GraphemeHintsTests {
  @Test func answersCommonNonASCIIAsTheTablesDo() {
    let ranges: [ClosedRange<UInt32>] = [
      0x00A1...0x00AC, 0x00AE...0x02FF, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0,
    ]
    for range in ranges {
      for value in range {
        guard let scalar = Unicode.Scalar(value) else { continue }
        let properties = scalar.properties
        let tables =
          [.nonspacingMark, .spacingMark, .enclosingMark, .format].contains(properties.generalCategory)
          || properties.isGraphemeExtend || properties.isEmojiModifier
        #expect(!tables, "U+\(String(value, radix: 16))")
        #expect(!GraphemeHints.mayJoinPrevious(scalar))
        #expect(!GraphemeHints.mayPrepend(scalar))
      }
    }
    // Outside them the tables still answer: a combining mark, a joiner, the soft hyphen.
    for value: UInt32 in [0x0301, 0x200D, 0x00AD] {
      #expect(Unicode.Scalar(value).map(GraphemeHints.mayJoinPrevious) == true)
    }
  }
}

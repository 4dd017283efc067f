import ClaimModel
import Evidence
import Foundation
import Testing

@Suite struct QuoteLocatorTests {
  static let page = """
    County damage report

    The county said on Monday that twelve homes were damaged by the storm.

    “We counted 12 homes with structural damage,” the chief inspector said. Repairs will take months.
    """

  private func anchor(_ outcome: QuoteLocator.Outcome) -> QuoteAnchor? {
    if case .found(let anchor) = outcome { return anchor }
    return nil
  }

  @Test func findsTheQuoteWithItsContextAndPositionInScalars() throws {
    let found = try #require(anchor(QuoteLocator.locate("twelve homes were damaged", in: Self.page)))
    let scalars = Array(Self.page.unicodeScalars)
    var text = ""
    text.unicodeScalars.append(contentsOf: scalars[found.start..<found.end])
    #expect(text == "twelve homes were damaged")
    #expect(found.selector.exact == "twelve homes were damaged")
    // 32 scalars of context on each side.
    #expect(found.selector.prefix == "\nThe county said on Monday that ")
    #expect(found.selector.suffix == " by the storm.\n\n“We counted 12 h")
    #expect(QuoteLocator.holds(found, in: scalars))
  }

  @Test func spacingLineBreaksAndTypographicQuotesAreNotDifferences() throws {
    let typed = "\"We counted 12 homes   with\nstructural damage,\"  the chief"
    let found = try #require(anchor(QuoteLocator.locate(typed, in: Self.page)))
    // The selector holds the page's own text, curly quotes and all.
    #expect(found.selector.exact == "“We counted 12 homes with structural damage,” the chief")
    let noBreakSpaces = "twelve\u{00A0}homes were\u{00AD} damaged"
    #expect(anchor(QuoteLocator.locate(noBreakSpaces, in: Self.page)) != nil)
  }

  @Test func aChangedWordNumberOrCaseIsADifferenceAndTheNearestPassageIsGiven() {
    for quote in ["We counted 14 homes with structural damage", "we counted 12 homes with structural damage"] {
      guard case .absent(let nearest?) = QuoteLocator.locate(quote, in: Self.page) else {
        Issue.record("'\(quote)' was found or had no nearest passage")
        continue
      }
      #expect(nearest.text == "We counted 12 homes with structural damage")
      #expect(nearest.quoteWords == 7)
    }
    guard case .absent(let nothing) = QuoteLocator.locate("zebras and giraffes", in: Self.page) else {
      Issue.record("found a quote that is not there")
      return
    }
    #expect(nothing == nil)
  }

  @Test func anEmptyQuoteIsNeverFound() {
    #expect(QuoteLocator.locate("  \n ", in: Self.page) == .absent(nearest: nil))
  }

  @Test func ofSeveralOccurrencesTheOneInTheOldContextIsChosen() throws {
    let text = "First, prices rose. Then nothing. Later, in March, prices rose. The end."
    let scalars = Array(text.unicodeScalars)
    let old = QuoteAnchor(
      selector: QuoteSelector(exact: "prices rose", prefix: "Later, in March, ", suffix: ". The end."), start: 0,
      end: 0)
    let found = try #require(anchor(QuoteLocator.locate("prices rose", in: text, near: old)))
    var prefix = ""
    prefix.unicodeScalars.append(contentsOf: scalars[(found.start - 17)..<found.start])
    #expect(prefix == "Later, in March, ")
    // Without an old place, the first.
    let first = try #require(anchor(QuoteLocator.locate("prices rose", in: text)))
    #expect(first.start == 7)
  }

  @Test func anAnchorNoLongerHoldsWhenTheTextAtItsPlaceChanged() throws {
    let found = try #require(anchor(QuoteLocator.locate("twelve homes", in: Self.page)))
    let changed = Self.page.replacingOccurrences(of: "twelve homes", with: "twenty homes")
    #expect(!QuoteLocator.holds(found, in: Array(changed.unicodeScalars)))
    let outOfRange = QuoteAnchor(selector: found.selector, start: 10_000, end: 10_012)
    #expect(!QuoteLocator.holds(outOfRange, in: Array(Self.page.unicodeScalars)))
    // The byte walk over UTF-8 gives the same answers as the scalars, past non-ASCII text.
    let quoted = try #require(anchor(QuoteLocator.locate("structural damage,” the chief", in: Self.page)))
    #expect(QuoteLocator.holds(quoted, inUTF8: Array(Self.page.utf8)))
    #expect(QuoteLocator.holds(found, inUTF8: Array(Self.page.utf8)))
    #expect(!QuoteLocator.holds(found, inUTF8: Array(changed.utf8)))
    #expect(!QuoteLocator.holds(outOfRange, inUTF8: Array(Self.page.utf8)))
    let atEnd = try #require(anchor(QuoteLocator.locate("Repairs will take months.", in: Self.page)))
    #expect(atEnd.end == Self.page.unicodeScalars.count)
    #expect(QuoteLocator.holds(atEnd, inUTF8: Array(Self.page.utf8)))
  }
}

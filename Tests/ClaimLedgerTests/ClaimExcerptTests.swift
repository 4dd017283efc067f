import Testing

@testable import ClaimLedger

/// The excerpts an ambiguity error quotes (issue 17, point 11): one pair of quotation marks, and an
/// ellipsis only where text was cut.
@Suite struct ClaimExcerptTests {
  @Test func excerptsDropOpeningQuotesAndMarkOnlyACut() {
    #expect(LedgerSnapshot.excerpt("\"A rating of 5 is high,\" he said.") == "A rating of 5 is high,\" he said.")
    #expect(LedgerSnapshot.excerpt("“Short.”") == "Short.”")
    let long = String(repeating: "word ", count: 20)
    #expect(LedgerSnapshot.excerpt(long) == String(long.prefix(40)) + "…")
  }
}

import Segmentation
import Testing

@Suite("Abbreviations")
struct AbbreviationTests {
  @Test func titlesBeforeNamesDoNotEndSentences() {
    #expect(
      split("Mr. Alvarez met Dr. Okafor and Gen. Hale on Monday. They talked for an hour.") == [
        "Mr. Alvarez met Dr. Okafor and Gen. Hale on Monday.", "They talked for an hour.",
      ])
    #expect(
      split("Lt. Col. Priya Nair briefed Sen. Whitaker, Rep. Mendes and Gov. Tran.") == [
        "Lt. Col. Priya Nair briefed Sen. Whitaker, Rep. Mendes and Gov. Tran."
      ])
    #expect(split("Prof. Lindqvist and Mrs. Ahn spoke first.") == ["Prof. Lindqvist and Mrs. Ahn spoke first."])
  }

  @Test func monthsBeforeDatesDoNotEndSentences() {
    #expect(
      split("The vote was set for Jan. 14 and moved to Sept. 3. Nobody objected.") == [
        "The vote was set for Jan. 14 and moved to Sept. 3.", "Nobody objected.",
      ])
    #expect(
      split("Filed on Dec. 2, the claim was denied in Feb. 2021.") == [
        "Filed on Dec. 2, the claim was denied in Feb. 2021."
      ])
  }

  @Test func companyAbbreviationsInsideASentence() {
    #expect(
      split("Shares of Northwind Inc. rose while Contoso Corp. fell and Fabrikam Co. held steady.") == [
        "Shares of Northwind Inc. rose while Contoso Corp. fell and Fabrikam Co. held steady."
      ])
    #expect(split("Tailspin Ltd. (LSE: TSP) reported a loss.") == ["Tailspin Ltd. (LSE: TSP) reported a loss."])
  }

  @Test func companyAbbreviationEndingASentence() {
    #expect(
      split("The contract went to Fabrikam Ltd. The board approved it on Friday.") == [
        "The contract went to Fabrikam Ltd.", "The board approved it on Friday.",
      ])
    #expect(
      split("Ask Omar and co. They were there.") == ["Ask Omar and co.", "They were there."])
  }

  @Test func numberSignsAndPages() {
    #expect(
      split("The memo, filed as No. 7 and quoted on p. 12, was genuine.") == [
        "The memo, filed as No. 7 and quoted on p. 12, was genuine."
      ])
    #expect(
      split("Was it approved? The answer was no. Then came the appeal.") == [
        "Was it approved?", "The answer was no.", "Then came the appeal.",
      ])
  }

  @Test func streetAbbreviation() {
    #expect(split("She lives on Baker St. near the station.") == ["She lives on Baker St. near the station."])
    #expect(
      split("The family moved to Baker St. The next year they left.") == [
        "The family moved to Baker St.", "The next year they left.",
      ])
    #expect(split("They flew to St. Louis on Sunday.") == ["They flew to St. Louis on Sunday."])
  }

  @Test func latinAbbreviations() {
    #expect(split("It was Smith vs. Jones in the final.") == ["It was Smith vs. Jones in the final."])
    #expect(
      split("Bring staples, e.g. rice, and fuel, i.e. gas, to the camp.") == [
        "Bring staples, e.g. rice, and fuel, i.e. gas, to the camp."
      ])
    #expect(
      split("They sold chairs, tables, etc. The rest went to charity.") == [
        "They sold chairs, tables, etc.", "The rest went to charity.",
      ])
  }

  @Test func countryAndOrganisationInitialisms() {
    #expect(
      split("The U.S. and the U.K. raised it at the U.N. in New York.") == [
        "The U.S. and the U.K. raised it at the U.N. in New York."
      ])
    #expect(split("A U.S. Army spokesman declined to comment.") == ["A U.S. Army spokesman declined to comment."])
    #expect(
      split("Troops stayed in the U.S. Then they flew home.") == ["Troops stayed in the U.S.", "Then they flew home."])
    #expect(
      split("He grew up in the U.K. His sister did not.") == ["He grew up in the U.K.", "His sister did not."])
    #expect(split("Talks moved to Washington, D.C. (the capital) last week.").count == 1)
    #expect(split("He flew to N.Y. (AP) reported it first.").count == 1)
    #expect(split("He flew to the U.A.E. “It was hot,” he said.").count == 2)
  }

  @Test func personalInitials() {
    #expect(
      split("The Hobbit by J. R. R. Tolkien appeared in 1937.") == ["The Hobbit by J. R. R. Tolkien appeared in 1937."])
    #expect(
      split("Frances E. Willard led the group. It grew quickly.") == [
        "Frances E. Willard led the group.", "It grew quickly.",
      ])
    #expect(
      split("It was just you and I. Then the others came.") == ["It was just you and I.", "Then the others came."])
  }

  @Test func capitalisedLowercaseStatesAreOrdinaryWords() {
    #expect(split("He fell ill. Doctors were called.") == ["He fell ill.", "Doctors were called."])
    #expect(split("The firm is based in Springfield, Ill. near the river.").count == 1)
  }

  @Test func titlesAfterAHyphen() {
    #expect(
      split("Then-Sen. Obama spoke first. Ex-Gov. Ruiz followed.") == [
        "Then-Sen. Obama spoke first.", "Ex-Gov. Ruiz followed.",
      ])
  }

  @Test func monthWithoutADayEndsTheSentence() {
    #expect(
      split("The board meets in Oct. Shareholders vote later.") == [
        "The board meets in Oct.", "Shareholders vote later.",
      ])
  }

  @Test func placeAbbreviations() {
    #expect(
      split("The ship sailed from Pt. Reyes and docked near Mt. Hood Ave.") == [
        "The ship sailed from Pt. Reyes and docked near Mt. Hood Ave."
      ])
  }
}

import Segmentation
import Testing

@Suite("Line breaks, spaces and datelines")
struct LayoutTests {
  @Test func blankLinesAreHardBoundaries() {
    #expect(
      split("a paragraph without a period\n\nand a second one") == [
        "a paragraph without a period", "and a second one",
      ])
    #expect(split("Ends with Mr.\n\nSmith starts here.") == ["Ends with Mr.", "Smith starts here."])
  }

  @Test func hardWrappedParagraphKeepsSentencesWhole() {
    let text = """
      The council met on Tuesday to review the budget for the coming
      year. Members questioned the cost of the new bridge, which
      Mayor Ortega has defended since the spring. The vote was delayed
      until March because two members were absent.
      """
    #expect(
      classify(text) == [
        Classified("The council met on Tuesday to review the budget for the coming year.", .sentence),
        Classified(
          "Members questioned the cost of the new bridge, which Mayor Ortega has defended since the spring.",
          .sentence),
        Classified("The vote was delayed until March because two members were absent.", .sentence),
      ])
  }

  @Test func headlineAboveAParagraphWithoutABlankLine() {
    let text = """
      Bridge vote delayed again
      The council met on Tuesday to review the budget for the coming
      year. The vote was delayed until March.
      """
    #expect(
      classify(text) == [
        Classified("Bridge vote delayed again", .headline),
        Classified("The council met on Tuesday to review the budget for the coming year.", .sentence),
        Classified("The vote was delayed until March.", .sentence),
      ])
  }

  @Test func longHeadlineAboveAWrappedParagraph() {
    let text = """
      Regional council postpones the vote on the new river bridge for a third time this year
      The council met on Tuesday to review the budget for the coming
      year and the plans for the bridge, which Mayor Ortega defends.
      Members asked for a new estimate of the cost of the project and
      of its upkeep.
      """
    let kinds = classify(text).map(\.kind)
    #expect(kinds == [.headline, .sentence, .sentence])
  }

  @Test func oneParagraphPerLine() {
    let text = """
      Officials said the fire began at noon in a storage room on the ground floor, then spread quickly.
      Within an hour it had reached the roof of the building owned by Acme Corp.
      Firefighters arrived soon after and kept it from the houses next door.
      """
    #expect(
      split(text) == [
        "Officials said the fire began at noon in a storage room on the ground floor, then spread quickly.",
        "Within an hour it had reached the roof of the building owned by Acme Corp.",
        "Firefighters arrived soon after and kept it from the houses next door.",
      ])
    #expect(split("Short lines.\nLike these.\nNobody wraps at Acme Corp.\nThis width.").count == 4)
  }

  @Test func lineEndingInAFunctionWordContinues() {
    #expect(
      split("A report by the\nMinistry of Health was released.") == [
        "A report by the\nMinistry of Health was released."
      ])
  }

  @Test func crlfAndCRLineEnds() {
    let text = "The first line ends here.\r\nThe second one follows.\r\n\r\nA new paragraph\r\nstarts and wraps.\r"
    #expect(
      split(text) == [
        "The first line ends here.", "The second one follows.", "A new paragraph\r\nstarts and wraps.",
      ])
    #expect(split("Old Mac files.\rThey used CR alone.") == ["Old Mac files.", "They used CR alone."])
    #expect(
      Segmenter().segments(of: "A new paragraph\r\nstarts and wraps.").first?.normalizedText(
        in: "A new paragraph\r\nstarts and wraps.") == "A new paragraph starts and wraps.")
  }

  @Test func unicodeSpaces() {
    #expect(split("It rained.\u{00A0}Roads flooded.") == ["It rained.", "Roads flooded."])
    #expect(
      split("Mr.\u{00A0}Ruiz arrived at 5\u{202F}p.m. on Monday.") == [
        "Mr.\u{00A0}Ruiz arrived at 5\u{202F}p.m. on Monday."
      ])
    #expect(
      split("\u{3000}Tabs\tand thin\u{2009}spaces.\u{2003}Then more.\u{200B}") == [
        "Tabs\tand thin\u{2009}spaces.", "Then more.",
      ])
    #expect(split("\u{FEFF}English") == ["English"])
    #expect(split("One.\u{2028}Two.\u{2029}Three") == ["One.", "Two.", "Three"])
  }

  @Test func datelines() {
    #expect(
      split("WASHINGTON (AP) — The Senate passed the bill on Tuesday. It now goes to the House.") == [
        "WASHINGTON (AP) — The Senate passed the bill on Tuesday.", "It now goes to the House.",
      ])
    #expect(
      split("ST. LOUIS (AP) — Officials said the river had crested.") == [
        "ST. LOUIS (AP) — Officials said the river had crested."
      ])
    #expect(split("ST. PAUL, Minn. (Reuters) - Protesters marched downtown.").count == 1)
    #expect(split("LIMA, Peru, Sept. 15 (AFP) -- Talks resumed.").count == 1)
    #expect(
      split("WASHINGTON (AP) —\nThe Senate passed the bill.") == ["WASHINGTON (AP) —\nThe Senate passed the bill."])
  }

  @Test func abbreviationAtTheEndOfAWrappedLine() {
    let text = """
      The judge gave the parties until Nov.
      30. The defence asked for more time, and the court agreed to hear the
      request on Monday.
      """
    #expect(
      classify(text).map(\.text) == [
        "The judge gave the parties until Nov. 30.",
        "The defence asked for more time, and the court agreed to hear the request on Monday.",
      ])
  }

  @Test func numberAtTheStartOfAWrappedLineIsNotAListItem() {
    let text = """
      The team, which had been written off by every pundit in the league, finished in the top
      10. They were pleased with the result and said so at length to the reporters.
      """
    #expect(split(text).count == 2)
    #expect(split(text).first?.hasSuffix("top\n10.") == true)
  }

  @Test func datelineBeforeAFrontedTimePhrase() {
    #expect(split("WASHINGTON (AP) — At 5 a.m. Mr. Reyes left the house.").count == 1)
  }

  @Test func asciiDashAtTheStartOfAWrappedLine() {
    let text = """
      The minister, who had led the ministry through two elections and a strike
      - and who denied any wrongdoing - resigned on Friday after the audit was
      published.
      """
    #expect(split(text).count == 1)
  }
}

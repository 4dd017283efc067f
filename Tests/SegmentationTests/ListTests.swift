import Segmentation
import Testing

@Suite("Numbered and lettered lists")
struct ListTests {
  @Test func inlineNumberedItemsWithoutPunctuation() {
    #expect(
      split("1. Gather the records 2. Compare the figures 3. Publish") == [
        "1. Gather the records", "2. Compare the figures", "3. Publish",
      ])
  }

  @Test func inlineItemsInOtherStyles() {
    #expect(split("1) Call the agency 2) Ask for the file") == ["1) Call the agency", "2) Ask for the file"])
    #expect(split("(1) one witness (2) two witnesses") == ["(1) one witness", "(2) two witnesses"])
    #expect(split("a) the mayor b) the council") == ["a) the mayor", "b) the council"])
    #expect(split("a. Read it. b. Check it.") == ["a. Read it.", "b. Check it."])
  }

  @Test func numbersInProseAreNotAList() {
    #expect(split("He finished 2. Then he retired.") == ["He finished 2.", "Then he retired."])
  }

  @Test func itemsOnTheirOwnLines() {
    #expect(
      classify("Steps to verify:\n- find the original\n- call the source\n• archive the page") == [
        Classified("Steps to verify:", .sentence), Classified("- find the original", .sentence),
        Classified("- call the source", .sentence), Classified("• archive the page", .sentence),
      ])
    #expect(
      split("1. Check the date.\n2. Check the name\n3. Check the place") == [
        "1. Check the date.", "2. Check the name", "3. Check the place",
      ])
  }

  @Test func bulletsInline() {
    #expect(split("• first point • second point") == ["• first point", "• second point"])
  }
}

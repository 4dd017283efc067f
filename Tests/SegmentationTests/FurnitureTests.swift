import Segmentation
import Testing

@Suite("Bylines and furniture")
struct FurnitureTests {
  @Test(arguments: [
    "By Jane Whitaker, Staff Reporter", "By Jane Whitaker", "BY JANE WHITAKER AND TOM ROE, Associated Press",
    "By The Associated Press", "By Ana María de la Cruz | The Courier", "By Jane Whitaker & Tom Roe",
    "By Jane Whitaker - Staff Reporter", "by Jane Whitaker, staff reporter", "By J. R. Whitaker, Courier Staff",
  ])
  func bylinesAreNotClaims(_ line: String) {
    #expect(
      classify("Storm hits coast\n\n\(line)\n\nThe storm reached the coast on Monday.") == [
        Classified("Storm hits coast", .headline),
        Classified(line.split(separator: " ").joined(separator: " "), .byline),
        Classified("The storm reached the coast on Monday.", .sentence),
      ])
  }

  @Test(arguments: [
    "By Monday, the storm had passed.", "By Monday the roads were open", "By then the water had risen",
    "By the Numbers: Who Paid for the Bridge", "By 2030 the city will need new schools",
    "By contrast, the county spent less.", "By Jane Whitaker's count, 40 homes were damaged.",
    "by the river",
    "By Land and Sea: A History of the Port of Whitby and Its Forty Fishing Families Across Two Centuries of Change",
  ])
  func proseOpeningWithByStaysProse(_ line: String) {
    #expect(!classify(line).contains { $0.kind == .byline })
  }

  @Test func contactLinesAreBylines() {
    #expect(
      classify(
        "Officials said 40 homes were damaged. Jane Whitaker can be reached at jane@courier.example or 555-0100."
      ).map(\.kind) == [.sentence, .byline])
    #expect(classify("Reach the reporter: she can be contacted at tips@courier.example.").map(\.kind) == [.byline])
    #expect(classify("Tom Roe may be emailed at tom@courier.example.").map(\.kind) == [.byline])
    #expect(classify("She can be reached by email at tips@courier.example.").map(\.kind) == [.byline])
    #expect(classify("Tom Roe can be reached at 555-010-0100.").map(\.kind) == [.byline])
    #expect(classify("The summit can be reached by a narrow path.").map(\.kind) == [.sentence])
    #expect(classify("The summit can be reached at dawn.").map(\.kind) == [.sentence])
    #expect(classify("No agreement could be reached on Monday.").map(\.kind) == [.sentence])
    #expect(classify("The mayor said a deal will be reached soon.").map(\.kind) == [.sentence])
  }

  @Test(arguments: 0..<10)
  func contactLinesAreFoundWhereverTheyFallInTheText(padding: Int) {
    let name = "Jane" + String(repeating: "b", count: padding)
    #expect(classify("\(name) can be reached at jane@courier.example.").map(\.kind) == [.byline])
    #expect(classify("\(name) can be reached by bus from the station.").map(\.kind) == [.sentence])
  }

  @Test func ownershipNoticesAreBoilerplate() {
    #expect(
      classify("Schools reopen on Thursday.\n\nCopyright 2025 The Courier. All rights reserved.").map(\.kind) == [
        .sentence, .boilerplate, .boilerplate,
      ])
    #expect(classify("© 2025 The Courier").map(\.kind) == [.boilerplate])
    #expect(classify("Copyright © The Courier").map(\.kind) == [.boilerplate])
    #expect(classify("(c) 2025 Courier Media Group").map(\.kind) == [.boilerplate])
    #expect(classify("All rights reserved.").map(\.kind) == [.boilerplate])
    #expect(classify("ALL RIGHTS RESERVED").map(\.kind) == [.boilerplate])
  }

  @Test func proseAboutCopyrightStaysProse() {
    #expect(classify("Copyright law changed in 2025.").map(\.kind) == [.sentence])
    #expect(classify("Copyright holders sued the city.").map(\.kind) == [.sentence])
    #expect(classify("All rights reserved for members were kept.").map(\.kind) == [.sentence])
    #expect(classify("(c) the council votes again.").map(\.kind) == [.sentence])
  }

  @Test func furnitureIsNotCheckable() {
    #expect(!SegmentKind.byline.isCheckable)
    #expect(!SegmentKind.boilerplate.isCheckable)
  }
}

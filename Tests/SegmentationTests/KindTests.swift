import Segmentation
import Testing

@Suite("Kinds of segments")
struct KindTests {
  @Test(arguments: [
    "English", "Español", "Français", "Loading", "Loading...", "Loading…", "Share this", "SHARE", "Advertisement",
    "Read more", "Subscribe", "Sign up", "Skip to content", "  Share   this  ",
  ])
  func boilerplateLines(_ line: String) {
    #expect(
      classify("Real text comes first.\n\n\(line)\n\nAnd more after.").map(\.kind) == [
        .sentence, .boilerplate, .sentence,
      ])
  }

  @Test func wordsOfBoilerplateInsideProseAreProse() {
    #expect(classify("English is spoken here.").map(\.kind) == [.sentence])
    #expect(classify("Share prices fell.").map(\.kind) == [.sentence])
    #expect(classify("Loading the trucks took hours").map(\.kind) == [.headline])
  }

  @Test func boilerplateLineBetweenLinesOfABlock() {
    #expect(classify("English\nPrices rose in May.").map(\.kind) == [.boilerplate, .sentence])
  }

  @Test func photoCaptions() {
    #expect(classify("Rescuers search the rubble in Izmir [Photo: Reuters]").map(\.kind) == [.caption])
    #expect(classify("Voters queue outside a school. (AP Photo/Jane Doe)").map(\.kind) == [.caption])
    #expect(classify("The mayor speaks in March (Image: City Hall)").map(\.kind) == [.caption])
    #expect(classify("He visited the plant (and the mine).").map(\.kind) == [.sentence])
    #expect(classify("Photo: Jane Doe/AP").map(\.kind) == [.caption])
    #expect(classify("Photographers waited: nobody came.").map(\.kind) == [.sentence])
  }

  @Test func headlines() {
    #expect(
      classify("Floods hit northern towns\n\nRain fell for three days.") == [
        Classified("Floods hit northern towns", .headline), Classified("Rain fell for three days.", .sentence),
      ])
    #expect(classify("Who Paid for the Bridge?").map(\.kind) == [.headline])
    #expect(classify("Who paid for the bridge?").map(\.kind) == [.sentence])
    #expect(classify("Here is what we know:").map(\.kind) == [.sentence])
    #expect(classify("1. Check the source").map(\.kind) == [.sentence])
  }

  @Test func checkableKinds() {
    #expect(SegmentKind.allCases.filter(\.isCheckable) == [.headline, .sentence])
  }
}

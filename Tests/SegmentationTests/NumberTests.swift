import Segmentation
import Testing

@Suite("Numbers, money and times")
struct NumberTests {
  @Test func decimalsAndThousands() {
    #expect(
      split("Inflation hit 3.4 percent in March, up from 2.9. Rents rose by 1,250 pesos.") == [
        "Inflation hit 3.4 percent in March, up from 2.9.", "Rents rose by 1,250 pesos.",
      ])
    #expect(split("The count was 1.000.000 in the old notation.").count == 1)
  }

  @Test func currencyAndPercentages() {
    #expect(
      split("The fund lost $4.5 billion, or 12.5%, in 2023. Its rival gained €1,200.75.") == [
        "The fund lost $4.5 billion, or 12.5%, in 2023.", "Its rival gained €1,200.75.",
      ])
    #expect(split("Tickets cost £12.50. Children paid less.") == ["Tickets cost £12.50.", "Children paid less."])
  }

  @Test func numberEndingASentenceBeforeANumber() {
    #expect(split("The vote was 5 to 4. 3 judges dissented in part.").count == 2)
  }

  @Test func timesInsideASentence() {
    #expect(split("Polls close at 8 p.m. on Tuesday.") == ["Polls close at 8 p.m. on Tuesday."])
    #expect(split("Doors open at 6:30 p.m. Friday and close at 11 P.M. Saturday.").count == 1)
    #expect(split("The blast came at 4 a.m. EST on a quiet street.").count == 1)
    #expect(split("The blast came at 4 a.m. (EST) on a quiet street.").count == 1)
  }

  @Test func timeEndingASentence() {
    #expect(
      split("The rally began at 7 a.m. Crews had been setting up since dawn.") == [
        "The rally began at 7 a.m.", "Crews had been setting up since dawn.",
      ])
    #expect(
      split("He left the office at 6 P.M. Mr. Reyes then drove home.") == [
        "He left the office at 6 P.M.", "Mr. Reyes then drove home.",
      ])
  }

  @Test func frontedTimePhraseIsNotASentence() {
    #expect(split("By 9 a.m. Officer Diaz had closed the road.") == ["By 9 a.m. Officer Diaz had closed the road."])
  }
}

import Segmentation
import Testing

@Suite("URLs, e-mail addresses and file names")
struct AddressTests {
  @Test func urlWithQueryString() {
    #expect(
      split("Read the report at https://example.org/reports/2024?id=17&lang=en before Friday. It is long.") == [
        "Read the report at https://example.org/reports/2024?id=17&lang=en before Friday.", "It is long.",
      ])
    #expect(
      split("See www.example.net/faq?topic=tax! It helps.") == ["See www.example.net/faq?topic=tax!", "It helps."])
  }

  @Test func urlEndingASentence() {
    #expect(
      split("The data is at https://data.example.gov/v2/set.csv. Download it.") == [
        "The data is at https://data.example.gov/v2/set.csv.", "Download it.",
      ])
  }

  @Test func emailAddress() {
    #expect(
      split("Send tips to news.desk@example.com. We read every one.") == [
        "Send tips to news.desk@example.com.", "We read every one.",
      ])
  }

  @Test func fileNames() {
    #expect(
      split("The file budget_2024.xlsx was leaked. It showed cuts.") == [
        "The file budget_2024.xlsx was leaked.", "It showed cuts.",
      ])
    #expect(split("Open report.final.pdf and notes.txt first.").count == 1)
  }
}

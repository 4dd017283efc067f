import Stemming
import Testing

@Suite struct StemmerTests {
  @Test func stemsEnglishAndOtherLanguages() throws {
    let english = try #require(Stemmer(language: "english"))
    #expect(english.stem("running") == "run")
    #expect(english.stem("generously") == "generous")
    #expect(try #require(Stemmer(language: "de")).stem("häuser") == "haus")
    #expect(try #require(Stemmer(language: "EN")).language == "english")
  }

  @Test func unknownLanguagesAreNil() {
    #expect(Stemmer(language: "klingon") == nil)
    #expect(Stemmer(language: "") == nil)
    #expect(Stemmer(language: "en\u{0}x") == nil)
  }

  @Test func listsTheAvailableLanguages() {
    let languages = Stemmer.availableLanguages
    #expect(languages.contains("english"))
    #expect(languages.contains("french"))
  }
}

import Testing

@testable import ClaimMatching

@Suite struct SocialTextTests {
  @Test func anEmbeddedTweetsSignatureIsCutAndItsAuthorKept() {
    let text = SocialText(
      "Iran could threaten Trump hotels *worldwide*. — Ilhan Omar (@IlhanMN) January 6, 2020")
    #expect(text.body == "Iran could threaten Trump hotels *worldwide*.")
    #expect(text.author == "Ilhan Omar")
    #expect(text.combined == "Iran could threaten Trump hotels *worldwide*. Ilhan Omar")
  }

  @Test func aSignatureWithoutDateOrWithEmojiInTheNameIsCutToo() {
    #expect(SocialText("Minecraft is NOT stopping — Helen Z 🔜 #PAXSouth (@HelenAngel)").author == "Helen Z PAX South")
    let plain = SocialText("A dash — in the middle of a sentence (@handle) is not a signature at all, said nobody")
    #expect(plain.author == nil)
  }

  @Test func linksAreRemovedAlsoWhenGluedToAHashtag() {
    #expect(SocialText("Look https://t.co/abc123 here").body == "Look here")
    #expect(SocialText("caught on camera.#IranUsapic.twitter.com/TvRkHvlgby").body == "caught on camera. Iran Usa")
    #expect(SocialText("#Minecrafthttps://t.co/V4Lzv97qOc").body == "Minecraft")
    #expect(SocialText("see www.example.com/page and WWW.EXAMPLE.ORG").body == "see and")
  }

  @Test func hashtagsAndHandlesAreSplitIntoWords() {
    #expect(SocialText("#AustralianFires today").body == "Australian Fires today")
    #expect(SocialText("thanks @realDonaldTrump").body == "thanks real Donald Trump")
    #expect(SocialText("#DefundTheCBC now").body == "Defund The CBC now")
    #expect(SocialText("#WW3 #free_iran_2020").body == "WW 3 free iran 2020")
    let split = SocialText("#stonemanshooting suspect") { word in
      word == "stonemanshooting" ? ["stoneman", "shooting"] : [word]
    }
    #expect(split.body == "stoneman shooting suspect")
    #expect(SocialText("mail me at a@b.example").body == "mail me at a@b.example")
  }

  @Test func emojiAndFlagsBecomeSpaces() {
    #expect(SocialText("Patriots WIN!🇺🇸🇺🇸 great👍🏽show").body == "Patriots WIN! great show")
  }

  @Test func htmlEntitiesAndQuotesAreNormalised() {
    #expect(
      SocialText("Tom &amp; Jerry &#8220;said&#8221; &quot;hi&quot; &bogus;").body
        == "Tom & Jerry \"said\" \"hi\" &bogus;")
    #expect(
      SocialText("\"A \"\"large-scale killing\"\" of farmers\"").body == "\"A \"large-scale killing\" of farmers\"")
    #expect(SocialText("It’s ‘fine’").body == "It's 'fine'")
  }

  @Test func tokensAreLowerCasedWordsWithoutPossessives() {
    #expect(Tokenizer.words(of: "Trump's CAFÉ don't 1,300 y'all") == ["trump", "café", "dont", "1", "300", "yall"])
    #expect(Tokenizer.words(of: "…—!!") == [])
  }

  @Test func termsAreStemmedWithoutStopWords() {
    let analyzer = TextAnalyzer()
    #expect(analyzer.terms(of: "The shootings were reported", language: "english") == ["shoot", "report"])
    #expect(analyzer.languageName("fr") == "french")
    #expect(analyzer.languageName("klingon") == "english")
    #expect(analyzer.terms(of: "les élections", language: "french") == ["le", "élect"])
  }
}

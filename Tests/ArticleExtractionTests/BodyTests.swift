import TestSupport
import Testing

@testable import ArticleExtraction

@Suite("Article body")
struct BodyTests {
  private func extract(_ html: String) throws -> Article {
    try ArticleExtractor.extract(Array(html.utf8), contentType: "text/html; charset=utf-8").article
  }

  @Test func furnitureIsLeftOutAndHeadingsKept() throws {
    let article = try extract(TestPages.newsPage())
    #expect(article.text == TestPages.expectedText)
  }

  /// The page the command-line tests import (TestSupport's `NewsPages`, with its metadata) is the
  /// one these tests read: its body and its furniture extract the same.
  @Test func theCommandLineTestsPageGivesTheSameBody() throws {
    let article = try extract(NewsPages.page())
    #expect(article.text == TestPages.expectedText)
    #expect(article.authors == ["Jane Whitaker", "Tom Reyes"])
    #expect(article.captions == ["A night bus leaves the central station. Photo: Tom Reyes"])
  }

  @Test func captionsAreListedApart() throws {
    let article = try extract(TestPages.newsPage())
    #expect(article.captions == ["A night bus leaves the central station. Photo: Tom Reyes"])
    #expect(!article.text.contains("Photo: Tom Reyes"))
  }

  @Test func bylineCommentsAndCookieNoticeAreNotText() throws {
    let text = try extract(TestPages.newsPage()).text
    for furniture in ["Jane Whitaker", "About time", "cookies", "Share on", "Tram line", "Copyright", "Advertisement"] {
      #expect(!text.contains(furniture), "\(furniture)")
    }
  }

  @Test func theHeadlineIsNotRepeatedInTheText() throws {
    let article = try extract(TestPages.newsPage())
    #expect(article.title == "Council extends night buses to the suburbs")
    #expect(!article.text.contains("Council extends night buses"))
  }

  @Test func paragraphsSplitByLineBreaksBecomeParagraphs() throws {
    let html = """
      <html><body><div class="post">\(TestPages.paragraphs[0])<br><br>\(TestPages.paragraphs[1])<br>\
      \(TestPages.paragraphs[2])</div></body></html>
      """
    let text = try extract(html).text
    #expect(text == TestPages.paragraphs[0] + "\n\n" + TestPages.paragraphs[1] + "\n" + TestPages.paragraphs[2])
  }

  @Test func whitespaceIsCollapsedAndInlineMarkupJoined() throws {
    let html = """
      <html><body><article><p>The   <b>council</b>\n voted&nbsp;on <a href="/t">Tuesday</a>, \
      and the mo<i>tion</i> passed with a comfortable majority of the members present.</p></article></body></html>
      """
    let text = try extract(html).text
    #expect(
      text == "The council voted on Tuesday, and the motion passed with a comfortable majority of the members present.")
  }

  @Test func teaserListsAroundTheArticleAreLeftOut() throws {
    let teasers = (1...6).map { index in
      """
      <li><h3><a href="/story-\(index)">Another story number \(index) from the same newsroom</a></h3>\
      <p>A summary of story \(index) that goes on for a while to look like a paragraph, and then it is cut off...</p></li>
      """
    }.joined()
    let html = """
      <html><body><div class="page">
      <div class="story">\(TestPages.paragraphs.map { "<p>\($0)</p>" }.joined())</div>
      <div class="more"><h2>More stories</h2><ul>\(teasers)</ul></div>
      </div></body></html>
      """
    #expect(try extract(html).text == TestPages.paragraphs.joined(separator: "\n\n"))
  }

  @Test func contentInsideWrappersNamedLikeFurnitureIsKept() throws {
    // Page builders put `widget` on every wrapper; the article's own wrapper included.
    let html = """
      <html><body><div class="widget-wrap"><div class="widget widget-nav"><a href="/">Home</a> \
      <a href="/x">About</a></div>
      <div class="widget widget-text"><div class="widget-container">\
      \(TestPages.paragraphs.map { "<p>\($0)</p>" }.joined())</div></div></div></body></html>
      """
    #expect(try extract(html).text == TestPages.paragraphs.joined(separator: "\n\n"))
  }

  @Test func aListClosingTheArticleIsKept() throws {
    let html = """
      <html><body><article>\(TestPages.paragraphs.map { "<p>\($0)</p>" }.joined())
      <ul><li>Route N1: Central to Hillside</li><li>Route N2: Central to Oakfield</li></ul>
      </article></body></html>
      """
    let text = try extract(html).text
    #expect(text.hasSuffix("Route N1: Central to Hillside\n\nRoute N2: Central to Oakfield"))
  }

  @Test func creditsAndCallsToSubscribeAtTheEndAreLeftOut() throws {
    let html = """
      <html><body><article>\(TestPages.paragraphs.map { "<p>\($0)</p>" }.joined())
      <p>(Reporting by Jane Whitaker; editing by Tom Reyes)</p>
      <p>Jane Whitaker can be reached at jane@courier.example. Follow her on X.</p>
      <p>Sign up for our morning newsletter to get the day's news in your inbox.</p>
      </article></body></html>
      """
    #expect(try extract(html).text == TestPages.paragraphs.joined(separator: "\n\n"))
  }

  @Test func jsonLDArticleBodyIsUsedWhenTheMarkupHasNoText() throws {
    let body = TestPages.paragraphs.joined(separator: " ")
    let html = """
      <html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Night buses", \
      "articleBody": "\(body)"}</script></head><body><div id="app"></div></body></html>
      """
    #expect(try extract(html).text == body)
  }
}

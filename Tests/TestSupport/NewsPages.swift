/// A news page written for these tests (the project may redistribute it): an article with its
/// metadata in JSON-LD, OpenGraph and `<meta>` tags, surrounded by the furniture real sites put
/// around one (cookie notice, navigation, byline, share bar, caption, ad, related list, comments,
/// footer). The one source of this page for every test target (`ArticleExtractionTests` too).
public enum NewsPages {
  /// The article's paragraphs, as `text` should give them (the subheading between the second and
  /// third).
  public static let paragraphs = [
    "The city council voted on Tuesday to extend the night bus service to the northern suburbs, a change "
      + "residents had requested for more than three years.",
    "The extension will add four routes and about 120 stops, according to the transport department, which "
      + "expects the first buses to run in March.",
    "Council member Ruth Okafor, who proposed the measure, said the service would cost about 2.4 million "
      + "euros a year and would be paid for by the regional transport fund.",
    "Opponents argued that the money would be better spent on repairing existing roads, but the motion "
      + "passed with 31 votes in favour and 12 against.",
  ]

  /// The subheading inside the article.
  public static let subheading = "Who pays for it"

  /// The headline.
  public static let headline = "Council extends night buses to the suburbs"

  /// The body the extraction should give: paragraphs separated by blank lines.
  public static let text = [paragraphs[0], paragraphs[1], subheading, paragraphs[2], paragraphs[3]]
    .joined(separator: "\n\n")

  /// The page, its metadata in JSON-LD, OpenGraph and `<meta>` tags. `paragraphs` replaces the
  /// article's paragraphs (a revised article); `charset` goes into `<meta charset>`; `extraHead`
  /// is added to `<head>`.
  public static func page(
    paragraphs: [String] = paragraphs, charset: String = "utf-8",
    canonical: String = "https://courier.example/news/night-buses",
    extraHead: String = ""
  ) -> String {
    let head = """
      <meta charset="\(charset)">
      <title>\(headline) | The Northern Courier</title>
      <link rel="canonical" href="\(canonical)">
      <meta property="og:site_name" content="The Northern Courier">
      <meta name="author" content="Jane Whitaker">
      <script type="application/ld+json">
      {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "\(headline)",
       "author": [{"@type": "Person", "name": "Jane Whitaker"}, {"@type": "Person", "name": "Tom Reyes"}],
       "datePublished": "2025-03-04T09:30:00+00:00", "dateModified": "2025-03-05T10:00:00+00:00",
       "publisher": {"@type": "Organization", "name": "The Northern Courier"}}
      </script>
      \(extraHead)

      """
    return document(head: head, lang: "en-GB", paragraphs: paragraphs) + "\n"
  }

  /// The page with `head` as the whole of its `<head>` and `lang` on `<html>`: for tests of the
  /// metadata, which write their own.
  public static func page(head: String, lang: String = "en") -> String {
    document(head: head, lang: lang, paragraphs: paragraphs)
  }

  /// The head ``page(head:lang:)`` takes when a test needs none of its own: a charset and a title.
  public static let plainHead = """
    <meta charset="utf-8"><title>\(headline) | The Northern Courier</title>
    """

  /// The whole document: `head`, then a body with the article (`paragraphs`, a figure after the
  /// first, an ad after the second, the subheading before the third) amid the furniture.
  private static func document(head: String, lang: String, paragraphs: [String]) -> String {
    var article: [String] = []
    for (index, paragraph) in paragraphs.enumerated() {
      if index == 2 { article.append("<h2>\(subheading)</h2>") }
      article.append("<p>\(paragraph)</p>")
      if index == 0 {
        article.append(
          "<figure><img src=\"bus.jpg\" alt=\"A night bus\"><figcaption>A night bus leaves the central "
            + "station. Photo: Tom Reyes</figcaption></figure>")
      }
      if index == 1 { article.append("<div class=\"ad-slot\"><span>Advertisement</span></div>") }
    }
    return """
      <!DOCTYPE html>
      <html lang="\(lang)">
      <head>\(head)</head>
      <body>
        <div id="cookie-consent" class="cookie-banner"><p>We use cookies to improve your experience on our \
      site. By continuing to browse you agree to our use of cookies and our privacy policy.</p>\
      <button>Accept</button></div>
        <header class="site-header"><a href="/" class="logo">The Northern Courier</a>
          <nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>\
      <li><a href="/opinion">Opinion</a></li></ul></nav></header>
        <main>
          <article>
            <h1>\(headline)</h1>
            <div class="byline">By <a href="/staff/jane">Jane Whitaker</a>, Staff Reporter</div>
            <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> \
      <a href="#">Email</a></div>
            <div class="article-body">
              \(article.joined(separator: "\n      "))
            </div>
          </article>
          <aside class="related-articles"><h3>Related</h3><ul>
            <li><a href="/a">Tram line to close for repairs over the summer months</a></li>
            <li><a href="/b">Cyclists call for safer lanes on the ring road after accidents</a></li>
            <li><a href="/c">Parking fees to rise in the city centre from January next year</a></li>
          </ul></aside>
          <section id="comments" class="comments"><h3>Comments</h3>
            <div class="comment"><p>About time! I have been waiting for a night bus to our area for years and \
      this is great news for everyone who works late shifts in the city.</p></div>
            <div class="comment"><p>This is a waste of money. The roads in the north are full of potholes and \
      the council should fix those first before spending millions on empty buses.</p></div>
          </section>
        </main>
        <footer class="site-footer"><p>Copyright 2025 The Northern Courier. All rights reserved.</p>\
      <a href="/about">About us</a> <a href="/contact">Contact</a></footer>
      </body>
      </html>
      """
  }

  /// A page with navigation and a short notice but no article.
  public static let noArticle = """
    <!DOCTYPE html>
    <html><head><meta charset="utf-8"><title>Courier: sections</title></head>
    <body><nav><a href="/news">News</a> <a href="/sport">Sport</a></nav>
    <ul class="menu"><li><a href="/a">Tram line to close</a></li><li><a href="/b">Parking fees rise</a></li></ul>
    <p>Sign in</p>
    </body></html>

    """

  /// The first bytes of a PDF document.
  public static let pdf = Array("%PDF-1.7\n%\u{E2}\u{E3}\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".utf8)

  /// The first bytes of a PNG image.
  public static let png: [UInt8] = [
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
  ]

  /// `text` in windows-1252: every character must be in that set (curly quotes included).
  public static func windows1252(_ text: String) -> [UInt8] {
    let special: [Unicode.Scalar: UInt8] = [
      "\u{2018}": 0x91, "\u{2019}": 0x92, "\u{201C}": 0x93, "\u{201D}": 0x94, "\u{2013}": 0x96, "\u{2014}": 0x97,
      "\u{20AC}": 0x80,
    ]
    return text.unicodeScalars.map { scalar in
      special[scalar] ?? (scalar.value < 0x100 ? UInt8(scalar.value) : UInt8(ascii: "?"))
    }
  }
}

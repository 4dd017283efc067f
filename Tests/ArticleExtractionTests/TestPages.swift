/// Pages written for these tests: a news article in the furniture real sites put around one.
enum TestPages {
  static let paragraphs = [
    "The city council voted on Tuesday to extend the night bus service to the northern suburbs, a change "
      + "residents had requested for more than three years.",
    "The extension will add four routes and about 120 stops, according to the transport department, which "
      + "expects the first buses to run in March.",
    "Council member Ruth Okafor, who proposed the measure, said the service would cost about 2.4 million "
      + "euros a year and would be paid for by the regional transport fund.",
    "Opponents argued that the money would be better spent on repairing existing roads, but the motion "
      + "passed with 31 votes in favour and 12 against.",
  ]

  /// A full page: navigation, a cookie notice, a share bar, the article with a byline, a figure
  /// and a subheading, a related list, comments and a footer.
  static func newsPage(head: String = defaultHead, lang: String = "en") -> String {
    """
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
          <h1>Council extends night buses to the suburbs</h1>
          <div class="byline">By <a href="/staff/jane">Jane Whitaker</a>, Staff Reporter</div>
          <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> \
    <a href="#">Email</a></div>
          <div class="article-body">
            <p>\(paragraphs[0])</p>
            <figure><img src="bus.jpg" alt="A night bus"><figcaption>A night bus leaves the central \
    station. Photo: Tom Reyes</figcaption></figure>
            <p>\(paragraphs[1])</p>
            <div class="ad-slot"><span>Advertisement</span></div>
            <h2>Who pays for it</h2>
            <p>\(paragraphs[2])</p>
            <p>\(paragraphs[3])</p>
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

  static let defaultHead = """
    <meta charset="utf-8"><title>Council extends night buses to the suburbs | The Northern Courier</title>
    """

  /// The body `newsPage` should give.
  static let expectedText = [paragraphs[0], paragraphs[1], "Who pays for it", paragraphs[2], paragraphs[3]]
    .joined(separator: "\n\n")
}

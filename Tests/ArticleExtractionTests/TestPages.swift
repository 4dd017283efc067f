import TestSupport

/// The news page of `NewsPages` (TestSupport), under the names these tests use.
enum TestPages {
  static let paragraphs = NewsPages.paragraphs

  /// The page with `head` as its whole `<head>`: navigation, a cookie notice, a share bar, the
  /// article with a byline, a figure and a subheading, a related list, comments and a footer.
  static func newsPage(head: String = defaultHead, lang: String = "en") -> String {
    NewsPages.page(head: head, lang: lang)
  }

  static let defaultHead = NewsPages.plainHead

  /// The body `newsPage` should give.
  static let expectedText = NewsPages.text
}

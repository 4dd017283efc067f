/// How much of a page becomes the article's text.
public enum ExtractionScope: Sendable, Equatable {
  /// The article alone: navigation, share bars, related lists, comments, ads, bylines and
  /// captions left out.
  case article
  /// Every block of visible text in the page's body, in order, one paragraph each: for pages in
  /// which no article is found, or whose furniture matters. Scripts, styles, forms' controls,
  /// `<nav>` and hidden elements are still left out; nothing else is judged.
  case visibleText
}

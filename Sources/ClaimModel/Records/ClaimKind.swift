/// What a claim is, as far as checking goes.
public enum ClaimKind: String, Sendable, CaseIterable {
  /// A title line.
  case headline
  /// A sentence of running prose.
  case sentence
  /// A photo or figure caption.
  case caption
  /// A byline or the writer's contact line (`By Jane Whitaker, Staff Reporter`, `… can be reached
  /// at …`): who wrote the article, not what it states; never checked.
  case byline
  /// Debris left by web scraping (`English`, `Loading`) and page furniture (`Copyright 2025 …`,
  /// `All rights reserved.`): kept so offsets stay whole, never checked.
  case boilerplate

  /// Whether reviewers are expected to check claims of this kind.
  public var isCheckable: Bool {
    self == .headline || self == .sentence
  }
}

/// What a claim is, as far as checking goes.
public enum ClaimKind: String, Sendable, CaseIterable {
  /// A title line.
  case headline
  /// A sentence of running prose.
  case sentence
  /// A photo or figure caption.
  case caption
  /// Debris left by web scraping (`English`, `Loading`): kept so offsets stay whole, never checked.
  case boilerplate

  /// Whether reviewers are expected to check claims of this kind.
  public var isCheckable: Bool {
    self == .headline || self == .sentence
  }
}

/// What a stretch of an article is, as far as fact-checking is concerned.
public enum SegmentKind: String, Sendable, CaseIterable, Codable {
  /// A title line: a short line standing alone, without final punctuation.
  case headline
  /// A sentence of running prose: the ordinary checkable claim.
  case sentence
  /// A photo or figure caption, such as a line ending in `[Photo: …]`.
  case caption
  /// Debris left by web scraping (`English`, `Loading`, `Share this`): kept, never checked.
  case boilerplate
}

/// One sentence (or line) found in a text, located exactly in its source.
public struct Segment: Sendable, Equatable {
  /// Byte offsets into the source's UTF-8.
  public var utf8Range: Range<Int>
  /// Offsets into the source counted in Unicode scalars (code points), as W3C text selectors count.
  public var scalarRange: Range<Int>
  /// What kind of line or sentence this is.
  public var kind: SegmentKind

  public init(utf8Range: Range<Int>, scalarRange: Range<Int>, kind: SegmentKind) {
    self.utf8Range = utf8Range
    self.scalarRange = scalarRange
    self.kind = kind
  }

  /// The exact source text of this segment, before any whitespace normalisation.
  public func text(in source: String) -> String {
    let bytes = Array(source.utf8)[utf8Range]
    return String(decoding: bytes, as: UTF8.self)
  }
}

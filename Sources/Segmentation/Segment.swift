/// What a stretch of an article is, as far as fact-checking is concerned.
public enum SegmentKind: String, Sendable, CaseIterable, Codable {
  /// A title line: a short line standing alone, without final punctuation.
  case headline
  /// A sentence of running prose: the ordinary checkable claim.
  case sentence
  /// A photo or figure caption, such as a line ending in `[Photo: …]`.
  case caption
  /// A byline or the writer's contact line: `By Jane Whitaker, Staff Reporter`, `Jane Whitaker can
  /// be reached at jane@example.org.`
  case byline
  /// Debris left by web scraping (`English`, `Loading`, `Share this`) and page furniture
  /// (`Copyright 2025 …`, `All rights reserved.`): kept, never checked.
  case boilerplate

  /// Whether a segment of this kind states something a fact-checker can check: sentences and
  /// headlines do; captions, bylines and furniture are kept for the record only.
  public var isCheckable: Bool {
    switch self {
    case .headline, .sentence: return true
    case .caption, .byline, .boilerplate: return false
    }
  }
}

/// One sentence (or line) found in a text, located exactly in its source.
public struct Segment: Sendable, Equatable {
  /// Byte offsets into the source's UTF-8.
  public var utf8Range: Range<Int>
  /// Offsets into the source counted in Unicode scalars (code points), as W3C text selectors count.
  public var scalarRange: Range<Int>
  /// What kind of line or sentence this is.
  public var kind: SegmentKind

  /// A segment at the given offsets; the two ranges must denote the same stretch of the source.
  public init(utf8Range: Range<Int>, scalarRange: Range<Int>, kind: SegmentKind) {
    self.utf8Range = utf8Range
    self.scalarRange = scalarRange
    self.kind = kind
  }

  /// The exact source text of this segment, before any whitespace normalisation.
  ///
  /// Costs time in the length of the segment, not of the source. Offsets past the end of
  /// `source` are clamped, so a segment applied to the wrong text yields a wrong string, not a crash.
  public func text(in source: String) -> String {
    let utf8 = source.utf8
    let count = utf8.count
    let lower = min(max(utf8Range.lowerBound, 0), count)
    let upper = min(max(utf8Range.upperBound, lower), count)
    let start = utf8.index(utf8.startIndex, offsetBy: lower)
    let end = utf8.index(start, offsetBy: upper - lower)
    return String(decoding: utf8[start..<end], as: UTF8.self)
  }

  /// The text of this segment with every run of whitespace (line breaks included) collapsed to
  /// one space and zero-width spaces dropped: the form the segmenter's tests and benchmark compare
  /// segments by.
  ///
  /// Not the form claim ids are hashed by: those hash ClaimModel's `String.collapsingWhitespace()`
  /// of the exact text, which keeps zero-width spaces. The two cannot be one function (this module
  /// depends on nothing), and making them agree would change the ids of existing ledgers.
  public func normalizedText(in source: String) -> String {
    Segment.normalizeWhitespace(text(in: source))
  }

  /// `text` with every run of whitespace collapsed to one space, zero-width spaces dropped, and
  /// no space at either end.
  public static func normalizeWhitespace(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if isZeroWidthSpaceScalar(value) { continue }
      if isSpaceScalar(value) {
        pendingSpace = !result.isEmpty
        continue
      }
      if pendingSpace {
        result.append(" ")
        pendingSpace = false
      }
      result.append(scalar)
    }
    return String(result)
  }
}

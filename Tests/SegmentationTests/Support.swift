import Segmentation

/// The exact source text of each segment of `text`.
func split(_ text: String) -> [String] {
  Segmenter().segments(of: text).map { $0.text(in: text) }
}

/// Each segment of `text` as its normalised text and kind.
func classify(_ text: String) -> [Classified] {
  Segmenter().segments(of: text).map { Classified($0.normalizedText(in: text), $0.kind) }
}

/// A segment's normalised text with its kind, for readable expectations.
struct Classified: Equatable, CustomStringConvertible {
  var text: String
  var kind: SegmentKind

  init(_ text: String, _ kind: SegmentKind) {
    self.text = text
    self.kind = kind
  }

  var description: String { "\(kind.rawValue): \(text)" }
}

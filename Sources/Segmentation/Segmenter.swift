/// Splits English news text into sentences, headlines, captions and boilerplate.
public struct Segmenter: Sendable {
  public init() {}

  /// The segments of `text`, in order, never overlapping.
  public func segments(of text: String) -> [Segment] {
    // Placeholder until the segmentation issue lands: one segment per non-empty line.
    var result: [Segment] = []
    var byteOffset = 0
    var scalarOffset = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let bytes = line.utf8.count
      let scalars = line.unicodeScalars.count
      if !line.allSatisfy(\.isWhitespace) {
        result.append(
          Segment(
            utf8Range: byteOffset..<byteOffset + bytes,
            scalarRange: scalarOffset..<scalarOffset + scalars,
            kind: .sentence
          )
        )
      }
      byteOffset += bytes + 1
      scalarOffset += scalars + 1
    }
    return result
  }
}

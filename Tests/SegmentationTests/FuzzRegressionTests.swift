import Foundation
import Segmentation
import Testing

/// Every input of the fuzzer's seed corpus (`Fuzz/corpus/segmenter`) and every input that once made
/// it fail (`Fuzz/regressions/segmenter`), checked for what the fuzz target checks: segments in
/// order, inside the text, on character boundaries, with scalar offsets matching byte offsets.
@Suite struct SegmenterFuzzRegressionTests {
  static var inputs: [String] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Fuzz")
    return ["corpus/segmenter", "regressions/segmenter"].flatMap { directory in
      let path = root.appendingPathComponent(directory).path
      let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
      return names.filter { !$0.hasPrefix(".") }.sorted().map { "\(path)/\($0)" }
    }
  }

  @Test(arguments: inputs) func segmentsStayInsideTheTextAndInOrder(path: String) throws {
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    let text = String(decoding: bytes, as: UTF8.self)
    let utf8 = Array(text.utf8)
    var scalarOffset = [Int](repeating: -1, count: utf8.count + 1)
    var scalars = 0
    for (index, byte) in utf8.enumerated() where byte & 0xC0 != 0x80 {
      scalarOffset[index] = scalars
      scalars += 1
    }
    scalarOffset[utf8.count] = scalars
    var previousEnd = 0
    for segment in Segmenter().segments(of: text) {
      let range = segment.utf8Range
      try #require(range.lowerBound >= previousEnd && range.upperBound <= utf8.count && !range.isEmpty)
      try #require(scalarOffset[range.lowerBound] >= 0 && scalarOffset[range.upperBound] >= 0)
      #expect(segment.scalarRange == scalarOffset[range.lowerBound]..<scalarOffset[range.upperBound])
      previousEnd = range.upperBound
    }
  }
}

import ClaimLedger
import ClaimModel
import Segmentation

/// `claims split [FILE]`: prints the sentences of a text, without a ledger.
struct SplitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    name: "split", abstract: "Split a text into sentences, one per line (no ledger needed).",
    discussion:
      "Prints each segment on its own line, white space collapsed. With --json, prints every segment with its kind (headline, sentence, caption, byline, boilerplate), its exact text, and its offsets in Unicode scalars and in UTF-8 bytes."
  )

  @Argument(help: "The text to split ('-' or nothing for standard input).")
  var file: FilePath?

  @Flag(help: "Print segments with offsets and kinds as JSON.")
  var json = false

  func run(_ context: CommandContext) throws -> Int32 {
    let file = file?.path ?? "-"
    let bytes = try InputFile.read(file, context: context)
    let notUTF8 = CommandFailure(
      .invalidInput,
      "\(file == "-" ? "standard input" : file) is not UTF-8 text; convert it (e.g. iconv -t UTF-8) and retry")
    if json {
      guard let text = String(validating: bytes, as: UTF8.self) else { throw notUTF8 }
      let segments = Segmenter().segments(of: text)
      let utf8 = Array(text.utf8)
      let values: [JSONValue] = segments.map { segment in
        .object([
          "kind": .string(segment.kind.rawValue),
          "text": .string(String(decoding: utf8[segment.utf8Range], as: UTF8.self)),
          "start": .integer(segment.scalarRange.lowerBound),
          "end": .integer(segment.scalarRange.upperBound),
          "utf8_start": .integer(segment.utf8Range.lowerBound),
          "utf8_end": .integer(segment.utf8Range.upperBound),
        ])
      }
      context.output.write(JSONWriter.canonicalText(of: .array(values)))
    } else {
      // Segmented and written from the input's bytes (no `String` of the whole text, whose
      // validation costs more than the segmenting), a megabyte at a time.
      var lines: [UInt8] = []
      lines.reserveCapacity(min(bytes.count + bytes.count / 8 + 64, 1 << 21))
      try bytes.withUnsafeBufferPointer { all in
        guard let segments = Segmenter().segments(ofUTF8: all) else { throw notUTF8 }
        for segment in segments {
          let range = segment.utf8Range.clamped(to: 0..<all.count)
          let piece = UnsafeBufferPointer(rebasing: all[range])
          if !TerminalText.appendOneLine(utf8: piece, to: &lines) {
            let text = String(decoding: piece, as: UTF8.self)
            lines += Array((TerminalText.sanitize(text.collapsingWhitespace()) + "\n").utf8)
          }
          if lines.count >= 1 << 20 {
            lines.withUnsafeBufferPointer { context.output.write(utf8: $0) }
            lines.removeAll(keepingCapacity: true)
          }
        }
      }
      lines.withUnsafeBufferPointer { context.output.write(utf8: $0) }
    }
    return ExitStatus.success
  }
}

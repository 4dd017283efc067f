/// Splits English news text into sentences, headlines, captions, bylines and boilerplate.
///
/// The text is read in three layers: blank lines end blocks; inside a block, each single line
/// break is judged hard or soft (`BlockLayout`), giving units; inside a unit, sentence
/// boundaries are found by `BoundaryScanner`. Whole units are recognised as boilerplate or
/// captions, a line opening with `By` and a name is a byline, and a one-line unit without final
/// punctuation is a headline. Sentences giving the writer's contact (`… can be reached at …`) are
/// bylines too, and copyright notices boilerplate.
public struct Segmenter: Sendable {
  /// A segmenter with the English news rules; it holds no state and can be shared freely.
  public init() {}

  /// The segments of `text`, in order, never overlapping, each trimmed of surrounding whitespace.
  ///
  /// Every character of `text` that is not whitespace lies in exactly one segment.
  public func segments(of text: String) -> [Segment] {
    var text = text
    return text.withUTF8 { buffer in
      var pass = SegmentationPass(text: UTF8Text(bytes: buffer))
      pass.run()
      return pass.segments
    }
  }

  /// The segments of the UTF-8 text `bytes`, as ``segments(of:)`` gives them for the same text;
  /// nil when `bytes` is not valid UTF-8. For callers that hold bytes and write bytes (`claims
  /// split`), it saves making a `String`, whose validation alone costs more than the segmenting
  /// of most ASCII text.
  public func segments(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [Segment]? {
    guard UTF8Validation.isValid(bytes) else { return nil }
    var pass = SegmentationPass(text: UTF8Text(bytes: bytes))
    pass.run()
    return pass.segments
  }
}

/// One run over a text: reads lines, groups them into blocks and units, and emits segments with
/// both kinds of offsets.
struct SegmentationPass {
  let text: UTF8Text
  private(set) var segments: [Segment] = []
  private var block: [Line] = []
  private var sentences: [Range<Int>] = []
  /// Scalar offsets are counted incrementally: segments come in order, so each byte is counted once.
  private var cursorByte = 0
  private var cursorScalar = 0

  /// Headlines are short; a longer line without a final period is an unfinished sentence.
  static let headlineWordLimit = 30
  /// A headline may be wrapped, but over a few lines at most.
  static let headlineLineLimit = 3

  init(text: UTF8Text) {
    self.text = text
    segments.reserveCapacity(text.count / 120 + 1)
  }

  mutating func run() {
    let count = text.count
    var i = 0
    while i < count {
      var lineEnd = count
      var next = count
      var endsParagraph = false
      var j = i
      while j < count {
        // Line ends are control characters or (U+0085, U+2028, U+2029) non-ASCII.
        if j + 8 <= count && !SWAR.hasByteBelowOrNonASCII(text.word(at: j), .carriageReturn + 1) {
          j += 8
          continue
        }
        let b = text[j]
        if b <= .carriageReturn && b >= .lineFeed {
          lineEnd = j
          next = b == .carriageReturn && j + 1 < count && text[j + 1] == .lineFeed ? j + 2 : j + 1
          break
        }
        if b == UTF8Byte.latin1Lead && j + 1 < count && text[j + 1] == UTF8Byte.nextLine {
          lineEnd = j
          next = j + 2
          break
        }
        if b == UTF8Byte.punctuationLead && j + 2 < count && text[j + 1] == UTF8Byte.generalPunctuation
          && (text[j + 2] == UTF8Byte.lineSeparator || text[j + 2] == UTF8Byte.paragraphSeparator)
        {
          lineEnd = j
          next = j + 3
          endsParagraph = text[j + 2] == UTF8Byte.paragraphSeparator
          break
        }
        j += 1
      }
      let start = text.skipSpaces(from: i, to: lineEnd)
      if start == lineEnd {
        flushBlock()
      } else {
        block.append(Line(start: start, end: text.trimEnd(from: start, to: lineEnd)))
        if endsParagraph { flushBlock() }
      }
      i = next
    }
    flushBlock()
  }

  private mutating func flushBlock() {
    guard !block.isEmpty else { return }
    if block.count == 1 {
      emitUnit(first: 0, last: 0)
    } else {
      let layout = BlockLayout(text: text, lines: block)
      var first = 0
      for index in 0..<(block.count - 1) where layout.isHardBreak(after: index) {
        emitUnit(first: first, last: index)
        first = index + 1
      }
      emitUnit(first: first, last: block.count - 1)
    }
    block.removeAll(keepingCapacity: true)
  }

  private mutating func emitUnit(first: Int, last: Int) {
    let start = block[first].start
    let end = block[last].end
    let singleLine = first == last
    if singleLine && LineKinds.isBoilerplate(text, from: start, to: end) {
      emit(start..<end, .boilerplate)
      return
    }
    if singleLine && LineKinds.isByline(text, from: start, to: end) {
      emit(start..<end, .byline)
      return
    }
    let captioned = LineKinds.endsWithPhotoCredit(text, from: start, to: end)
    if singleLine && (captioned || LineKinds.startsWithCreditLabel(text, from: start, to: end)) {
      emit(start..<end, .caption)
      return
    }
    BoundaryScanner.split(text, from: start, to: end, into: &sentences)
    if captioned {
      emitCaptionedUnit()
      return
    }
    if sentences.count == 1, let kind = LineKinds.furnitureKind(text, from: start, to: end) {
      emit(start..<end, kind)
      return
    }
    if sentences.count == 1 && last - first < Self.headlineLineLimit && isHeadline(from: start, to: end) {
      emit(start..<end, .headline)
      return
    }
    for sentence in sentences {
      emit(sentence, LineKinds.furnitureKind(text, from: sentence.lowerBound, to: sentence.upperBound) ?? .sentence)
    }
  }

  /// A wrapped unit ending in a photo credit: without blank lines around it, the caption may
  /// have been joined to the paragraph before it, so only its last sentence is the caption (with
  /// the credit, if the credit was split off on its own).
  private mutating func emitCaptionedUnit() {
    var captionStart = sentences.count - 1
    let last = sentences[captionStart]
    let creditStart = text.skipSpaces(from: last.lowerBound, to: last.upperBound)
    if captionStart > 0 && creditStart < last.upperBound
      && (text[creditStart] == .leftSquareBracket || text[creditStart] == .leftParenthesis)
    {
      captionStart -= 1
    }
    for sentence in sentences[..<captionStart] {
      emit(sentence, .sentence)
    }
    emit(sentences[captionStart].lowerBound..<last.upperBound, .caption)
  }

  /// A line standing alone that does not end like a sentence: no final punctuation, not a list
  /// item, not a lead-in ending in a colon. A title-case line ending in `?` or `!` counts too.
  private func isHeadline(from start: Int, to end: Int) -> Bool {
    guard text.bulletLength(at: start, before: end) == 0, text.listMarker(at: start, before: end) == nil else {
      return false
    }
    let words = LineKinds.wordCount(text, from: start, to: end, limit: Self.headlineWordLimit + 1)
    guard words <= Self.headlineWordLimit else { return false }
    var (last, lastStart) = text.scalar(before: end)
    while isCloserScalar(last) && lastStart > start {
      (last, lastStart) = text.scalar(before: lastStart)
    }
    if isTerminalScalar(last) {
      return isBangOrQuestionScalar(last) && words >= 2 && LineKinds.isTitleCase(text, from: start, to: end)
    }
    switch last {
    case .comma, .semicolon, .colon: return false
    default: break
    }
    if isDashScalar(last) { return false }
    var i = start
    while i < end {
      let (value, length) = text.scalar(at: i)
      switch letterCase(of: value) {
      case .lower, .upper, .uncased: return true
      default: i += length
      }
    }
    return false
  }

  private mutating func emit(_ range: Range<Int>, _ kind: SegmentKind) {
    let start = text.skipSpaces(from: range.lowerBound, to: range.upperBound)
    let end = text.trimEnd(from: start, to: range.upperBound)
    guard start < end else { return }
    let scalarStart = scalarOffset(of: start)
    let scalarEnd = scalarOffset(of: end)
    segments.append(Segment(utf8Range: start..<end, scalarRange: scalarStart..<scalarEnd, kind: kind))
  }

  private mutating func scalarOffset(of byte: Int) -> Int {
    cursorScalar += text.scalarCount(from: cursorByte, to: byte)
    cursorByte = byte
    return cursorScalar
  }
}

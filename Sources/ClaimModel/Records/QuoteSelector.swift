/// Finds a passage again by its text and a little context, as the W3C Web Annotation
/// `TextQuoteSelector` does, so a claim can be located after the article around it changed.
public struct QuoteSelector: Sendable, Equatable {
  /// How many Unicode scalars of context `prefix` and `suffix` hold at most.
  public static let contextLength = 32

  /// The passage exactly as it stands in the source.
  public var exact: String
  /// The text just before the passage (up to ``contextLength`` scalars).
  public var prefix: String
  /// The text just after the passage (up to ``contextLength`` scalars).
  public var suffix: String

  public init(exact: String, prefix: String, suffix: String) {
    self.exact = exact
    self.prefix = prefix
    self.suffix = suffix
  }

  /// The selector for the scalars `range` of `scalars`.
  public init(scalars: [Unicode.Scalar], range: Range<Int>) {
    func text(_ slice: ArraySlice<Unicode.Scalar>) -> String {
      var string = ""
      string.unicodeScalars.append(contentsOf: slice)
      return string
    }
    exact = text(scalars[range])
    prefix = text(scalars[max(0, range.lowerBound - Self.contextLength)..<range.lowerBound])
    suffix = text(scalars[range.upperBound..<min(scalars.count, range.upperBound + Self.contextLength)])
  }

  /// The selector for the bytes `range` of the UTF-8 text `utf8` (range on scalar boundaries).
  public init(utf8: [UInt8], range: Range<Int>) {
    func isScalarStart(_ byte: UInt8) -> Bool { byte & 0xC0 != 0x80 }
    var prefixStart = range.lowerBound
    var counted = 0
    while prefixStart > 0, counted < Self.contextLength {
      prefixStart -= 1
      if isScalarStart(utf8[prefixStart]) { counted += 1 }
    }
    var suffixEnd = range.upperBound
    counted = 0
    while suffixEnd < utf8.count, counted < Self.contextLength {
      suffixEnd += 1
      while suffixEnd < utf8.count, !isScalarStart(utf8[suffixEnd]) { suffixEnd += 1 }
      counted += 1
    }
    exact = String(decoding: utf8[range], as: UTF8.self)
    prefix = String(decoding: utf8[prefixStart..<range.lowerBound], as: UTF8.self)
    suffix = String(decoding: utf8[range.upperBound..<suffixEnd], as: UTF8.self)
  }

  var json: JSONValue {
    .object([
      "type": "TextQuoteSelector",
      "exact": .string(exact),
      "prefix": .string(prefix),
      "suffix": .string(suffix),
    ])
  }

  init(json: JSONValue) throws(RecordError) {
    let fields = try FieldReader(json, what: "field 'selector'")
    exact = try fields.string("exact")
    prefix = try fields.optionalString("prefix") ?? ""
    suffix = try fields.optionalString("suffix") ?? ""
  }
}

/// One sentence (or headline, caption, byline, boilerplate line) of an imported source, as stored in
/// `Claims/<source-id>/<claim-id>.json`.
public struct Claim: LedgerRecord {
  /// The claim's id.
  public var id: ClaimID
  /// The source it was taken from.
  public var source: SourceID
  /// Its position in the source, counting from 1.
  public var ordinal: Int
  /// What kind of text it is.
  public var kind: ClaimKind
  /// The text exactly as in the source (line breaks of a hard-wrapped sentence included).
  public var text: String
  /// Where it starts in the source, in Unicode scalars (code points) from the start of the file.
  public var start: Int
  /// Where it ends (exclusive), in Unicode scalars.
  public var end: Int
  /// How to find the text again after the source changed.
  public var selector: QuoteSelector
  /// The claims this one replaced when a revised article was imported.
  public var supersedes: [ClaimID]
  /// Set when a revised article no longer contains the sentence: the claim leaves lists and
  /// reports but keeps its file and reviews for the record.
  public var isRetired: Bool

  public init(
    id: ClaimID, source: SourceID, ordinal: Int, kind: ClaimKind, text: String, start: Int, end: Int,
    selector: QuoteSelector, supersedes: [ClaimID] = [], isRetired: Bool = false
  ) {
    self.id = id
    self.source = source
    self.ordinal = ordinal
    self.kind = kind
    self.text = text
    self.start = start
    self.end = end
    self.selector = selector
    self.supersedes = supersedes
    self.isRetired = isRetired
  }

  /// `<source-id>:<ordinal>`, the other way to name a claim.
  public var reference: String { "\(source):\(ordinal)" }

  /// ``reference`` in at most `width` characters: a long source id is cut, never the ordinal,
  /// which is what a reviewer types back (`peru-fujimori…:12`).
  public func reference(fittingIn width: Int) -> String {
    Self.reference(source: source, ordinal: ordinal, fittingIn: width)
  }

  /// `<source-id>:<ordinal>` of a claim of `source`.
  public static func reference(source: SourceID, ordinal: Int) -> String { "\(source):\(ordinal)" }

  /// ``reference(fittingIn:)`` of a claim of `source`, without the claim.
  public static func reference(source: SourceID, ordinal: Int, fittingIn width: Int) -> String {
    let full = reference(source: source, ordinal: ordinal)
    guard full.count > width else { return full }
    let suffix = ":\(ordinal)"
    let room = width - suffix.count - 1
    guard room > 0 else { return "…" + suffix }
    return String(source.rawValue.prefix(room)) + "…" + suffix
  }

  /// The text with every run of white space (line breaks included) collapsed to one space.
  public var normalizedText: String { text.collapsingWhitespace() }

  public var json: JSONValue {
    var fields = FieldWriter()
    fields.set("format_version", .integer(currentFormatVersion))
    fields.set("id", .string(id.rawValue))
    fields.set("source", .string(source.rawValue))
    fields.set("ordinal", .integer(ordinal))
    fields.set("kind", .string(kind.rawValue))
    fields.set("text", .string(text))
    fields.set("start", .integer(start))
    fields.set("end", .integer(end))
    fields.set("selector", selector.json)
    if !supersedes.isEmpty { fields.set("supersedes", .array(supersedes.map { .string($0.rawValue) })) }
    if isRetired { fields.set("retired", .bool(true)) }
    return fields.value
  }

  public init(json: JSONValue) throws(RecordError) {
    let fields = try FieldReader(json, what: "a claim")
    try fields.checkFormatVersion(supported: currentFormatVersion)
    let idText = try fields.string("id")
    guard let id = ClaimID(idText) else {
      throw RecordError(.invalidField, "field 'id' is not a claim id: '\(idText.escapedForMessage)'")
    }
    let sourceText = try fields.string("source")
    guard let source = SourceID(sourceText) else {
      throw RecordError(.invalidField, "field 'source' is not a source id: '\(sourceText.escapedForMessage)'")
    }
    let kindText = try fields.string("kind")
    guard let kind = ClaimKind(rawValue: kindText) else {
      throw RecordError(
        .invalidField,
        "field 'kind' is '\(kindText.escapedForMessage)'; expected headline, sentence, caption, byline or boilerplate")
    }
    let ordinal = try fields.integer("ordinal")
    let start = try fields.integer("start")
    let end = try fields.integer("end")
    guard ordinal >= 1 else { throw RecordError(.invalidField, "field 'ordinal' must be 1 or more") }
    guard start >= 0, end >= start else {
      throw RecordError(.invalidField, "fields 'start' and 'end' must satisfy 0 <= start <= end")
    }
    var supersedes: [ClaimID] = []
    for element in try fields.array("supersedes") {
      guard case .string(let text) = element, let superseded = ClaimID(text) else {
        throw RecordError(.invalidField, "field 'supersedes' must list claim ids")
      }
      supersedes.append(superseded)
    }
    self.init(
      id: id, source: source, ordinal: ordinal, kind: kind, text: try fields.string("text"), start: start, end: end,
      selector: try QuoteSelector(json: try fields.object("selector")), supersedes: supersedes,
      isRetired: try fields.optionalBool("retired") ?? false
    )
  }
}

extension String {
  /// The string with every run of white space collapsed to one space and the ends trimmed.
  ///
  /// White space is judged by character (grapheme cluster): a cluster is white space when its first
  /// scalar is (`Character.isWhitespace`), so a combining mark on a space goes with the space.
  public func collapsingWhitespace() -> String {
    // Most sentences have nothing to collapse: single ASCII spaces between words.
    var previousWasSpace = true
    var isAlreadyCollapsed = true
    for byte in utf8 {
      if byte == 0x20 {
        if previousWasSpace { isAlreadyCollapsed = false }
        previousWasSpace = true
      } else if byte < 0x20 || byte >= 0x80 {
        isAlreadyCollapsed = false
      } else {
        previousWasSpace = false
      }
      if !isAlreadyCollapsed { break }
    }
    if isAlreadyCollapsed && !previousWasSpace { return self }
    return collapsingWhitespaceByScalars() ?? collapsingWhitespaceByCharacters()
  }

  /// The same, scalar by scalar on the UTF-8 bytes: the same answer as by characters wherever
  /// each white-space scalar is a character of its own, which it is unless a mark or joiner
  /// follows it or a prepended concatenation mark precedes it (nil then). Checking the
  /// properties of every character cost most of `claims split`.
  private func collapsingWhitespaceByScalars() -> String? {
    var result: [UInt8] = []
    result.reserveCapacity(utf8.count)
    var pendingSpace = false
    var previousWasWhitespace = false
    var previousMayPrepend = false
    for scalar in unicodeScalars {
      let value = scalar.value
      let isWhitespace = Self.isWhiteSpace(value)
      if isWhitespace {
        if previousMayPrepend { return nil }
        pendingSpace = !result.isEmpty
      } else {
        if previousWasWhitespace && value >= 0x80 && Self.mayJoinPrevious(scalar) { return nil }
        if pendingSpace { result.append(0x20) }
        pendingSpace = false
        if value < 0x80 {
          result.append(UInt8(truncatingIfNeeded: value))
        } else {
          result.append(contentsOf: UTF8.encode(scalar).map(Array.init) ?? [])
        }
      }
      previousWasWhitespace = isWhitespace
      previousMayPrepend = value >= 0x600 && Self.mayPrepend(scalar)
    }
    return String(decoding: result, as: UTF8.self)
  }

  /// The reference: character by character.
  func collapsingWhitespaceByCharacters() -> String {
    var result = ""
    result.reserveCapacity(utf8.count)
    var pendingSpace = false
    for character in self {
      if character.isWhitespace {
        pendingSpace = !result.isEmpty
      } else {
        if pendingSpace { result.append(" ") }
        pendingSpace = false
        result.append(character)
      }
    }
    return result
  }

  /// Unicode's White_Space property (`Unicode.Scalar.Properties.isWhitespace`), without a look-up.
  private static func isWhiteSpace(_ value: UInt32) -> Bool {
    switch value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
    default: false
    }
  }

  /// Whether `scalar` may continue the grapheme cluster before it (an extending or spacing mark,
  /// a joiner, an emoji modifier): erring towards yes.
  private static func mayJoinPrevious(_ scalar: Unicode.Scalar) -> Bool {
    let properties = scalar.properties
    switch properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark, .format: return true
    default: break
    }
    switch scalar.value {
    case 0x0E33, 0x0EB3, 0x200C, 0x200D, 0xFF9E, 0xFF9F: return true
    default: return properties.isGraphemeExtend || properties.isEmojiModifier
    }
  }

  /// Whether `scalar` may be a prepended concatenation mark, which joins what follows it, white
  /// space included: erring towards yes.
  private static func mayPrepend(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0600...0x0605, 0x06DD, 0x070F, 0x0890...0x0891, 0x08E2, 0x0D4E, 0x110BD, 0x110CD, 0x111C2...0x111C3,
      0x1193F, 0x11941, 0x11A3A, 0x11A84...0x11A89, 0x11D46, 0x11F02:
      return true
    default:
      return scalar.properties.generalCategory == .format
    }
  }

  /// `n` and the noun, singular for one: `1 claim`, `42 claims`.
  public static func count(_ n: Int, _ singular: String, plural: String? = nil) -> String {
    "\(n) \(n == 1 ? singular : plural ?? singular + "s")"
  }

  /// Whether the string holds a C0 or C1 control character or DEL (the stuff of terminal escape
  /// sequences); with `allowingLineBreaks`, line feeds and tabs do not count.
  public func containsControlCharacters(allowingLineBreaks: Bool = false) -> Bool {
    unicodeScalars.contains { scalar in
      if allowingLineBreaks, scalar == "\n" || scalar == "\t" { return false }
      return scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)
    }
  }

  /// The string made safe to quote in a one-line message: control characters shown as escapes,
  /// and cut short when long.
  public var escapedForMessage: String {
    var result = ""
    for scalar in unicodeScalars.prefix(80) {
      if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
        result += "\\u{\(String(scalar.value, radix: 16))}"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return unicodeScalars.count > 80 ? result + "…" : result
  }
}

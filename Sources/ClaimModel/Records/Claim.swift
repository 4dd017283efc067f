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

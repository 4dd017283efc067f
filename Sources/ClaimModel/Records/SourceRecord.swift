/// What the ledger knows of an imported source, stored beside its text as `seeds/<source-id>.json`.
public struct SourceRecord: LedgerRecord {
  /// The source's id.
  public var id: SourceID
  /// The article's title, when given at import.
  public var title: String?
  /// Where the article was published.
  public var url: String?
  /// When it was published.
  public var published: CalendarDate?
  /// The SHA-256 of the text in `seeds/<source-id>.txt`, to notice a seed edited by hand.
  public var textSHA256: String
  /// How many claims the import made.
  public var claimCount: Int

  public init(
    id: SourceID, title: String?, url: String?, published: CalendarDate?, textSHA256: String, claimCount: Int
  ) {
    self.id = id
    self.title = title
    self.url = url
    self.published = published
    self.textSHA256 = textSHA256
    self.claimCount = claimCount
  }

  public var json: JSONValue {
    var fields = FieldWriter()
    fields.set("format_version", .integer(currentFormatVersion))
    fields.set("id", .string(id.rawValue))
    fields.set("title", title)
    fields.set("url", url)
    fields.set("published", published?.text)
    fields.set("text_sha256", .string(textSHA256))
    fields.set("claim_count", .integer(claimCount))
    return fields.value
  }

  public init(json: JSONValue) throws(RecordError) {
    let fields = try FieldReader(json, what: "a source record")
    try fields.checkFormatVersion(supported: currentFormatVersion)
    let idText = try fields.string("id")
    guard let id = SourceID(idText) else {
      throw RecordError(.invalidField, "field 'id' is not a source id: '\(idText.escapedForMessage)'")
    }
    self.id = id
    title = try fields.optionalString("title")
    url = try fields.optionalString("url")
    if let publishedText = try fields.optionalString("published") {
      guard let published = CalendarDate(publishedText) else {
        throw RecordError(.invalidField, "field 'published' is not a date: '\(publishedText.escapedForMessage)'")
      }
      self.published = published
    } else {
      published = nil
    }
    textSHA256 = try fields.string("text_sha256")
    claimCount = try fields.integer("claim_count")
  }
}

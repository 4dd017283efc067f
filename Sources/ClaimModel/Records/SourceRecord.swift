/// What the ledger knows of an imported source, stored beside its text as `seeds/<source-id>.json`.
///
/// A source imported from a web page (a URL or a saved HTML file) also carries what the page says
/// about itself and how it was received; `seeds/<source-id>.html` then holds the page as received.
/// Records written before those fields existed read as sources with none of them.
public struct SourceRecord: LedgerRecord {
  /// The source's id.
  public var id: SourceID
  /// The article's title (headline), given at import or stated by the page.
  public var title: String?
  /// Where the article was published: `--url`, else the address it was fetched from.
  public var url: String?
  /// When it was published.
  public var published: CalendarDate?
  /// The SHA-256 of the text in `seeds/<source-id>.txt`, to notice a seed edited by hand.
  public var textSHA256: String
  /// How many claims the import made.
  public var claimCount: Int
  /// The authors' names, in the page's order; nil when the page names none.
  public var authors: [String]?
  /// The publication's name, as the page states it.
  public var publisher: String?
  /// The page's language (BCP 47: `en`, `pt-BR`).
  public var language: String?
  /// The page's canonical address (`<link rel="canonical">`, `og:url`, JSON-LD `url`).
  public var canonicalURL: String?
  /// When the article was last modified, as the page states it.
  public var modified: CalendarDate?
  /// The final address of the fetch, after redirects (a fetched page only).
  public var fetchedURL: String?
  /// When the page was fetched (a fetched page only).
  public var fetched: Timestamp?
  /// The SHA-256 of `seeds/<source-id>.html`, the page as received (pages only).
  public var pageSHA256: String?
  /// The `Content-Type` header the page came with (a fetched page only): its charset is part of
  /// how the page's bytes were read, so the extraction can be redone exactly.
  public var pageContentType: String?

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
    if let authors, !authors.isEmpty { fields.set("authors", .array(authors.map { .string($0) })) }
    fields.set("publisher", publisher)
    fields.set("language", language)
    fields.set("canonical_url", canonicalURL)
    fields.set("modified", modified?.text)
    fields.set("fetched_url", fetchedURL)
    fields.set("fetched", fetched?.text)
    fields.set("page_sha256", pageSHA256)
    fields.set("page_content_type", pageContentType)
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
    published = try Self.date(fields, "published")
    textSHA256 = try fields.string("text_sha256")
    claimCount = try fields.integer("claim_count")
    var names: [String] = []
    for element in try fields.array("authors") {
      guard case .string(let name) = element else {
        throw RecordError(.invalidField, "field 'authors' must hold strings, not \(element.typeName)")
      }
      names.append(name)
    }
    authors = names.isEmpty ? nil : names
    publisher = try fields.optionalString("publisher")
    language = try fields.optionalString("language")
    canonicalURL = try fields.optionalString("canonical_url")
    modified = try Self.date(fields, "modified")
    fetchedURL = try fields.optionalString("fetched_url")
    if let fetchedText = try fields.optionalString("fetched") {
      guard let fetched = Timestamp(fetchedText) else {
        throw RecordError(.invalidField, "field 'fetched' is not a timestamp: '\(fetchedText.escapedForMessage)'")
      }
      self.fetched = fetched
    }
    pageSHA256 = try fields.optionalString("page_sha256")
    pageContentType = try fields.optionalString("page_content_type")
  }

  private static func date(_ fields: FieldReader, _ key: String) throws(RecordError) -> CalendarDate? {
    guard let text = try fields.optionalString(key) else { return nil }
    guard let date = CalendarDate(text) else {
      throw RecordError(.invalidField, "field '\(key)' is not a date: '\(text.escapedForMessage)'")
    }
    return date
  }
}

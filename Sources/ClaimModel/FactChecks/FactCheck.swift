/// Another fact-checker's published verdict on a claim, kept in the ledger as reference: read from
/// schema.org ClaimReview JSON-LD (``ClaimReviewReader``), stored as
/// `FactChecks/<publisher-slug>/<id>.json`, matched against new claims. Its key is ``url``: a
/// re-import of the same address replaces the record.
public struct FactCheck: LedgerRecord {
  /// The fact-check's address (`url`), which identifies it.
  public var url: String
  /// The claim that was checked (`claimReviewed`).
  public var claimReviewed: String
  /// The verdict on the publisher's scale (`reviewRating`), when given.
  public var rating: Rating?
  /// The fact-check's title (`name` or `headline`).
  public var headline: String?
  /// Who published it (the name of `author`, else of `publisher`).
  public var publisher: String?
  /// A file-name-safe slug of the publisher (or, without one, of the address's host): the folder
  /// the record lives in.
  public var publisherSlug: String
  /// When it was published (`datePublished`), when that is a real date.
  public var datePublished: CalendarDate?
  /// The language of the fact-check (`inLanguage`), as the publisher wrote it (`en`, `fr`, `German`).
  public var language: String?
  /// Who made the claim (`itemReviewed.author.name`), when given.
  public var claimAuthor: String?
  /// Where the claim appeared (`itemReviewed.appearance` or `firstAppearance`, its `url`), when given.
  public var claimAppearance: String?
  /// When the ledger first imported it (`claims factchecks import`); kept when a re-import updates
  /// the record. With ``importPosition`` it says which of two fact-checks came first, which
  /// matching uses to rank equals (a duplicate is answered by its first copy).
  public var imported: Timestamp?
  /// Its place (from 0) in the feed that first brought it.
  public var importPosition: Int?

  /// A schema.org `Rating`: `ratingValue` between `worstRating` and `bestRating`, and the verdict
  /// in words (`alternateName`: "False", "Mostly true"). Publishers give any subset.
  public struct Rating: Sendable, Equatable {
    public var value: Double?
    public var best: Double?
    public var worst: Double?
    public var alternateName: String?

    public init(value: Double? = nil, best: Double? = nil, worst: Double? = nil, alternateName: String? = nil) {
      self.value = value
      self.best = best
      self.worst = worst
      self.alternateName = alternateName
    }

    /// Whether nothing at all was given.
    public var isEmpty: Bool { value == nil && best == nil && worst == nil && alternateName == nil }
  }

  public init(
    url: String, claimReviewed: String, rating: Rating? = nil, headline: String? = nil, publisher: String? = nil,
    publisherSlug: String? = nil, datePublished: CalendarDate? = nil, language: String? = nil,
    claimAuthor: String? = nil, claimAppearance: String? = nil, imported: Timestamp? = nil,
    importPosition: Int? = nil
  ) {
    self.url = url
    self.claimReviewed = claimReviewed
    self.rating = rating
    self.headline = headline
    self.publisher = publisher
    self.publisherSlug = publisherSlug ?? FactCheck.slug(publisher: publisher, url: url)
    self.datePublished = datePublished
    self.language = language
    self.claimAuthor = claimAuthor
    self.claimAppearance = claimAppearance
    self.imported = imported
    self.importPosition = importPosition
  }

  /// Ten hex digits naming the record's file: the start of `SHA-256("claims-factcheck-v1\0<url>")`,
  /// so the same address always lands in the same file.
  public var id: String {
    String(SHA256.hexDigest(of: Array("claims-factcheck-v1\0\(url)".utf8)).prefix(10))
  }

  public var json: JSONValue {
    var fields = FieldWriter()
    fields.set("format_version", .integer(currentFormatVersion))
    fields.set("url", .string(url))
    fields.set("claim_reviewed", .string(claimReviewed))
    fields.set("headline", headline)
    fields.set("publisher", publisher)
    fields.set("publisher_slug", .string(publisherSlug))
    fields.set("date_published", datePublished?.text)
    fields.set("language", language)
    fields.set("claim_author", claimAuthor)
    fields.set("claim_appearance", claimAppearance)
    fields.set("imported", imported?.text)
    if let importPosition { fields.set("import_position", .integer(importPosition)) }
    if let rating, !rating.isEmpty {
      var ratingFields = FieldWriter()
      if let value = rating.value { ratingFields.set("value", Self.number(value)) }
      if let best = rating.best { ratingFields.set("best", Self.number(best)) }
      if let worst = rating.worst { ratingFields.set("worst", Self.number(worst)) }
      ratingFields.set("alternate_name", rating.alternateName)
      fields.set("rating", ratingFields.value)
    }
    return fields.value
  }

  public init(json: JSONValue) throws(RecordError) {
    let fields = try FieldReader(json, what: "a fact-check")
    try fields.checkFormatVersion(supported: currentFormatVersion)
    let url = try fields.string("url")
    guard FactCheck.host(of: url) != nil else {
      throw RecordError(.invalidField, "field 'url' is not an http(s) address: '\(url.escapedForMessage)'")
    }
    let claimReviewed = try fields.string("claim_reviewed")
    guard !claimReviewed.isEmpty else { throw RecordError(.invalidField, "field 'claim_reviewed' is empty") }
    let slug = try fields.string("publisher_slug")
    guard FactCheck.isWellFormedSlug(slug) else {
      throw RecordError(.invalidField, "field 'publisher_slug' is not a slug: '\(slug.escapedForMessage)'")
    }
    var date: CalendarDate?
    if let text = try fields.optionalString("date_published") {
      guard let parsed = CalendarDate(text) else {
        throw RecordError(.invalidField, "field 'date_published' is not a date: '\(text.escapedForMessage)'")
      }
      date = parsed
    }
    var rating: Rating?
    if let ratingValue = fields.optionalObject("rating") {
      let ratingFields = try FieldReader(ratingValue, what: "field 'rating'")
      rating = Rating(
        value: try Self.optionalNumber(ratingFields, "value"), best: try Self.optionalNumber(ratingFields, "best"),
        worst: try Self.optionalNumber(ratingFields, "worst"),
        alternateName: try ratingFields.optionalString("alternate_name"))
    }
    self.init(
      url: url, claimReviewed: claimReviewed, rating: rating, headline: try fields.optionalString("headline"),
      publisher: try fields.optionalString("publisher"), publisherSlug: slug, datePublished: date,
      language: try fields.optionalString("language"), claimAuthor: try fields.optionalString("claim_author"),
      claimAppearance: try fields.optionalString("claim_appearance"))
    if let text = try fields.optionalString("imported") {
      guard let time = Timestamp(text) else {
        throw RecordError(.invalidField, "field 'imported' is not a UTC timestamp: '\(text.escapedForMessage)'")
      }
      imported = time
    }
    if fields.optionalObject("import_position") != nil {
      let position = try fields.integer("import_position")
      guard position >= 0 else { throw RecordError(.invalidField, "field 'import_position' must not be negative") }
      importPosition = position
    }
  }

  /// The rating in words: its `alternateName`, else `value/best` ("2/5"), else nil.
  public var ratingText: String? {
    guard let rating else { return nil }
    if let name = rating.alternateName, !name.isEmpty { return name }
    guard let value = rating.value else { return nil }
    func figure(_ number: Double) -> String {
      number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
    return rating.best.map { "\(figure(value))/\(figure($0))" } ?? figure(value)
  }

  /// Whole numbers as JSON integers (`1`, not `1.0`), so a rating reads as the publisher wrote it.
  private static func number(_ value: Double) -> JSONValue {
    if value == value.rounded(), abs(value) < 1e15 { return .integer(Int(value)) }
    return .double(value)
  }

  private static func optionalNumber(_ fields: FieldReader, _ key: String) throws(RecordError) -> Double? {
    guard let value = fields.optionalObject(key) else { return nil }
    switch value {
    case .integer(let integer): return Double(integer)
    case .double(let double): return double
    default: throw RecordError(.invalidField, "field 'rating.\(key)' must be a number, not \(value.typeName)")
    }
  }
}

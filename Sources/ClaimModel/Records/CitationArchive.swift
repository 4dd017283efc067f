/// What the ledger keeps of a cited page: its capture (WARC records stored under
/// `Evidence/`), the facts of the fetch, and where the reviewer's quote stands in the page's text.
///
/// Stored in a citation as `archive`; see docs/EVIDENCE.md for the layout.
public struct CitationArchive: Sendable, Equatable {
  /// SHA-256 of the capture's bytes in hex: the name of its file, `Evidence/<first two>/<digest>.warc`.
  public var captureSHA256: String
  /// The capture's size in bytes.
  public var captureBytes: Int
  /// When the request was sent.
  public var retrieved: Timestamp
  /// The address of the page the fetch ended at, after redirects.
  public var finalURL: String
  /// The final answer's HTTP status.
  public var status: Int
  /// The final answer's media type (`text/html`), when it named one.
  public var contentType: String?
  /// SHA-256 (hex) of the page's extracted text in UTF-8, stored as `Evidence/<first two>/<digest>.txt`;
  /// nil when the page is not HTML or text (a PDF is archived and hashed, not read).
  public var textSHA256: String?
  /// Where the citation's quote stands in that text, when the citation has a quote.
  public var quote: QuoteAnchor?

  public init(
    captureSHA256: String, captureBytes: Int, retrieved: Timestamp, finalURL: String, status: Int,
    contentType: String?, textSHA256: String?, quote: QuoteAnchor?
  ) {
    self.captureSHA256 = captureSHA256
    self.captureBytes = captureBytes
    self.retrieved = retrieved
    self.finalURL = finalURL
    self.status = status
    self.contentType = contentType
    self.textSHA256 = textSHA256
    self.quote = quote
  }

  /// The directory of the ledger that holds archived pages.
  public static let directory = "Evidence"

  /// Where the ledger stores the capture whose SHA-256 is `sha256`: `Evidence/<first two>/<sha256>.warc`.
  public static func capturePath(_ sha256: String) -> String { "\(directory)/\(sha256.prefix(2))/\(sha256).warc" }

  /// Where the ledger stores the extracted text whose SHA-256 is `sha256`.
  public static func textPath(_ sha256: String) -> String { "\(directory)/\(sha256.prefix(2))/\(sha256).txt" }

  /// Where the ledger stores this capture.
  public var capturePath: String { Self.capturePath(captureSHA256) }

  /// Where the ledger stores this page's text, when it has one.
  public var textPath: String? { textSHA256.map(Self.textPath) }

  public var json: JSONValue {
    var fields = FieldWriter()
    fields.set("warc_sha256", .string(captureSHA256))
    fields.set("warc_bytes", .integer(captureBytes))
    fields.set("retrieved", .string(retrieved.text))
    fields.set("final_url", .string(finalURL))
    fields.set("status", .integer(status))
    fields.set("content_type", contentType)
    fields.set("text_sha256", textSHA256)
    if let quote {
      fields.set("quote_selector", quote.selector.json)
      fields.set(
        "quote_position",
        .object([
          "type": "TextPositionSelector", "start": .integer(quote.start), "end": .integer(quote.end),
        ]))
    }
    return fields.value
  }

  init(json: JSONValue) throws(RecordError) {
    let fields = try FieldReader(json, what: "a citation's archive")
    captureSHA256 = try Self.digest(fields, "warc_sha256")
    captureBytes = try fields.integer("warc_bytes")
    guard captureBytes >= 0 else { throw RecordError(.invalidField, "field 'warc_bytes' must not be negative") }
    let retrievedText = try fields.string("retrieved")
    guard let retrieved = Timestamp(retrievedText) else {
      throw RecordError(.invalidField, "field 'retrieved' is not a UTC timestamp: '\(retrievedText.escapedForMessage)'")
    }
    self.retrieved = retrieved
    finalURL = try fields.string("final_url")
    status = try fields.integer("status")
    guard (100...999).contains(status) else {
      throw RecordError(.invalidField, "field 'status' is not an HTTP status: \(status)")
    }
    contentType = try fields.optionalString("content_type")
    textSHA256 = fields.optionalObject("text_sha256") == nil ? nil : try Self.digest(fields, "text_sha256")
    if let selector = fields.optionalObject("quote_selector") {
      let position = try FieldReader(try fields.object("quote_position"), what: "field 'quote_position'")
      let start = try position.integer("start")
      let end = try position.integer("end")
      guard start >= 0, start <= end else {
        throw RecordError(.invalidField, "field 'quote_position' must have 0 <= start <= end")
      }
      quote = QuoteAnchor(selector: try QuoteSelector(json: selector), start: start, end: end)
    } else {
      quote = nil
    }
  }

  private static func digest(_ fields: FieldReader, _ key: String) throws(RecordError) -> String {
    let text = try fields.string(key)
    guard text.utf8.count == 64, text.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
    else {
      throw RecordError(.invalidField, "field '\(key)' must be a SHA-256 digest in 64 lowercase hex digits")
    }
    return text
  }
}

/// Where a quote stands in a text: a W3C TextQuoteSelector (the passage and its context) and a
/// TextPositionSelector (its start and end, in Unicode scalars from the start of the text).
public struct QuoteAnchor: Sendable, Equatable {
  public var selector: QuoteSelector
  public var start: Int
  public var end: Int

  public init(selector: QuoteSelector, start: Int, end: Int) {
    self.selector = selector
    self.start = start
    self.end = end
  }
}

public import ClaimModel

/// What `claims import` was asked to do.
public struct ImportRequest: Sendable {
  /// The text's bytes, exactly as read.
  public var bytes: [UInt8]
  /// The file name it came from, for messages.
  public var fileName: String
  public var source: SourceID
  public var title: String?
  public var url: String?
  public var published: CalendarDate?
  /// What the page the text was taken from says about itself; nil fields are left as they were
  /// (a re-import) or out.
  public var authors: [String]?
  public var publisher: String?
  public var language: String?
  public var canonicalURL: String?
  public var modified: CalendarDate?
  /// The web page the text was taken from, kept as `seeds/<source>.html`; nil for a text file.
  public var page: ImportedPage?

  public init(
    bytes: [UInt8], fileName: String, source: SourceID, title: String? = nil, url: String? = nil,
    published: CalendarDate? = nil
  ) {
    self.bytes = bytes
    self.fileName = fileName
    self.source = source
    self.title = title
    self.url = url
    self.published = published
  }
}

/// A web page an article was taken from, kept in the ledger exactly as received so that the
/// extraction can be redone and audited.
public struct ImportedPage: Sendable, Equatable {
  /// The page's bytes as received (content and transfer codings undone) or read from a file.
  public var bytes: [UInt8]
  /// The `Content-Type` header it came with, when fetched.
  public var contentType: String?
  /// The final address of the fetch, after redirects, when fetched.
  public var fetchedURL: String?
  /// When it was fetched.
  public var fetched: Timestamp?

  public init(bytes: [UInt8], contentType: String? = nil, fetchedURL: String? = nil, fetched: Timestamp? = nil) {
    self.bytes = bytes
    self.contentType = contentType
    self.fetchedURL = fetchedURL
    self.fetched = fetched
  }
}

/// What an import made.
public struct ImportResult: Sendable {
  public var source: SourceID
  public var claims: [Claim]
  public var commit: CommitResult
}

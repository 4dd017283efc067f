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

/// What an import made.
public struct ImportResult: Sendable {
  public var source: SourceID
  public var claims: [Claim]
  public var commit: CommitResult
}

public import ClaimModel

extension Ledger {
  /// Imports a new source in one commit: its text verbatim under `seeds/`, its source record, and
  /// one claim record per sentence under `Claims/<source>/`.
  /// - Throws: ``LedgerError`` when the text is not UTF-8 or is empty, when the source id is taken,
  ///   or when the write fails; the ledger is then unchanged.
  public func importSource(_ request: ImportRequest, as author: Identity, at time: Timestamp) throws(LedgerError)
    -> ImportResult
  {
    let text = try Self.checkedText(of: request)
    var claims: [Claim] = []
    let result = try commit(as: author, at: time) { (snapshot) throws(LedgerError) in
      let change = try Self.importChange(request, text: text, in: snapshot, by: author)
      claims = change.claims
      return change.change
    }
    guard let result else { throw LedgerError(.nothingToDo, "the import made no change") }
    return ImportResult(source: request.source, claims: claims, commit: result)
  }

  /// The claims importing `request` would make now, checked as the import checks them (the text,
  /// the source id, every record's size), with nothing written: `claims import --dry-run`.
  /// - Throws: ``LedgerError`` for whatever the import would refuse.
  public func previewImport(_ request: ImportRequest, as author: Identity) throws(LedgerError) -> [Claim] {
    let text = try Self.checkedText(of: request)
    return try Self.importChange(request, text: text, in: try snapshot(), by: author).claims
  }

  /// The request's text, refused when it is not UTF-8, empty or too large to keep.
  private static func checkedText(of request: ImportRequest) throws(LedgerError) -> String {
    guard let text = String(validating: request.bytes, as: UTF8.self) else {
      throw LedgerError(
        .invalidInput,
        "\(request.fileName.escapedForMessage) is not UTF-8 text; convert it (e.g. iconv -t UTF-8) and retry")
    }
    guard text.contains(where: { !$0.isWhitespace }) else {
      throw LedgerError(.invalidInput, "\(request.fileName.escapedForMessage) is empty; there is nothing to import")
    }
    try RecordLimits.checkSeed(path: LedgerPaths.seedText(request.source), size: request.bytes.count)
    return text
  }

  /// The claims of `text` and the change that writes them, against the ledger as `snapshot` holds it.
  private static func importChange(
    _ request: ImportRequest, text: String, in snapshot: LedgerSnapshot, by author: Identity
  ) throws(LedgerError) -> (claims: [Claim], change: LedgerChange) {
    let source = request.source
    if snapshot.sourceIDs().contains(source) || snapshot.entry(at: LedgerPaths.seedText(source)) != nil
      || (request.page != nil && snapshot.entry(at: LedgerPaths.seedPage(source)) != nil)
    {
      throw LedgerError(
        .alreadyExists,
        "source '\(source)' is already in the ledger; choose another --id, or re-import a revised text with --replace"
      )
    }
    // The text's digest is made on another core while this one segments the text.
    let bytes = request.bytes
    let textDigest = BackgroundValue { SHA256.hexDigest(of: bytes) }
    let taken = Set(snapshot.claimLocations().map(\.id))
    let claims = ClaimExtractor().claims(of: text, source: source, avoiding: taken)
    let record = SourceRecord(request: request, previous: nil, claimCount: claims.count, textSHA256: textDigest.value)
    var files: [LedgerChange.File] = [
      LedgerChange.File(path: LedgerPaths.seedText(source), contents: request.bytes),
      .record(record, at: LedgerPaths.sourceRecord(source)),
    ]
    if let page = request.page {
      files.append(LedgerChange.File(path: LedgerPaths.seedPage(source), contents: page.bytes))
    }
    // Encoded on every core: ten thousand records are a tenth of an import's critical path.
    files += claims.concurrentMap { claim in .record(claim, at: LedgerPaths.claim(claim.id, in: source)) }
    // Read where they lie: iterating would copy every claim.
    let checkable = claims.indices.count { claims[$0].kind.isCheckable }
    let message = CommitMessage(
      subject: "import: \(source) (\(String.count(claims.count, "claim")))",
      body: [request.title.map { "Title: \($0)" }, request.url.map { "URL: \($0)" }].compactMap { $0 }
        .joined(separator: "\n"),
      trailers: [
        .action(.import),
        .init(TrailerKey.source, source.rawValue),
        .init("Claims-Added", String(claims.count)),
        .init("Claims-Checkable", String(checkable)),
        .init(TrailerKey.reviewer, author.description),
        .init(TrailerKey.formatVersion, String(currentFormatVersion)),
      ])
    let change = try LedgerChange(files: files, message: message).refusingOversizedRecords(from: request.fileName)
    return (claims, change)
  }
}

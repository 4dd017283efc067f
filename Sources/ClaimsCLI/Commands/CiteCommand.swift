import ClaimLedger
import ClaimModel

/// `claims cite ID URL`: adds a citation to the reviewer's review of a claim.
struct CiteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    name: "cite", abstract: "Cite a source your review of a claim rests on.",
    discussion:
      "Accepts http and https URLs, doi:10.NNNN/… names, and paths of documents the ledger holds under seeds/. With --archive, fetches the page and stores it in the ledger as WARC records under Evidence/ with its text; a --quote must then be in the page's text (spacing and quotation marks may differ), or the citation is refused with the nearest passage. With --csl, takes the reference (URL or DOI, title, publisher, dates) from a CSL-JSON file as Zotero exports it; options given on the command line win."
  )

  @Argument(help: "A claim: a unique prefix of its id, or SOURCE-ID:ORDINAL.")
  var id: ClaimReference

  @Argument(help: "The source: http(s) URL, doi:…, or seeds/<file>.")
  var url: String?

  @Option(help: "The cited document's title.")
  var title: String?

  @Option(valueName: "name", help: "Who published it.")
  var publisher: String?

  @Option(help: "When it was published (YYYY-MM-DD).")
  var published: CalendarDate?

  @Option(help: "When you read it (default: today).")
  var accessed: CalendarDate?

  @Option(help: "The passage that matters.")
  var quote: String?

  @Option(help: "How it bears on the claim: supports, refutes or context.")
  var stance: Citation.Stance?

  @Option(help: "Read the reference from a CSL-JSON file.")
  var csl: FilePath?

  @Option(name: .long("csl-id"), valueName: "id", help: "Which reference of the CSL-JSON file, when it holds several.")
  var cslID: String?

  @Flag(help: "Fetch the page and keep it in the ledger (WARC), with the quote found in its text.")
  var archive = false

  @OptionGroup var reviewer: ActingReviewer

  @Flag(help: ReviewActionOutput.jsonHelp)
  var json = false

  func validate() throws(UsageError) {
    if url == nil, csl == nil {
      throw UsageError("Missing expected argument '<url>' (or give --csl with a reference that has a URL or DOI)")
    }
  }

  func run(_ context: CommandContext) throws -> Int32 {
    var citation = try citation(context: context)
    var evidence: [LedgerChange.File] = []
    if archive {
      // Fetched before the ledger's write lock is taken: a slow page holds up nobody else.
      Trace.mark("arguments read")
      let archiver = try CitationArchiving.makeArchiver()
      Trace.mark("libcurl ready")
      (citation, evidence) = try CitationArchiving.archive(citation, using: archiver, context: context)
    }
    return try ReviewActionOutput.perform(
      .cite(citation), on: id, reviewer: reviewer, json: json, context: context, attaching: evidence)
  }

  /// The citation the command line describes, from its options and, with `--csl`, a CSL-JSON file.
  func citation(context: CommandContext) throws -> Citation {
    var citation = Citation(url: "")
    if let file = csl?.path {
      let bytes = try InputFile.read(file, context: context)
      do {
        let value = try JSONParser.parse(bytes)
        citation = try Citation(cslJSON: value, itemID: cslID)
        let given: [String: CalendarDate?] = ["issued": published, "accessed": accessed]
        let options = ["issued": "published", "accessed": "accessed"]
        for field in Citation.cslDatesNotRead(in: value, itemID: cslID) where (given[field] ?? nil) == nil {
          context.warn(
            "the reference's '\(field)' date is not a date claims can read (YYYY, YYYY-MM or YYYY-MM-DD), so it is left out; give --\(options[field] ?? field) YYYY-MM-DD"
          )
        }
      } catch let error as JSONParseError {
        throw CommandFailure(
          .invalidInput,
          "\(file.escapedForMessage) is not CSL-JSON: not valid JSON (\(error.description)); export the reference as CSL JSON"
        )
      } catch let error as RecordError {
        throw CommandFailure(CommandFailure.Kind(error.kind), "\(file.escapedForMessage): \(error.problem)")
      }
    }
    if let url { citation.url = url }
    guard !citation.url.isEmpty else {
      throw UsageError("Missing expected argument '<url>' (or give --csl with a reference that has a URL or DOI)")
    }
    citation.url = try normalizeLocation(citation.url, context: context)
    if let title { citation.title = title }
    if let publisher { citation.publisher = publisher }
    if let published { citation.published = published }
    let now = try context.now()
    citation.accessed = accessed ?? citation.accessed ?? CalendarDate(day: now)
    // A day ahead of UTC is today somewhere on Earth; later than that is a typo.
    if let accessed = citation.accessed,
      accessed > CalendarDate(day: Timestamp(secondsSince1970: now.secondsSince1970 + 86_400))
    {
      throw UsageError.invalidValue(accessed.text, for: $accessed, reason: "it is in the future")
    }
    if let quote { citation.quote = quote }
    if let stance { citation.stance = stance }
    return citation
  }

  /// Accepts what `CitationLocation` accepts, and a `file:` URL or path only when it names a
  /// document under the ledger's `seeds/` (turned into that relative path).
  private func normalizeLocation(_ text: String, context: CommandContext) throws -> String {
    if text.lowercased().hasPrefix("file:") {
      var path = String(text.dropFirst(5))
      if path.hasPrefix("//localhost/") { path.removeFirst("//localhost".count) }
      while path.hasPrefix("//") { path.removeFirst() }
      let ledger = try context.openLedger()
      let seeds = ledger.rootPath + "/" + LedgerPaths.seeds + "/"
      guard path.hasPrefix(seeds) else {
        let hint =
          path.hasPrefix("/")
          ? "only documents under \(seeds) can be cited as files" : "a file: URL needs an absolute path"
        throw CommandFailure(
          .invalidInput, "'\(text.escapedForMessage)' is outside the ledger; \(hint), or cite seeds/<file>")
      }
      let relative = LedgerPaths.seeds + "/" + path.dropFirst(seeds.count)
      if case .invalid(let reason) = CitationLocation(relative) { throw CommandFailure(.invalidInput, reason) }
      return relative
    }
    if case .invalid(let reason) = CitationLocation(text) {
      throw CommandFailure(.invalidInput, reason)
    }
    return text
  }
}

import ClaimLedger
import ClaimModel
import Evidence
import HTTP
import WebArchive

/// What `claims cite --archive`, `claims review --archive` and `claims archive` share: fetching a
/// cited page, finding the quote in it, and the files the ledger stores for it.
enum CitationArchiving {
  /// The options of every fetch of a cited page: 20 MB at most, claims' `User-Agent`.
  static func fetchOptions(timeout: Duration? = nil) -> FetchOptions {
    var options = FetchOptions()
    options.userAgent = FetchOptions.userAgent(version: ClaimsCommand.version)
    if let timeout { options.timeout = timeout }
    return options
  }

  /// Refuses an address that cannot be archived: only http and https pages are fetched.
  static func requireWebAddress(_ url: String) throws(CommandFailure) {
    guard case .web = CitationLocation(url) else {
      throw CommandFailure(
        .invalidInput, "--archive fetches http and https pages; '\(url.escapedForMessage)' is not a web address")
    }
  }

  /// Fetches the page of `citation` and returns the citation with its archive, and the files to
  /// store with it. A quote that the page does not hold is refused.
  static func archive(_ citation: Citation, using archiver: PageArchiver, context: CommandContext)
    throws(CommandFailure) -> (Citation, [LedgerChange.File])
  {
    try requireWebAddress(citation.url)
    Trace.mark("citation read")
    let response: HTTPResponse
    do {
      response = try archiver.fetchResponse(citation.url)
    } catch {
      throw CommandFailure(.remoteUnreachable, error.message)
    }
    Trace.mark("page fetched")
    let page = PageCapture(response)
    Trace.mark("page captured, its text read")
    var archived = citation
    let (archive, warning) = try record(page, quote: citation.quote)
    Trace.mark("quote looked up")
    if let warning { context.warn(warning) }
    archived.archive = archive
    return (archived, files(of: page))
  }

  /// Fetches `url`, as a command failure when it cannot be archived.
  static func fetch(_ url: String, using archiver: PageArchiver) throws(CommandFailure) -> PageCapture {
    do {
      return try archiver.fetch(url)
    } catch {
      throw CommandFailure(.remoteUnreachable, error.message)
    }
  }

  /// The archive record of `page` with `quote` found in it, as a command failure when it is not.
  static func record(_ page: PageCapture, quote: String?) throws(CommandFailure) -> (CitationArchive, String?) {
    do {
      return try PageArchiver.archive(page, quote: quote)
    } catch {
      throw CommandFailure(.notFound, error.message)
    }
  }

  /// The passage of `page`'s text nearest to `quote`, when the text does not hold the quote and
  /// some passage shares a word with it.
  static func nearestPassage(to quote: String, in page: PageCapture) -> QuoteLocator.NearestPassage? {
    guard let text = page.text, case .absent(let nearest) = QuoteLocator.locate(quote, in: text.text) else {
      return nil
    }
    return nearest
  }

  /// A page archiver, or the failure to make one.
  static func makeArchiver(timeout: Duration? = nil) throws(CommandFailure) -> PageArchiver {
    do {
      return try PageArchiver(options: fetchOptions(timeout: timeout))
    } catch {
      throw CommandFailure(.unexpected, error.message)
    }
  }

  /// The capture, and the text when the page has one, as files of the ledger.
  static func files(of page: PageCapture) -> [LedgerChange.File] {
    var files = [
      LedgerChange.File(path: CitationArchive.capturePath(page.capture.digest), contents: page.capture.bytes)
    ]
    if let text = page.text {
      files.append(LedgerChange.File(path: CitationArchive.textPath(text.sha256), contents: text.bytes))
    }
    return files
  }

  /// One line on what was archived: "archived 48.2 KB (HTTP 200, text/html) as Evidence/ab/….warc; quote at 120–180".
  static func describe(_ archive: CitationArchive) -> String {
    var text =
      "archived \(size(archive.captureBytes)) (HTTP \(archive.status)\(archive.contentType.map { ", \($0)" } ?? "")) as \(archive.capturePath)"
    if let quote = archive.quote {
      text += "; quote found at \(quote.start)–\(quote.end) of the page's text"
    } else if archive.textSHA256 == nil {
      text += "; its text is not extracted"
    }
    return text
  }

  static func size(_ bytes: Int) -> String {
    if bytes < 1_000 { return "\(bytes) bytes" }
    if bytes < 1_000_000 { return "\(bytes / 1_000).\(bytes % 1_000 / 100) KB" }
    return "\(bytes / 1_000_000).\(bytes % 1_000_000 / 100_000) MB"
  }
}

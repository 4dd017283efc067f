import ClaimLedger
import ClaimModel
import ClaimReport
import Evidence
import HTTP

/// `claims archive ID|--all`: archives the pages of citations given earlier without `--archive`.
struct ArchiveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    name: "archive", abstract: "Archive the pages of your citations given without --archive.",
    discussion:
      "Fetches each web page you cited on the claim (or, with --all, anywhere in the ledger) that has no archive yet, and records it as 'claims cite --archive' would: the page under Evidence/, and on the citation its digest, retrieval time, final address, status, content type, text digest and where its quote stands in the text. A page fetched once serves every citation of it. A citation whose quote is not in the page is left unarchived and named, with the nearest passage. One commit for everything archived."
  )

  @Argument(help: "A claim: a unique prefix of its id, or SOURCE-ID:ORDINAL.")
  var id: ClaimReference?

  @Flag(help: "Archive every citation of yours in the ledger that has no archive.")
  var all = false

  @OptionGroup var reviewer: ActingReviewer

  func validate() throws(UsageError) {
    if id == nil, !all { throw UsageError("Missing expected argument '<id>' (or give --all)") }
    if id != nil, all { throw UsageError("Give a claim or --all, not both") }
  }

  func run(_ context: CommandContext) throws -> Int32 {
    let ledger = try context.openLedger()
    let reviewer = try reviewer.resolve(context, ledger: ledger)
    let snapshot = try ledger.snapshot()
    var pages: [CitedPage]
    if let id {
      let claim = try snapshot.resolveClaim(id.text)
      pages = snapshot.citedPages(of: [claim.source]).filter { $0.claim.id == claim.id }
    } else {
      pages = snapshot.citedPages()
    }
    context.report(snapshot.problems)
    pages = pages.filter { $0.reviewer.key == reviewer.key && $0.citation.archive == nil }
    let skipped = pages.filter { page in
      if case .web = CitationLocation(page.citation.url) { return false }
      return true
    }
    pages.removeAll { page in skipped.contains { $0.eventID == page.eventID } }
    for page in skipped {
      context.print(
        "Skipped \(TerminalText.sanitize(page.citation.url)) on \(page.claim.id) (\(page.claim.reference)): only web pages are archived"
      )
    }
    guard !pages.isEmpty else {
      context.print(
        "Nothing to archive: \(id == nil ? "every" : "each") web page you cite\(id == nil ? "" : " on this claim") is archived."
      )
      return ExitStatus.success
    }

    var urls: [String] = []
    for page in pages where !urls.contains(page.citation.url) { urls.append(page.citation.url) }
    let progress = FetchProgress(label: "Fetching pages", context: context)
    let fetched = ConcurrentFetch.fetchAll(
      urls, options: CitationArchiving.fetchOptions(), concurrency: 8, perHost: 1, progress: progress.update)
    progress.finish()
    var captures: [String: Result<PageCapture, CommandFailure>] = [:]
    for (url, outcome) in zip(urls, fetched) {
      switch outcome {
      case .success(let response) where (200..<300).contains(response.status):
        captures[url] = .success(PageCapture(response))
      case .success(let response):
        captures[url] = .failure(
          CommandFailure(.remoteUnreachable, "cannot archive it: it answers \(response.statusLine)"))
      case .failure(let error):
        captures[url] = .failure(CommandFailure(.remoteUnreachable, "cannot archive it: \(error.message)"))
      }
    }

    var requests: [ArchiveRequest] = []
    var failures = 0
    for page in pages {
      let label = "\(TerminalText.sanitize(page.citation.url)) on \(page.claim.id) (\(page.claim.reference))"
      do throws(CommandFailure) {
        guard let capture = captures[page.citation.url] else { continue }
        let captured = try capture.get()
        let (archive, warning) = try CitationArchiving.record(captured, quote: page.citation.quote)
        if let warning { context.warn(warning) }
        requests.append(
          ArchiveRequest(
            claim: page.claim, eventID: page.eventID, archive: archive, files: CitationArchiving.files(of: captured)))
      } catch {
        failures += 1
        context.printError(
          "\(context.errorStyle.red("Error:")) not archived: \(label): \(TerminalText.sanitize(error.message))")
      }
    }
    guard !requests.isEmpty else {
      context.print("Nothing archived: \(String.count(failures, "citation")) could not be.")
      return ExitStatus.failure
    }
    guard let (commit, recorded) = try ledger.archive(requests, by: reviewer, at: try context.now()) else {
      context.print("Nothing to archive: the citations were archived or removed meanwhile.")
      return failures > 0 ? ExitStatus.failure : ExitStatus.success
    }
    commit.warnings.forEach(context.warn)
    for request in recorded {
      context.print(
        "Archived \(TerminalText.sanitize(request.archive.finalURL)) for \(request.claim.id) (\(request.claim.reference)): \(CitationArchiving.describe(request.archive))"
      )
    }
    context.print(
      "Recorded \(String.count(recorded.count, "archive")) in commit \(commit.commit.prefix(7))"
        + (failures > 0 ? "; \(String.count(failures, "citation")) not archived" : ""))
    return failures > 0 ? ExitStatus.failure : ExitStatus.success
  }
}

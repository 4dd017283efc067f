import ClaimLedger
import ClaimModel
import ClaimReport
import Evidence

extension ReviewCommand.Session {
  /// Fetches the page `citation` cites and finds its quote there (`review --archive`): the
  /// citation with its archive and the files to store, the citation without an archive when the
  /// reviewer keeps it so, or nil when nothing is to be recorded.
  ///
  /// Nothing that was typed is lost. A quote the page does not hold: the session shows the nearest
  /// passage and asks for the quote again (looked up in the same capture, not fetched again);
  /// Enter saves the citation without a quote. A page that cannot be fetched or archived: the
  /// session says why and asks whether to keep the citation without an archive (as `claims cite`
  /// without `--archive` records it, for `claims archive` to archive later), to fetch it again, or
  /// to fetch another address instead. No answer (Ctrl-C, the end of piped input) drops it.
  func archive(_ citation: Citation, using archiver: PageArchiver) -> (Citation, [LedgerChange.File])? {
    var citation = citation
    while true {
      let reason: String
      do {
        try CitationArchiving.requireWebAddress(citation.url)
        let page = try CitationArchiving.fetch(citation.url, using: archiver)
        switch lookUpQuote(of: &citation, in: page) {
        case .found(let archive):
          citation.archive = archive
          return (citation, CitationArchiving.files(of: page))
        case .dropped:
          return nil
        case .failed(let message):
          reason = message
        }
      } catch {
        reason = error.message
      }
      context.printError("\(context.errorStyle.red("Error:")) \(TerminalText.sanitize(reason))")
      switch askAfterArchiveFailure() {
      case nil:
        context.print("  Citation not recorded.")
        return nil
      case .keepWithoutArchive:
        context.print("  Recording the citation without an archive ('claims archive' can archive it later).")
        return (citation, [])
      case .retry:
        continue
      case .address(let url):
        citation.url = url
      }
    }
  }

  /// What became of the quote of a citation in its fetched page.
  private enum QuoteLookup {
    /// Found (or no quote was given): the page's archive record.
    case found(CitationArchive)
    /// The reviewer gave no answer when asked for the quote again.
    case dropped
    /// The page cannot be archived for another reason than the quote (the message says why).
    case failed(String)
  }

  /// Finds the quote of `citation` in `page`, asking for it again, as the page reads it, until it
  /// is found or left out (Enter); the quote typed last is kept in `citation`.
  private func lookUpQuote(of citation: inout Citation, in page: PageCapture) -> QuoteLookup {
    while true {
      do {
        let (archive, warning) = try PageArchiver.archive(page, quote: citation.quote)
        if let warning { context.warn(warning) }
        return .found(archive)
      } catch {
        guard error.kind == .quoteNotFound, let quote = citation.quote else { return .failed(error.message) }
        context.print("  " + quoteNotFound(quote, in: page))
        guard
          let retyped = prompt(
            "Quote again, as the page reads it (Enter to save the citation without a quote, Ctrl-C to drop it): ")
        else {
          context.print("  Citation not recorded.")
          return .dropped
        }
        citation.quote = retyped.isEmpty ? nil : retyped
      }
    }
  }

  /// What the reviewer wants done with a citation whose page could not be archived.
  private enum ArchiveFailureAnswer: Equatable {
    case keepWithoutArchive, retry
    /// Fetch this address instead (checked to be one a citation may give).
    case address(String)
  }

  /// Asks what to do with a citation whose page could not be archived; nil when there is no
  /// answer (Ctrl-C, the end of piped input). An address that is refused is asked for again.
  private func askAfterArchiveFailure() -> ArchiveFailureAnswer? {
    while true {
      guard
        let answer = prompt(
          "Enter keeps the citation without an archive, r fetches the page again, or type another address (Ctrl-C drops it): "
        )
      else { return nil }
      switch answer.lowercased() {
      case "": return .keepWithoutArchive
      case "r", "retry": return .retry
      default:
        if case .invalid(let reason) = CitationLocation(answer) {
          context.printError("\(context.errorStyle.red("Error:")) \(TerminalText.sanitize(reason))")
          continue
        }
        return .address(answer)
      }
    }
  }

  /// "The quote is not in the page's text; the nearest passage (6 of 7 words) reads: “…”".
  private func quoteNotFound(_ quote: String, in page: PageCapture) -> String {
    var line = "The quote is not in the text of \(TerminalText.sanitize(page.finalURL))"
    if let nearest = CitationArchiving.nearestPassage(to: quote, in: page) {
      line +=
        "; the nearest passage (\(nearest.sharedWords) of \(String.count(nearest.quoteWords, "word"))) reads: “\(TerminalText.oneLine(nearest.text, width: 300))”."
    } else {
      line += ", and no passage shares a word with it."
    }
    return line
  }
}

import ClaimLedger
import ClaimModel
import ClaimReport
import Evidence

extension ReviewCommand.Session {
  /// Fetches the page `citation` cites and finds its quote there (`review --archive`): the
  /// citation with its archive and the files to store, or nil when nothing is to be recorded.
  ///
  /// A quote the page does not hold loses nothing that was typed: the session shows the nearest
  /// passage and asks for the quote again (looked up in the same capture, not fetched again);
  /// Enter saves the citation without a quote, no answer (Ctrl-C, the end of piped input) drops it.
  func archive(_ citation: Citation, using archiver: PageArchiver) -> (Citation, [LedgerChange.File])? {
    let page: PageCapture
    do {
      try CitationArchiving.requireWebAddress(citation.url)
      page = try CitationArchiving.fetch(citation.url, using: archiver)
    } catch {
      context.printError("\(context.errorStyle.red("Error:")) \(TerminalText.sanitize(error.message))")
      return nil
    }
    var citation = citation
    while true {
      do {
        let (archive, warning) = try PageArchiver.archive(page, quote: citation.quote)
        if let warning { context.warn(warning) }
        citation.archive = archive
        return (citation, CitationArchiving.files(of: page))
      } catch {
        guard error.kind == .quoteNotFound, let quote = citation.quote else {
          context.printError("\(context.errorStyle.red("Error:")) \(TerminalText.sanitize(error.message))")
          return nil
        }
        context.print("  " + quoteNotFound(quote, in: page))
        guard
          let retyped = prompt(
            "Quote again, as the page reads it (Enter to save the citation without a quote, Ctrl-C to drop it): ")
        else {
          context.print("  Citation not recorded.")
          return nil
        }
        citation.quote = retyped.isEmpty ? nil : retyped
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

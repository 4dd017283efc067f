import ClaimLedger
import WebSources

extension CommandFailure {
  /// A page that gave no article, with what to do about it: the loader's message names the page
  /// and what went wrong; the advice depends on the kind and names this command line's options.
  init(_ error: WebSourceError, page: String, textOnly: Bool) {
    switch error.kind {
    case .unreachable, .serverError, .clientError, .redirectLoop, .tooManyRedirects:
      self.init(error.kind == .unreachable ? .remoteUnreachable : .remoteRefused, error.message)
    case .notFound, .gone:
      self.init(.notFound, error.message)
    case .tooLarge:
      self.init(.limitExceeded, "\(error.message); save the article's text to a file and import that")
    case .pdf:
      self.init(.invalidInput, "\(error.message): save its text to a file and import that")
    case .noArticle where textOnly:
      self.init(.invalidInput, "\(error.message); save the article's text to a file by hand and import that")
    case .noArticle:
      self.init(
        .invalidInput,
        "\(error.message); import the page's visible text with --text-only, or save the article's text to a file by hand and import that"
      )
    case .notHTML:
      self.init(.invalidInput, "\(error.message); give the address or file of the article's page")
    case .invalidAddress, .unsupportedScheme, .undecodable:
      self.init(.invalidInput, error.message)
    case .unreadableFile:
      self.init(.unreadableFile(path: page), error.message)
    }
  }
}

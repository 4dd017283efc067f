import ArticleExtraction
import HTTP
import WebSources

/// How a page is fetched and read, shared by `extract` and `import`: `--text-only`, `--timeout`.
struct PageOptions: ParsableArguments {
  @Flag(help: "Take all of a page's visible text instead of finding the article in it.")
  var textOnly = false

  @Option(help: "The longest a fetch may take, redirects included, in seconds.")
  var timeout = TimeoutSeconds(seconds: 60)

  /// The loader these options make; the `User-Agent` names this build of claims.
  var loader: PageLoader {
    var options = FetchOptions()
    options.timeout = .seconds(timeout.seconds)
    options.connectTimeout = .seconds(min(10, timeout.seconds))
    options.userAgent = FetchOptions.userAgent(version: ClaimsCommand.version)
    return PageLoader(options: options, scope: textOnly ? .visibleText : .article)
  }
}

import ArticleExtraction
import ClaimModel
import WebSources

/// `claims extract PAGE...`: prints the article found in web pages, without a ledger.
struct ExtractCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    name: "extract", abstract: "Print the article found in a web page (no ledger needed).",
    discussion:
      "Fetches <page> (an http or https address) or reads it (an HTML or text file, '-' for standard input), finds the article in it, and prints what the page says about itself (title, authors, dates, publisher, language, addresses), a blank line, then the article's text: paragraphs separated by blank lines, headings as paragraphs of their own, and navigation, share bars, related lists, comments, ads, bylines and captions left out. With --json, prints {\"url\", \"canonical_url\", \"title\", \"authors\", \"published\", \"modified\", \"publisher\", \"language\", \"text\", \"captions\"}. Several pages are read in turn in one process: each is headed by '==> <page> <==' (with --json: a JSON array, null for a page that failed); a page that fails gets its error line and the others go on."
  )

  @Argument(name: "page", help: "A web address, an HTML or text file, or '-' for standard input.", isRequired: true)
  var pages: [PageArgument] = []

  @OptionGroup var reading: PageOptions

  @Flag(help: "Print the article as JSON.")
  var json = false

  func validate() throws(UsageError) {
    if pages.filter(\.isStandardInput).count > 1 { throw UsageError("'-' (standard input) may be given once") }
  }

  func run(_ context: CommandContext) throws -> Int32 {
    let loader = reading.loader
    guard pages.count > 1 else {
      let article = try extract(pages[0], loader: loader, context: context)
      if json {
        context.output.write(JSONWriter.canonicalText(of: Self.json(article)))
      } else {
        write(article, context: context)
      }
      return ExitStatus.success
    }
    var status = ExitStatus.success
    var objects: [JSONValue] = []
    // A blank line goes between pages printed, not before the first one printed after a failure.
    var printedAny = false
    for page in pages {
      let article: Article
      do {
        article = try extract(page, loader: loader, context: context)
      } catch {
        context.printError("Error: \(TerminalText.sanitize(error.message))")
        status = ExitStatus.failure
        objects.append(.null)
        continue
      }
      if json {
        objects.append(Self.json(article))
      } else {
        if printedAny { context.print() }
        printedAny = true
        context.print("==> \(TerminalText.sanitize(page.name)) <==")
        write(article, context: context)
      }
    }
    if json { context.output.write(JSONWriter.canonicalText(of: .array(objects))) }
    return status
  }

  /// The article of one page; its warnings go to standard error.
  private func extract(_ page: PageArgument, loader: PageLoader, context: CommandContext) throws(CommandFailure)
    -> Article
  {
    let location: PageLocation
    if page.isStandardInput {
      location = .bytes(context.input.readAll(), name: page.name)
    } else {
      location = .argument(page.text, path: context.absolutePath(page.text))
    }
    context.status(page.isWebAddress ? "Fetching \(page.name)…" : "Reading \(page.name)…")
    defer { context.clearStatus() }
    let loaded: LoadedPage
    do {
      loaded = try loader.load(location)
    } catch {
      throw CommandFailure(error, page: page.name, textOnly: reading.textOnly)
    }
    loaded.warnings.forEach(context.warn)
    return loaded.article
  }

  /// The metadata lines, a blank line, then the text.
  private func write(_ article: Article, context: CommandContext) {
    let fields: [(String, String?)] = [
      ("Title", article.title), ("Authors", article.authors.isEmpty ? nil : article.authors.joined(separator: ", ")),
      ("Published", article.published), ("Modified", article.modified), ("Publisher", article.publisher),
      ("Language", article.language), ("URL", article.url), ("Canonical URL", article.canonicalURL),
    ]
    var shown = false
    for case (let label, let value?) in fields {
      context.print("\(label): \(TerminalText.sanitize(value))")
      shown = true
    }
    if shown { context.print() }
    context.print(TerminalText.sanitize(article.text, keepingLineBreaks: true))
  }

  /// The article as `--json` prints it: every key present, `null` where the page says nothing.
  static func json(_ article: Article) -> JSONValue {
    func optional(_ text: String?) -> JSONValue { text.map { .string($0) } ?? .null }
    return .object([
      "url": optional(article.url),
      "canonical_url": optional(article.canonicalURL),
      "title": optional(article.title),
      "authors": .array(article.authors.map { .string($0) }),
      "published": optional(article.published),
      "modified": optional(article.modified),
      "publisher": optional(article.publisher),
      "language": optional(article.language),
      "text": .string(article.text),
      "captions": .array(article.captions.map { .string($0) }),
    ])
  }
}

import ArticleExtraction
import ClaimModel
import WebSources

/// `claims extract PAGE`: prints the article found in a web page, without a ledger.
struct ExtractCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    name: "extract", abstract: "Print the article found in a web page (no ledger needed).",
    discussion:
      "Fetches <page> (an http or https address) or reads it (an HTML or text file, '-' for standard input), finds the article in it, and prints what the page says about itself (title, authors, dates, publisher, language, addresses), a blank line, then the article's text: paragraphs separated by blank lines, headings as paragraphs of their own, and navigation, share bars, related lists, comments, ads, bylines and captions left out. With --json, prints {\"url\", \"canonical_url\", \"title\", \"authors\", \"published\", \"modified\", \"publisher\", \"language\", \"text\", \"captions\"}."
  )

  @Argument(help: "A web address, an HTML or text file, or '-' for standard input.")
  var page: PageArgument

  @OptionGroup var reading: PageOptions

  @Flag(help: "Print the article as JSON.")
  var json = false

  func run(_ context: CommandContext) throws -> Int32 {
    let location: PageLocation
    if page.isStandardInput {
      location = .bytes(context.input.readAll(), name: page.name)
    } else {
      location = .argument(page.text, path: context.absolutePath(page.text))
    }
    context.status(page.isWebAddress ? "Fetching \(page.name)…" : "Reading \(page.name)…")
    let loaded: LoadedPage
    do {
      loaded = try reading.loader.load(location)
    } catch {
      context.clearStatus()
      throw CommandFailure(error, page: page.name, textOnly: reading.textOnly)
    }
    context.clearStatus()
    loaded.warnings.forEach(context.warn)
    let article = loaded.article
    if json {
      context.output.write(JSONWriter.canonicalText(of: Self.json(article)))
      return ExitStatus.success
    }
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
    return ExitStatus.success
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

import ArticleExtraction
import ClaimLedger
import ClaimModel
import ClaimReport
import HTTP
import WebSources

/// `claims import PAGE`: copies an article into the ledger and makes a claim of every sentence.
/// A web address or an HTML file is fetched or read and its article found first; the page is kept
/// beside the text.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    name: "import", abstract: "Import an article: one claim per sentence, in one commit.",
    discussion:
      "Takes a web address (fetched), an HTML page saved as a file, or a UTF-8 text file ('-' for standard input). From a page, finds the article (see 'claims extract'), writes its text to seeds/<source-id>.txt and the page as received to seeds/<source-id>.html, and records the page's title, authors, dates, publisher, language and canonical address in seeds/<source-id>.json; a text file is copied verbatim to seeds/<source-id>.txt. Then splits the text into sentences and writes one claim record per sentence under Claims/<source-id>/, all in one commit authored by you. --title, --url and --published override what the page says."
  )

  @Argument(help: "The article: a web address, an HTML file, or a UTF-8 text file ('-' for standard input).")
  var file: PageArgument

  @Option(
    help:
      "The source's id (default: a slug of the page's headline, else of the file name or the address's last path segment)."
  )
  var id: SourceID?

  @Option(help: "The article's title (default: the page's headline).")
  var title: String?

  @Option(valueName: "url", help: "Where the article was published (default: the address fetched).")
  var url: String?

  @Option(help: "When it was published, YYYY-MM-DD (default: the date the page states).")
  var published: CalendarDate?

  @Option(help: "Who imports, as 'Name <email>' (default: CLAIMS_AUTHOR, then git config).")
  var author: Identity?

  @OptionGroup var reading: PageOptions

  @Flag(help: "Re-import a revised text of an existing source, keeping the reviews that still apply.")
  var replace = false

  @Flag(help: "Show the claims the import would make (with --replace: what would change), and change nothing.")
  var dryRun = false

  @Flag(help: "Print the result as JSON.")
  var json = false

  /// The name the file goes by in messages.
  private var fileName: String { file.name }

  /// Whether the argument is a text file imported verbatim, as it always was: a name ending in
  /// `.txt` or `.text`. Anything else is looked at: HTML is a page, plain text is imported verbatim.
  private var isTextFile: Bool {
    let lowered = file.text.lowercased()
    return !file.isWebAddress && (lowered.hasSuffix(".txt") || lowered.hasSuffix(".text"))
  }

  /// Whether the file's name says it is a web page (`.html`, `.htm`, `.xhtml`).
  private var isNamedAsPage: Bool {
    let lowered = file.text.lowercased()
    return lowered.hasSuffix(".html") || lowered.hasSuffix(".htm") || lowered.hasSuffix(".xhtml")
  }

  /// `--id`, else a slug of the file's name (for a text file; a page may have a headline to use).
  private var fileSource: SourceID? {
    id ?? (file.isStandardInput ? nil : SourceID.slug(fromFileName: String(file.text.split(separator: "/").last ?? "")))
  }

  func validate() throws(UsageError) {
    if isTextFile, fileSource == nil {
      throw UsageError("Cannot make a source id from '\(fileName.escapedForMessage)'; pass --id <source-id>")
    }
    if let url, case .invalid(let reason) = CitationLocation(url) {
      throw .invalidValue(url, for: $url, reason: reason)
    }
    if let title, title.containsControlCharacters() {
      throw .invalidValue(title, for: $title, reason: "a title is one line without control characters")
    }
  }

  func run(_ context: CommandContext) throws -> Int32 {
    // The ledger first: nothing is fetched for a command that cannot write.
    let ledger = try context.openLedger()
    let author = try context.author(author, ledger: ledger)
    let request = try makeRequest(ledger: ledger, context: context)
    context.status("Importing \(fileName) (\(request.bytes.count / 1024) KiB)…")
    defer { context.clearStatus() }
    if replace {
      return try reimport(request, ledger: ledger, author: author, context: context)
    }
    if dryRun {
      let claims = try ledger.previewImport(request, as: author)
      context.clearStatus()
      if json {
        context.output.write(JSONWriter.canonicalText(of: ImportOutput.json(preview: claims, of: request.source)))
      } else {
        context.print(context.style.bold("Would import \(request.source): \(Self.describe(claims))"))
        for claim in claims {
          let kind = claim.kind.isCheckable ? "" : " (\(claim.kind.rawValue))"
          context.print("  + \(claim.id) \(claim.reference)\(kind) \"\(TerminalText.oneLine(claim.text, width: 60))\"")
        }
      }
      return ExitStatus.success
    }
    let result = try ledger.importSource(request, as: author, at: try context.now())
    result.commit.warnings.forEach(context.warn)
    if json {
      context.output.write(JSONWriter.canonicalText(of: ImportOutput.json(result)))
    } else {
      context.print(
        "Imported \(request.source): \(Self.describe(result.claims)) in commit \(result.commit.commit.prefix(7))")
      if let line = try MatchedClaims.resemblanceLine(for: result.claims, in: ledger) { context.print(line) }
    }
    return ExitStatus.success
  }

  /// `42 claims (1 headline, 38 sentences, 1 caption, 2 boilerplates)`.
  static func describe(_ claims: [Claim]) -> String {
    // One pass reading each claim's kind where it lies: filtering (or iterating) copied every
    // claim, for each kind.
    var tally: [ClaimKind: Int] = [:]
    for index in claims.indices { tally[claims[index].kind, default: 0] += 1 }
    let counts = ClaimKind.allCases.compactMap { kind -> String? in
      tally[kind].map { String.count($0, kind.rawValue) }
    }
    return "\(String.count(claims.count, "claim")) (\(counts.joined(separator: ", ")))"
  }

  /// What to import: a text file's bytes as they are, or a page's article with its metadata.
  private func makeRequest(ledger: Ledger, context: CommandContext) throws -> ImportRequest {
    if isTextFile { return try textRequest(try InputFile.read(file.text, context: context)) }
    let location: PageLocation
    if file.isStandardInput {
      let bytes = context.input.readAll()
      // Text longer than any page is imported as text, as it always was.
      guard bytes.count <= reading.loader.options.maximumBytes else { return try textRequest(bytes) }
      location = .bytes(bytes, name: fileName)
    } else {
      location = .argument(file.text, path: context.absolutePath(file.text))
    }
    let existing = file.isWebAddress ? try existingSource(ledger: ledger) : nil
    context.status(file.isWebAddress ? "Fetching \(fileName)…" : "Reading \(fileName)…")
    let loaded: LoadedPage
    do {
      loaded = try reading.loader.load(location)
    } catch {
      context.clearStatus()
      // A file larger than any page that is not named as one is text, imported as it always was.
      if error.kind == .tooLarge, !file.isWebAddress, !file.isStandardInput, !isNamedAsPage {
        return try textRequest(try InputFile.read(file.text, context: context))
      }
      throw CommandFailure(error, page: fileName, textOnly: reading.textOnly)
    }
    guard loaded.isHTML || file.isWebAddress else {
      // A file or standard input holding plain text: verbatim, as it always was.
      return try textRequest(loaded.bytes)
    }
    loaded.warnings.forEach(context.warn)
    return try pageRequest(loaded, existing: existing, context: context)
  }

  private func textRequest(_ bytes: [UInt8]) throws -> ImportRequest {
    guard let source = fileSource else {
      throw UsageError("Cannot make a source id from '\(fileName.escapedForMessage)'; pass --id <source-id>")
    }
    return ImportRequest(bytes: bytes, fileName: fileName, source: source, title: title, url: url, published: published)
  }

  /// The request for a page: its article's text, its metadata under the options that override it,
  /// and the page itself when it is HTML.
  private func pageRequest(_ loaded: LoadedPage, existing: SourceID?, context: CommandContext) throws -> ImportRequest {
    let article = loaded.article
    let address = file.isWebAddress ? file.text : nil
    guard
      let source = id ?? existing ?? article.title.flatMap(SourceID.slug(fromTitle:))
        ?? address.flatMap(Self.lastPathSegment).flatMap(SourceID.slug(fromTitle:)) ?? fileSource
    else {
      throw UsageError("Cannot make a source id from '\(fileName.escapedForMessage)'; pass --id <source-id>")
    }
    var request = ImportRequest(
      bytes: Array((article.text.hasSuffix("\n") ? article.text : article.text + "\n").utf8), fileName: fileName,
      source: source,
      title: title ?? article.title, url: url ?? address,
      published: published ?? article.published.flatMap(Self.day))
    request.authors = article.authors.isEmpty ? nil : article.authors
    request.publisher = article.publisher
    request.language = article.language
    request.canonicalURL = article.canonicalURL
    request.modified = article.modified.flatMap(Self.day)
    if loaded.isHTML {
      request.page = ImportedPage(
        bytes: loaded.bytes, contentType: loaded.contentType, fetchedURL: loaded.finalURL,
        fetched: loaded.response == nil ? nil : try context.now())
    }
    return request
  }

  /// The source already imported from the address given: the one to replace with `--replace`
  /// (when no `--id` names it), and a reason to refuse a second import without it.
  private func existingSource(ledger: Ledger) throws -> SourceID? {
    guard id == nil else { return nil }
    let snapshot = try ledger.snapshot()
    let found = snapshot.sourceIDs().first { source in
      guard let record = snapshot.sourceRecord(source) else { return false }
      return record.url == file.text || record.fetchedURL == file.text
    }
    if let found, !replace {
      throw CommandFailure(
        .alreadyExists,
        "\(file.text.escapedForMessage) is already imported as source '\(found)'; re-import it with --replace, or give another --id"
      )
    }
    return found
  }

  /// The last non-empty segment of an address's path (`night-buses` of
  /// `https://x.example/news/night-buses/` or of `…/night-buses.html`), else its host.
  static func lastPathSegment(_ address: String) -> String? {
    var rest = Substring(address)
    if let colon = rest.firstIndex(of: ":") { rest = rest[rest.index(after: colon)...].drop { $0 == "/" } }
    if let end = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
    let segments = rest.split(separator: "/")
    guard var last = segments.count > 1 ? segments.last : segments.first else { return nil }
    // `story.html`, `index.php`: the name without what the server runs it with.
    if let dot = last.lastIndex(of: "."),
      ["html", "htm", "shtml", "xhtml", "php", "asp", "aspx", "jsp", "cfm", "txt"].contains(
        last[last.index(after: dot)...].lowercased())
    {
      last = last[..<dot]
    }
    return String(last)
  }

  /// The day of an ISO 8601 date or date-time, as the page writes it (`2025-03-04T09:30:00Z` →
  /// `2025-03-04`).
  static func day(_ text: String) -> CalendarDate? {
    CalendarDate(String(text.prefix(10)))
  }
}

extension ImportCommand {
  func reimport(_ request: ImportRequest, ledger: Ledger, author: Identity, context: CommandContext) throws -> Int32 {
    let (plan, commit) = try ledger.reimportSource(request, dryRun: dryRun, as: author, at: try context.now())
    commit?.warnings.forEach(context.warn)
    if json {
      context.output.write(JSONWriter.canonicalText(of: ImportOutput.json(plan, commit: commit, dryRun: dryRun)))
      return ExitStatus.success
    }
    let style = context.style
    let summary =
      "\(plan.kept.count) kept, \(plan.added.count) added, \(plan.reworded.count) reworded, \(plan.deleted.count) retired; \(String.count(plan.staleReviews.count, "review")) marked stale"
    if plan.isUnchanged && (commit == nil || dryRun) {
      context.print("No claim of \(plan.source) changes: \(summary).")
      return ExitStatus.success
    }
    func quoted(_ claim: Claim) -> String { "\"" + TerminalText.oneLine(claim.text, width: 60) + "\"" }
    context.print(
      dryRun ? style.bold("Would re-import \(plan.source): \(summary)") : "Re-imported \(plan.source): \(summary)")
    for claim in plan.added { context.print(style.green("  + \(claim.id) \(claim.reference) ") + quoted(claim)) }
    for rewording in plan.reworded {
      context.print(style.yellow("  ~ \(rewording.claim.id) \(rewording.claim.reference) ") + quoted(rewording.claim))
      for old in rewording.replaces { context.print("      replaces \(old.id) " + quoted(old)) }
      for choice in plan.verdictChoices where choice.claim == rewording.claim.id {
        let others = choice.setAside.map { "\($0.verdict) (on \($0.from))" }.joined(separator: ", ")
        context.print(
          "      \(TerminalText.oneLine(choice.reviewer.description, width: 40)): carries \(choice.kept.verdict) (on \(choice.kept.from), \(choice.reason == .later ? "the later" : "the more severe")), not \(others)"
        )
      }
    }
    for claim in plan.deleted { context.print(style.red("  - \(claim.id) retired ") + quoted(claim)) }
    if let commit { context.print("in commit \(commit.commit.prefix(7))") }
    return ExitStatus.success
  }
}

enum ImportOutput {
  static func json(_ plan: ReimportPlan, commit: CommitResult?, dryRun: Bool) -> JSONValue {
    .object([
      "source": .string(plan.source.rawValue),
      "dry_run": .bool(dryRun),
      "commit": commit.map { .string($0.commit) } ?? .null,
      "kept": .array(plan.kept.map { .string($0.id.rawValue) }),
      "added": .array(plan.added.map { .string($0.id.rawValue) }),
      "reworded": .array(
        plan.reworded.map {
          .object([
            "claim": .string($0.claim.id.rawValue), "replaces": .array($0.replaces.map { .string($0.id.rawValue) }),
          ])
        }),
      "retired": .array(plan.deleted.map { .string($0.id.rawValue) }),
      "verdict_choices": .array(
        plan.verdictChoices.map { choice in
          .object([
            "claim": .string(choice.claim.rawValue), "reviewer": .string(choice.reviewer.description),
            "kept": .object(["verdict": .string(choice.kept.verdict), "from": .string(choice.kept.from.rawValue)]),
            "set_aside": .array(
              choice.setAside.map { .object(["verdict": .string($0.verdict), "from": .string($0.from.rawValue)]) }),
            "reason": .string(choice.reason.rawValue),
          ])
        }),
      "stale_reviews": .array(
        plan.staleReviews.map {
          .object(["claim": .string($0.claim.rawValue), "reviewer": .string($0.reviewer.description)])
        }),
    ])
  }

  /// What `import --dry-run --json` prints: the claims an import would make, and no commit.
  static func json(preview claims: [Claim], of source: SourceID) -> JSONValue {
    .object([
      "source": .string(source.rawValue),
      "dry_run": .bool(true),
      "commit": .null,
      "claims": .array(claims.map(claimJSON)),
    ])
  }

  private static func claimJSON(_ claim: Claim) -> JSONValue {
    .object([
      "id": .string(claim.id.rawValue), "ordinal": .integer(claim.ordinal), "kind": .string(claim.kind.rawValue),
    ])
  }

  static func json(_ result: ImportResult) -> JSONValue {
    .object([
      "source": .string(result.source.rawValue),
      "commit": .string(result.commit.commit),
      "claims": .array(
        result.claims.map {
          .object(["id": .string($0.id.rawValue), "ordinal": .integer($0.ordinal), "kind": .string($0.kind.rawValue)])
        }),
    ])
  }
}

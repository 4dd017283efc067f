import ClaimLedger
import ClaimModel

/// `claims import FILE`: copies an article into the ledger and makes a claim of every sentence.
enum ImportCommand {
  static let spec = CommandSpec(
    name: "import", abstract: "Import an article: one claim per sentence, in one commit.",
    discussion:
      "Copies <file> verbatim to seeds/<source-id>.txt, splits it into sentences, and writes one claim record per sentence under Claims/<source-id>/, all in one commit authored by you.",
    arguments: [ArgumentSpec(name: "file", help: "The article, as UTF-8 text ('-' for standard input).")],
    options: [
      .value("id", "source-id", help: "The source's id (default: a slug of the file name)."),
      .value("title", "text", help: "The article's title."),
      .value("url", "url", help: "Where the article was published."),
      .value("published", "date", help: "When it was published (YYYY-MM-DD)."),
      .value("author", "identity", help: "Who imports, as 'Name <email>' (default: CLAIMS_AUTHOR, then git config)."),
      .flag("json", help: "Print the result as JSON."),
    ]
  ) { arguments, context in
    let file = arguments.argument("file") ?? "-"
    let bytes = try InputFile.read(file, context: context)
    let fileName = file == "-" ? "standard input" : file
    let source: SourceID
    if let given = arguments.value("id") {
      guard let id = SourceID(given) else {
        throw UsageError(
          "The value '\(given.escapedForMessage)' is invalid for '--id <source-id>'; use 1-64 of a-z, 0-9, '-', '_', '.', starting with a letter or digit",
          command: "import")
      }
      source = id
    } else {
      let baseName = String(file.split(separator: "/").last ?? "")
      guard file != "-", let slug = SourceID.slug(fromFileName: baseName) else {
        throw UsageError(
          "Cannot make a source id from '\(fileName.escapedForMessage)'; pass --id <source-id>", command: "import")
      }
      source = slug
    }
    var published: CalendarDate?
    if let text = arguments.value("published") {
      guard let date = CalendarDate(text) else {
        throw UsageError(
          "The value '\(text.escapedForMessage)' is invalid for '--published <date>'; write YYYY-MM-DD",
          command: "import")
      }
      published = date
    }
    if let url = arguments.value("url"), case .invalid(let reason) = CitationLocation(url) {
      throw UsageError("The value for '--url <url>' is invalid: \(reason)", command: "import")
    }
    let ledger = try context.openLedger(arguments)
    let author = try context.author(arguments, ledger: ledger)
    let request = ImportRequest(
      bytes: bytes, fileName: fileName, source: source, title: arguments.value("title"), url: arguments.value("url"),
      published: published)
    let result = try ledger.importSource(request, as: author, at: try context.now())
    result.commit.warnings.forEach(context.warn)
    if arguments.flag("json") {
      context.output.write(JSONWriter.canonicalText(of: ImportOutput.json(result)))
    } else {
      let counts = ClaimKind.allCases.compactMap { kind -> String? in
        let count = result.claims.filter { $0.kind == kind }.count
        return count == 0 ? nil : "\(count) \(kind.rawValue)\(count == 1 ? "" : "s")"
      }
      context.print(
        "Imported \(source): \(result.claims.count) claims (\(counts.joined(separator: ", "))) in commit \(result.commit.commit.prefix(7))"
      )
    }
    return ExitStatus.success
  }
}

enum ImportOutput {
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

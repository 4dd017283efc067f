import ClaimLedger
import ClaimModel
import ClaimReport
import HTTP

/// `claims factchecks import FILE|URL` and `claims factchecks list`: other fact-checkers' published
/// verdicts (schema.org ClaimReview), kept in the ledger as reference for `claims match`.
struct FactChecksCommand: ParsableCommand {
  enum Action: String, EnumeratedArgument {
    case `import`, list

    static var valueName: String { "action" }
  }

  static let configuration = CommandConfiguration(
    name: "factchecks", abstract: "Import other fact-checkers' ClaimReview feeds, or list the fact-checks imported.",
    discussion: """
      import FILE|URL: reads schema.org ClaimReview JSON-LD as publishers and aggregators publish it (one object, an \
      array, an @graph, or a DataFeed) from a file ('-' for standard input) or an http(s) address, and stores each \
      fact-check as FactChecks/<publisher>/<id>.json, all in one commit. A fact-check whose url the ledger already has \
      is updated. Records that cannot be used are reported one line each and skipped. \
      list: one line per fact-check: publisher, rating, date, claim and url.
      """
  )

  @Argument(help: "import or list.")
  var action: Action

  @Argument(name: "file", help: "import: the ClaimReview file or http(s) address.")
  var file: String?

  @Option(help: "Who imports, as 'Name <email>' (default: CLAIMS_AUTHOR, then git config).")
  var author: Identity?

  @Flag(help: "Print the result as JSON.")
  var json = false

  func validate() throws(UsageError) {
    switch action {
    case .import:
      guard file != nil else { throw UsageError("Missing expected argument '<file>' (the ClaimReview file or URL)") }
    case .list:
      if let file { throw UsageError("Unexpected argument '\(file)' ('claims factchecks list' takes options only)") }
      if author != nil { throw UsageError("--author goes with 'claims factchecks import'") }
    }
  }

  func run(_ context: CommandContext) throws -> Int32 {
    switch action {
    case .import: try importFeed(context)
    case .list: try list(context)
    }
  }

  private func importFeed(_ context: CommandContext) throws -> Int32 {
    guard let file else { throw UsageError("Missing expected argument '<file>'") }
    let ledger = try context.openLedger()
    let author = try context.author(author, ledger: ledger)
    let bytes = try Self.read(file, context: context)
    let feed: ClaimReviewFeed
    do {
      feed = try ClaimReviewReader().read(bytes)
    } catch {
      throw CommandFailure(.invalidInput, "\(file.escapedForMessage): \(error.message)")
    }
    for problem in feed.problems {
      context.warn("\(file): \(problem.description); skipped")
    }
    guard !feed.factChecks.isEmpty else {
      throw CommandFailure(
        .invalidInput,
        "\(file.escapedForMessage): \(feed.problems.count == 1 ? "its one record is not" : "none of its \(feed.problems.count) records is") a usable ClaimReview; nothing was imported"
      )
    }
    context.status("Importing \(String.count(feed.factChecks.count, "fact-check"))…")
    let result = try ledger.importFactChecks(feed.factChecks, origin: file, by: author, at: try context.now())
    context.clearStatus()
    result.commit?.warnings.forEach(context.warn)
    if json {
      let members: [String: JSONValue] = [
        "added": .integer(result.added.count), "updated": .integer(result.updated.count),
        "unchanged": .integer(result.unchanged), "skipped": .integer(feed.problems.count),
        "commit": result.commit.map { .string($0.commit) } ?? .null,
      ]
      context.output.write(JSONWriter.canonicalText(of: .object(members)))
      return ExitStatus.success
    }
    let counts =
      "\(result.added.count) added, \(result.updated.count) updated, \(result.unchanged) unchanged, \(feed.problems.count) skipped"
    if let commit = result.commit {
      context.print(
        "Imported \(String.count(result.added.count + result.updated.count, "fact-check")) from \(TerminalText.sanitize(file)) (\(counts)) in commit \(commit.commit.prefix(7))"
      )
    } else {
      context.print("Nothing to import from \(TerminalText.sanitize(file)): \(counts).")
    }
    return ExitStatus.success
  }

  private func list(_ context: CommandContext) throws -> Int32 {
    let ledger = try context.openLedger()
    let snapshot = try ledger.snapshot()
    let factChecks = snapshot.factChecks()
    context.report(snapshot.problems)
    if json {
      context.output.write(JSONWriter.canonicalText(of: .array(factChecks.map(\.json))))
      return ExitStatus.success
    }
    let style = context.style
    for factCheck in factChecks {
      let publisher = TerminalText.oneLine(factCheck.publisher ?? factCheck.publisherSlug, width: 16).padded(to: 16)
      let rating = TerminalText.oneLine(factCheck.ratingText ?? "–", width: 16).padded(to: 16)
      let date = (factCheck.datePublished?.text ?? "").padded(to: 10)
      context.print(
        "\(style.yellow(publisher))  \(rating)  \(style.dim(date))  \(TerminalText.oneLine(factCheck.claimReviewed, width: 60))  \(TerminalText.sanitize(factCheck.url))"
      )
    }
    return ExitStatus.success
  }

  /// The bytes of a ClaimReview file, standard input, or an http(s) address the user named.
  static func read(_ file: String, context: CommandContext) throws -> [UInt8] {
    let lowered = file.lowercased()
    if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
      context.status("Fetching \(file)…")
      defer { context.clearStatus() }
      var options = FetchOptions()
      options.accept = "application/ld+json, application/json;q=0.9, */*;q=0.5"
      options.maximumBytes = ClaimReviewReader.defaultMaximumSize
      do {
        return try HTTPClient().fetch(file, options: options).body
      } catch {
        throw CommandFailure(.remoteUnreachable, "cannot fetch \(file.escapedForMessage): \(error.message)")
      }
    }
    if let colon = file.firstIndex(of: ":"), file[file.index(after: colon)...].hasPrefix("//") {
      throw CommandFailure(
        .invalidInput,
        "cannot read '\(file.escapedForMessage)': only http:// and https:// addresses are fetched; save the file and give its path"
      )
    }
    return try InputFile.read(file, context: context)
  }
}

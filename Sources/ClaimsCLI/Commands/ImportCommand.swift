import ClaimLedger
import ClaimModel
import ClaimReport

/// `claims import FILE`: copies an article into the ledger and makes a claim of every sentence.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    name: "import", abstract: "Import an article: one claim per sentence, in one commit.",
    discussion:
      "Copies <file> verbatim to seeds/<source-id>.txt, splits it into sentences, and writes one claim record per sentence under Claims/<source-id>/, all in one commit authored by you."
  )

  @Argument(help: "The article, as UTF-8 text ('-' for standard input).")
  var file: FilePath

  @Option(help: "The source's id (default: a slug of the file name).")
  var id: SourceID?

  @Option(help: "The article's title.")
  var title: String?

  @Option(valueName: "url", help: "Where the article was published.")
  var url: String?

  @Option(help: "When it was published (YYYY-MM-DD).")
  var published: CalendarDate?

  @Option(help: "Who imports, as 'Name <email>' (default: CLAIMS_AUTHOR, then git config).")
  var author: Identity?

  @Flag(help: "Re-import a revised text of an existing source, keeping the reviews that still apply.")
  var replace = false

  @Flag(help: "With --replace: show what would change, and change nothing.")
  var dryRun = false

  @Flag(help: "Print the result as JSON.")
  var json = false

  /// The name the file goes by in messages.
  private var fileName: String { file.path == "-" ? "standard input" : file.path }

  /// `--id`, else a slug of the file's name.
  private var source: SourceID? {
    id ?? (file.path == "-" ? nil : SourceID.slug(fromFileName: String(file.path.split(separator: "/").last ?? "")))
  }

  func validate() throws(UsageError) {
    guard source != nil else {
      throw UsageError("Cannot make a source id from '\(fileName.escapedForMessage)'; pass --id <source-id>")
    }
    if let url, case .invalid(let reason) = CitationLocation(url) {
      throw .invalidValue(url, for: $url, reason: reason)
    }
    if let title, title.containsControlCharacters() {
      throw .invalidValue(title, for: $title, reason: "a title is one line without control characters")
    }
    if dryRun, !replace { throw UsageError("'--dry-run' goes with '--replace'") }
  }

  func run(_ context: CommandContext) throws -> Int32 {
    let bytes = try InputFile.read(file.path, context: context)
    guard let source else { throw UsageError("Cannot make a source id from '\(fileName.escapedForMessage)'") }
    let ledger = try context.openLedger()
    let author = try context.author(author, ledger: ledger)
    let request = ImportRequest(
      bytes: bytes, fileName: fileName, source: source, title: title, url: url, published: published)
    context.status("Importing \(fileName) (\(bytes.count / 1024) KiB)…")
    defer { context.clearStatus() }
    if replace {
      return try reimport(request, ledger: ledger, author: author, context: context)
    }
    let result = try ledger.importSource(request, as: author, at: try context.now())
    result.commit.warnings.forEach(context.warn)
    if json {
      context.output.write(JSONWriter.canonicalText(of: ImportOutput.json(result)))
    } else {
      let counts = ClaimKind.allCases.compactMap { kind -> String? in
        let count = result.claims.filter { $0.kind == kind }.count
        return count == 0 ? nil : "\(count) \(kind.rawValue)\(count == 1 ? "" : "s")"
      }
      context.print(
        "Imported \(source): \(String.count(result.claims.count, "claim")) (\(counts.joined(separator: ", "))) in commit \(result.commit.commit.prefix(7))"
      )
      if let line = try MatchedClaims.resemblanceLine(for: result.claims, in: ledger) { context.print(line) }
    }
    return ExitStatus.success
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
      "\(plan.kept.count) kept, \(plan.added.count) added, \(plan.reworded.count) reworded, \(plan.deleted.count) retired; \(plan.staleReviews.count) reviews marked stale"
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

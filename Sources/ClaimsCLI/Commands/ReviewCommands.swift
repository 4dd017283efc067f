import ClaimLedger
import ClaimModel

/// `claims verdict`, `claims cite`, `claims uncite`, `claims note`: one review action, one commit.
enum ReviewCommands {
  static let reviewerOption = OptionSpec.value(
    "reviewer", "identity", help: "Who reviews, as 'Name <email>' (default: CLAIMS_REVIEWER, then git config).")
  static let claimArgument = ArgumentSpec(name: "id", help: "A claim: a unique prefix of its id, or SOURCE-ID:ORDINAL.")
  static let jsonFlag = OptionSpec.flag("json", help: "Print the updated review as JSON.")

  static let verdict = CommandSpec(
    name: "verdict", abstract: "Record your verdict on a claim.",
    discussion:
      "The ledger's scale (ledger.json) lists the verdicts; the default one is supported, mostly-supported, misleading, refuted, unverifiable (not enough evidence) and opinion (not a checkable statement of fact). A new verdict replaces your previous one; history keeps both.",
    arguments: [
      claimArgument,
      ArgumentSpec(name: "verdict", help: "The verdict, e.g. supported or refuted."),
    ],
    options: [.value("note", "text", help: "A note explaining the verdict."), reviewerOption, jsonFlag]
  ) { arguments, context in
    try perform(
      .verdict(arguments.argument("verdict") ?? "", note: arguments.value("note")), arguments, context)
  }

  static let cite = CommandSpec(
    name: "cite", abstract: "Cite a source your review of a claim rests on.",
    discussion:
      "Accepts http and https URLs, doi:10.NNNN/… names, and paths of documents the ledger holds under seeds/. With --csl, takes the reference (URL or DOI, title, publisher, dates) from a CSL-JSON file as Zotero exports it; options given on the command line win.",
    arguments: [
      claimArgument,
      ArgumentSpec(name: "url", help: "The source: http(s) URL, doi:…, or seeds/<file>.", isOptional: true),
    ],
    options: [
      .value("title", "text", help: "The cited document's title."),
      .value("publisher", "name", help: "Who published it."),
      .value("published", "date", help: "When it was published (YYYY-MM-DD)."),
      .value("accessed", "date", help: "When you read it (default: today)."),
      .value("quote", "text", help: "The passage that matters."),
      .value(
        "stance", "stance", help: "How it bears on the claim: supports, refutes or context.",
        completions: Citation.Stance.allCases.map(\.rawValue)),
      .value("csl", "file", help: "Read the reference from a CSL-JSON file."),
      .value("csl-id", "id", help: "Which reference of the CSL-JSON file, when it holds several."),
      reviewerOption, jsonFlag,
    ]
  ) { arguments, context in
    try perform(.cite(try citation(from: arguments, context: context)), arguments, context)
  }

  static let uncite = CommandSpec(
    name: "uncite", abstract: "Remove one of your citations from a claim.",
    arguments: [
      claimArgument,
      ArgumentSpec(name: "n", help: "The citation's number, as 'claims show' lists yours."),
    ],
    options: [reviewerOption, jsonFlag]
  ) { arguments, context in
    let text = arguments.argument("n") ?? ""
    guard let number = Int(text), number >= 1 else {
      throw UsageError(
        "The value '\(text.escapedForMessage)' is invalid for '<n>'; give a citation number from 1", command: "uncite")
    }
    return try perform(.uncite(number), arguments, context)
  }

  static let note = CommandSpec(
    name: "note", abstract: "Set your note on a claim (an empty text removes it).",
    arguments: [claimArgument, ArgumentSpec(name: "text", help: "The note.")],
    options: [reviewerOption, jsonFlag]
  ) { arguments, context in
    try perform(.note(arguments.argument("text") ?? ""), arguments, context)
  }

  static let withdraw = CommandSpec(
    name: "withdraw", abstract: "Withdraw your verdict on a claim, or your whole review of it.",
    discussion:
      "Without --verdict-only, withdraws your verdict, note and citations: the claim counts as not reviewed by you. History keeps everything you recorded, and 'claims log' shows the withdrawal.",
    arguments: [claimArgument],
    options: [
      .flag("verdict-only", help: "Withdraw only the verdict; keep your note and citations."), reviewerOption,
      jsonFlag,
    ]
  ) { arguments, context in
    try perform(arguments.flag("verdict-only") ? .withdrawVerdict : .withdrawReview, arguments, context)
  }

  private static func perform(_ action: ReviewAction, _ arguments: ParsedArguments, _ context: CommandContext) throws
    -> Int32
  {
    let ledger = try context.openLedger(arguments)
    let reviewer = try context.reviewer(arguments, ledger: ledger)
    let result = try ledger.record(action, on: arguments.argument("id") ?? "", by: reviewer, at: try context.now())
    result.commit?.warnings.forEach(context.warn)
    if arguments.flag("json") {
      var members: [String: JSONValue] = [
        "review": result.review.json, "commit": result.commit.map { .string($0.commit) } ?? .null,
      ]
      members["claim"] = .string(result.claim.id.rawValue)
      context.output.write(JSONWriter.canonicalText(of: .object(members)))
      return ExitStatus.success
    }
    let claim = "\(context.style.yellow(result.claim.id.rawValue)) (\(result.claim.reference))"
    guard let commit = result.commit else {
      context.print("Nothing to record: your review of \(claim) already says that.")
      return ExitStatus.success
    }
    let short = commit.commit.prefix(7)
    switch action {
    case .verdict:
      let verdict = result.review.verdict ?? ""
      let before = result.previous?.verdict.map { $0 == verdict ? "" : " (was \($0))" } ?? ""
      context.print("Recorded \(context.style.bold(verdict)) on \(claim)\(before) in commit \(short)")
    case .cite(let citation):
      context.print(
        "Cited \(TerminalText.sanitize(citation.url)) on \(claim) as your citation \(result.review.citations.count) in commit \(short)"
      )
    case .uncite(let number):
      context.print("Removed your citation \(number) from \(claim) in commit \(short)")
    case .note:
      context.print("\(result.review.note == nil ? "Removed" : "Saved") your note on \(claim) in commit \(short)")
    case .withdrawVerdict:
      let verdict = result.previous?.verdict ?? ""
      context.print("Withdrew your verdict \(context.style.bold(verdict)) on \(claim) in commit \(short)")
    case .withdrawReview:
      context.print("Withdrew your review of \(claim) in commit \(short)")
    }
    return ExitStatus.success
  }

  /// The citation the command line describes, from its options and, with `--csl`, a CSL-JSON file.
  static func citation(from arguments: ParsedArguments, context: CommandContext) throws -> Citation {
    var citation = Citation(url: "")
    if let file = arguments.value("csl") {
      let bytes = try InputFile.read(file, context: context)
      do {
        let value = try JSONParser.parse(bytes)
        citation = try Citation(cslJSON: value, itemID: arguments.value("csl-id"))
        let options = ["issued": "published", "accessed": "accessed"]
        for field in Citation.cslDatesNotRead(in: value, itemID: arguments.value("csl-id"))
        where arguments.value(options[field] ?? field) == nil {
          context.warn(
            "the reference's '\(field)' date is not a date claims can read (YYYY, YYYY-MM or YYYY-MM-DD), so it is left out; give --\(options[field] ?? field) YYYY-MM-DD"
          )
        }
      } catch let error as JSONParseError {
        throw CommandFailure(
          .invalidInput,
          "\(file.escapedForMessage) is not CSL-JSON: not valid JSON (\(error.description)); export the reference as CSL JSON"
        )
      } catch let error as RecordError {
        throw CommandFailure(CommandFailure.Kind(error.kind), "\(file.escapedForMessage): \(error.problem)")
      }
    }
    if let url = arguments.argument("url") { citation.url = url }
    guard !citation.url.isEmpty else {
      throw UsageError(
        "Missing expected argument '<url>' (or give --csl with a reference that has a URL or DOI)", command: "cite")
    }
    citation.url = try normalizeLocation(citation.url, context: context, arguments: arguments)
    func date(_ option: String) throws(UsageError) -> CalendarDate? {
      guard let text = arguments.value(option) else { return nil }
      guard let date = CalendarDate(text) else {
        throw UsageError(
          "The value '\(text.escapedForMessage)' is invalid for '--\(option) <date>'; write YYYY-MM-DD", command: "cite"
        )
      }
      return date
    }
    if let title = arguments.value("title") { citation.title = title }
    if let publisher = arguments.value("publisher") { citation.publisher = publisher }
    if let published = try date("published") { citation.published = published }
    let now = try context.now()
    citation.accessed = try date("accessed") ?? citation.accessed ?? CalendarDate(day: now)
    // A day ahead of UTC is today somewhere on Earth; later than that is a typo.
    if let accessed = citation.accessed,
      accessed > CalendarDate(day: Timestamp(secondsSince1970: now.secondsSince1970 + 86_400))
    {
      throw UsageError(
        "The value '\(accessed.text)' is invalid for '--accessed <date>': it is in the future", command: "cite")
    }
    if let quote = arguments.value("quote") { citation.quote = quote }
    if let stanceText = arguments.value("stance") {
      guard let stance = Citation.Stance(rawValue: stanceText) else {
        throw UsageError(
          "The value '\(stanceText.escapedForMessage)' is invalid for '--stance <stance>'; use supports, refutes or context",
          command: "cite")
      }
      citation.stance = stance
    }
    return citation
  }

  /// Accepts what `CitationLocation` accepts, and a `file:` URL or path only when it names a
  /// document under the ledger's `seeds/` (turned into that relative path).
  private static func normalizeLocation(_ text: String, context: CommandContext, arguments: ParsedArguments) throws
    -> String
  {
    if text.lowercased().hasPrefix("file:") {
      var path = String(text.dropFirst(5))
      if path.hasPrefix("//localhost/") { path.removeFirst("//localhost".count) }
      while path.hasPrefix("//") { path.removeFirst() }
      let ledger = try context.openLedger(arguments)
      let seeds = ledger.rootPath + "/" + LedgerPaths.seeds + "/"
      guard path.hasPrefix(seeds) else {
        let hint =
          path.hasPrefix("/")
          ? "only documents under \(seeds) can be cited as files" : "a file: URL needs an absolute path"
        throw CommandFailure(
          .invalidInput, "'\(text.escapedForMessage)' is outside the ledger; \(hint), or cite seeds/<file>")
      }
      let relative = LedgerPaths.seeds + "/" + path.dropFirst(seeds.count)
      if case .invalid(let reason) = CitationLocation(relative) { throw CommandFailure(.invalidInput, reason) }
      return relative
    }
    if case .invalid(let reason) = CitationLocation(text) {
      throw CommandFailure(.invalidInput, reason)
    }
    return text
  }
}

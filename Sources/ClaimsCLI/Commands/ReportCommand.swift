import ClaimLedger
import ClaimModel
import ClaimReport

#if canImport(Glibc)
  import Glibc
#endif

/// `claims report`: the verification report.
enum ReportCommand {
  static let spec = CommandSpec(
    name: "report", abstract: "Write the verification report: coverage, disputes, flags, backlog, agreement.",
    discussion:
      "How much of each article has been checked (claims by kind; checkable, reviewed, cited and verified), every disputed, flagged or stale claim, the backlog with assignees, the verdict distribution, reviewer activity, and inter-reviewer agreement (Cohen's and Fleiss' kappa, Krippendorff's alpha). Formats: text (on a terminal, in colour), markdown, json (schema in docs/REPORT.md), csv (one row per claim), html (one self-contained page), claimreview (schema.org ClaimReview JSON-LD for publishing).",
    options: [
      .value("source", "source-id", help: "Report on this source only (repeatable).", isRepeating: true),
      .value("at", "revision", help: "Report on the ledger as it was at <revision> (commit, tag, branch, HEAD~N)."),
      .value(
        "format", "format", help: "text, markdown, json, csv, html or claimreview.", defaultValue: "text",
        completions: ReportFormat.allCases.map(\.rawValue)),
      .value("output", short: "o", "file", help: "Write the report to <file> instead of standard output."),
      .value("width", "columns", help: "The width of the text report.", defaultValue: "100"),
    ]
  ) { arguments, context in
    let formatName = arguments.value("format") ?? "text"
    guard let format = ReportFormat(rawValue: formatName) else {
      let names = ReportFormat.allCases.map(\.rawValue)
      let hint = Suggestions.closest(to: formatName, among: names).map { " Did you mean '\($0)'?" } ?? ""
      throw UsageError(
        "The value '\(formatName.escapedForMessage)' is invalid for '--format <format>'; use one of \(names.joined(separator: ", ")).\(hint)",
        command: "report")
    }
    let width = try arguments.integer("width", in: 60...400) ?? 100
    let ledger = try context.openLedger(arguments)
    let revision = arguments.value("at")
    let snapshot =
      try revision.map { revision throws(LedgerError) in try ledger.snapshot(at: revision) } ?? ledger.snapshot()
    let sources = try ListCommand.selectedSources(arguments, in: snapshot)
    let input = try makeInput(
      snapshot: snapshot, ledger: ledger, sources: sources, revision: revision, context: context)
    Trace.mark("report input gathered")
    let report = ReportBuilder.build(input)
    Trace.mark("report built")
    let toTerminal = arguments.value("output") == nil && context.isOutputTerminal
    let options = RenderOptions(useColor: toTerminal && context.style.isEnabled, width: width)
    let text = ReportRenderer.render(report, as: format, options: options)
    Trace.mark("report rendered")
    context.report(snapshot.problems)
    if let path = arguments.value("output") {
      try write(text, to: context.absolutePath(path), shown: path)
    } else {
      context.output.write(text)
    }
    return ExitStatus.success
  }

  /// Everything the report needs, read from one commit.
  static func makeInput(
    snapshot: LedgerSnapshot, ledger: Ledger, sources: [SourceID], revision: String?, context: CommandContext
  ) throws -> ReportInput {
    snapshot.loadRecords(of: sources)
    Trace.mark("records loaded")
    var claims: [Claim] = []
    var reviews: [Review] = []
    var assignments: [Assignment] = []
    var records: [SourceRecord] = []
    for source in sources {
      let sourceRecords = snapshot.records(of: source)
      claims += sourceRecords.claims
      for list in sourceRecords.reviews.values { reviews += list }
      assignments += sourceRecords.assignments.values
      if let record = snapshot.sourceRecord(source) { records.append(record) }
    }
    let selected = Set(sources)
    var actions: [ReportAction] = []
    for entry in try ledger.history(from: snapshot.revision)
    where ReportAction.knownKinds.contains(entry.action) || entry.action == "reimport" {
      let kind = entry.action == "reimport" ? "import" : entry.action
      let source = entry.sources.first
      if let source, !selected.contains(source) { continue }
      if entry.claims.isEmpty || kind == "import" {
        actions.append(ReportAction(kind: kind, reviewer: entry.author, source: source, time: entry.time))
      } else {
        for claim in entry.claims {
          actions.append(
            ReportAction(kind: kind, reviewer: entry.author, claim: claim, source: source, time: entry.time))
        }
      }
    }
    return ReportInput(
      config: snapshot.config(), sources: records, claims: claims, reviews: reviews, assignments: assignments,
      actions: actions, revision: snapshot.revision, generatedAt: try context.now(),
      sourceFilter: sources.count == snapshot.sourceIDs().count ? [] : sources)
  }

  /// Writes the report through a temporary file, so a reader never sees half of it.
  static func write(_ text: String, to path: String, shown: String) throws {
    let temporary = path + ".claims-\(getpid()).tmp"
    guard let file = fopen(temporary, "wx") else {
      throw CommandFailure("cannot write '\(shown.escapedForMessage)': \(String(cString: strerror(errno)))")
    }
    let bytes = Array(text.utf8)
    let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
    let closed = fclose(file)
    guard written == bytes.count, closed == 0, rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw CommandFailure("cannot write '\(shown.escapedForMessage)': \(reason)")
    }
  }
}

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
    Trace.mark("report: arguments read")
    let ledger = try context.openLedger(arguments)
    let revision = arguments.value("at")
    let snapshot =
      try revision.map { revision throws(LedgerError) in try ledger.snapshot(at: revision) } ?? ledger.snapshot()
    Trace.mark("ledger opened")
    let allSources = snapshot.sourceIDs()
    let sources = try ListCommand.selectedSources(arguments, in: snapshot)
    let sourceFilter = sources.count == allSources.count ? [] : sources
    let config = snapshot.config()
    let actions = try reportActions(ledger: ledger, snapshot: snapshot, selected: Set(sources))
    Trace.mark("history read")
    let importTimes = ReportBuilder.importTimes(of: actions)
    context.status("Reading \(String.count(sources.count, "source"))…")
    let gathered = ReportSources(
      snapshot: snapshot, sources: sources, config: config, format: format, importTimes: importTimes)
    var claimSources: [ClaimID: SourceID] = [:]
    if !sourceFilter.isEmpty, actions.contains(where: { $0.source == nil && $0.claim != nil }) {
      let selected = Set(sources)
      for (id, source) in snapshot.claimLocations() where selected.contains(source) { claimSources[id] = source }
    }
    var report = ReportBuilder.combine(
      ReportParts(
        config: config, tallies: gathered.tallies, details: [], records: [], actions: actions,
        revision: snapshot.revision, generatedAt: try context.now(), sourceFilter: sourceFilter,
        claimSources: claimSources))
    context.clearStatus()
    Trace.mark("report combined")
    let toTerminal = arguments.value("output") == nil && context.isOutputTerminal
    let options = RenderOptions(useColor: toTerminal && context.style.isEnabled, width: width)
    for source in ReportRenderer.sourcesToLoad(for: report, as: format, options: options, stored: gathered.isStored) {
      report.insert(gathered.details(of: source))
    }
    Trace.mark("entries loaded")
    context.report(problems(before: snapshot.problems, sources: gathered.problems))
    if format == .claimreview { warnAboutUnpublishableSources(report, context: context) }
    let render = { (output: ReportOutput) in
      ReportRenderer.write(report, as: format, options: options, store: gathered.fragments, to: output)
    }
    if let path = arguments.value("output") {
      try OutputDestination.write(render, to: context.absolutePath(path), shown: path)
    } else {
      render(ReportOutput { context.output.write(utf8: $0) })
    }
    Trace.mark("report written")
    return ExitStatus.success
  }

  /// ClaimReview markup needs the page a claim appeared on and when: say which sources lack them,
  /// since their objects then carry no `url` and an empty `appearance`.
  static func warnAboutUnpublishableSources(_ report: VerificationReport, context: CommandContext) {
    for source in report.sources {
      var missing: [String] = []
      if case .web = source.record?.url.map({ CitationLocation($0) }) {} else { missing.append("http(s) URL") }
      if source.record?.published == nil { missing.append("publication date") }
      guard !missing.isEmpty else { continue }
      context.warn(
        "source '\(source.id)' has no \(missing.joined(separator: " and no ")), so its ClaimReview objects lack them; add them with 'claims import FILE --id \(source.id) --replace --url URL --published DATE'"
      )
    }
  }

  /// The review actions of the history up to the snapshot's commit, of the selected sources.
  static func reportActions(ledger: Ledger, snapshot: LedgerSnapshot, selected: Set<SourceID>) throws
    -> [ReportAction]
  {
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
    return actions
  }

  /// The problems to warn about: those the snapshot met, with each source's (cached ones too) in
  /// source order, every path once.
  static func problems(before snapshotProblems: [LedgerProblem], sources: [LedgerProblem]) -> [LedgerProblem] {
    var seen: Set<String> = []
    return (snapshotProblems + sources).filter { seen.insert($0.path).inserted }
  }
}

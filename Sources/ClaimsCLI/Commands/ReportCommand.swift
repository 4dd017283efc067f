import ClaimLedger
import ClaimModel
import ClaimReport

#if canImport(Glibc)
  import Glibc
#endif

/// `claims report`: the verification report.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    name: "report", abstract: "Write the verification report: coverage, disputes, flags, backlog, agreement.",
    discussion:
      "How much of each article has been checked (claims by kind; checkable, reviewed, cited and verified), every disputed, flagged or stale claim, the backlog with assignees, the verdict distribution, reviewer activity, and inter-reviewer agreement (Cohen's and Fleiss' kappa, Krippendorff's alpha). Formats: text (on a terminal, in colour), markdown, json (schema in docs/REPORT.md), csv (one row per claim), html (one self-contained page), claimreview (schema.org ClaimReview JSON-LD for publishing)."
  )

  @Option(help: "Report on this source only (repeatable).")
  var source: [SourceID] = []

  @Option(help: "Report on the ledger as it was at <revision> (commit, tag, branch, HEAD~N).")
  var at: Revision?

  @Option(help: "text, markdown, json, csv, html or claimreview.")
  var format: ReportFormat = .text

  @Option(name: .short("o"), help: "Write the report to <file> instead of standard output.")
  var output: FilePath?

  @Option(help: "The width of the text report.")
  var width = ReportWidth(value: 100)

  func run(_ context: CommandContext) throws -> Int32 {
    Trace.mark("report: arguments read")
    let ledger = try context.openLedger()
    let snapshot = try ledger.snapshot(at: at)
    Trace.mark("ledger opened")
    let allSources = snapshot.sourceIDs()
    let sources = try ListCommand.selectedSources(source, in: snapshot)
    let sourceFilter = sources.count == allSources.count ? [] : sources
    let config = snapshot.config()
    let actions = try Self.reportActions(ledger: ledger, snapshot: snapshot, selected: Set(sources))
    Trace.mark("history read")
    let importTimes = ReportBuilder.importTimes(of: actions)
    context.status("Reading \(String.count(sources.count, "source"))…")
    let gathered = ReportSources(
      snapshot: snapshot, sources: sources, config: config, format: format, importTimes: importTimes,
      health: Self.evidenceHealth(of: ledger))
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
    report.earlierChecks = MatchedClaims.section(of: sources, in: snapshot)
    context.clearStatus()
    Trace.mark("report combined")
    let toTerminal = output == nil && context.isOutputTerminal
    let options = RenderOptions(useColor: toTerminal && context.style.isEnabled, width: width.value)
    for source in ReportRenderer.sourcesToLoad(for: report, as: format, options: options, stored: gathered.isStored) {
      report.insert(gathered.details(of: source))
    }
    Trace.mark("entries loaded")
    context.report(Self.problems(before: snapshot.problems, sources: gathered.problems))
    if format == .claimreview { Self.warnAboutUnpublishableSources(report, context: context) }
    let render = { (output: ReportOutput) in
      ReportRenderer.write(report, as: format, options: options, store: gathered.fragments, to: output)
    }
    if let path = output?.path {
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
    // One person under two aliases is one reviewer (the ledger's .mailmap).
    let people = snapshot.people
    for entry in try ledger.history(from: snapshot.revision)
    where (ReportAction.knownKinds.contains(entry.action) || entry.action == "reimport") && entry.recordsChanged {
      let kind = entry.action == "reimport" ? "import" : entry.action
      let source = entry.sources.first
      if let source, !selected.contains(source) { continue }
      if entry.claims.isEmpty || kind == "import" {
        actions.append(
          ReportAction(kind: kind, reviewer: people.canonical(entry.author), source: source, time: entry.time))
      } else {
        for claim in entry.claims {
          actions.append(
            ReportAction(
              kind: kind, reviewer: people.canonical(entry.author), claim: claim, source: source, time: entry.time))
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

  /// What the last evidence checks found, by source, as the report shows it.
  static func evidenceHealth(of ledger: Ledger) -> [SourceID: CitationHealthIndex] {
    var bySource: [SourceID: [String: (capture: String, health: CitationHealth)]] = [:]
    for (id, entry) in ledger.evidenceHealth().entries {
      guard let shown = entry.shown else { continue }
      bySource[entry.source, default: [:]][id] = (entry.capture, shown)
    }
    return bySource.mapValues { CitationHealthIndex($0) }
  }
}

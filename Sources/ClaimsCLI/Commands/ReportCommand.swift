import ClaimLedger
import ClaimModel
import ClaimReport
import ReportPipeline

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
    let sources = try ListCommand.selectedSources(source, in: snapshot)
    let toTerminal = output == nil && context.isOutputTerminal
    let request = ReportRequest(
      sources: sources, format: format,
      options: RenderOptions(useColor: toTerminal && context.style.isEnabled, width: width.value),
      generatedAt: try context.now())
    context.status("Reading \(String.count(sources.count, "source"))…")
    let report = try ReportPipeline(ledger: ledger, snapshot: snapshot).assemble(request)
    context.clearStatus()
    context.report(report.problems)
    if format == .claimreview { Self.warnAboutUnpublishableSources(report, context: context) }
    if let path = output?.path {
      try OutputDestination.write(report.write(to:), to: context.absolutePath(path), shown: path)
    } else {
      report.write(to: ReportOutput { context.output.write(utf8: $0) })
    }
    Trace.mark("report written")
    return ExitStatus.success
  }

  /// ClaimReview markup needs the page a claim appeared on and when: say which sources lack them,
  /// since their objects then carry no `url` and an empty `appearance`.
  static func warnAboutUnpublishableSources(_ report: AssembledReport, context: CommandContext) {
    for (source, missing) in report.unpublishableSources {
      context.warn(
        "source '\(source)' has no \(missing.joined(separator: " and no ")), so its ClaimReview objects lack them; add them with 'claims import FILE --id \(source) --replace --url URL --published DATE'"
      )
    }
  }
}

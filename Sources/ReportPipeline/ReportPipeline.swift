public import ClaimLedger
import ClaimModel
import ClaimReport

/// The one path from a ledger snapshot to a report ready to write: the history's actions, each
/// source's figures and rendered pieces (from the report caches or computed on every core), the
/// earlier checks, and the entries of every source the format shows, read in one batch.
///
/// The command line only parses, calls ``assemble(_:)`` and writes; the order the parts must be
/// loaded in is kept here, and what comes out (``AssembledReport``) can only be written in the
/// format it was assembled for.
public struct ReportPipeline {
  private let ledger: Ledger
  private let snapshot: LedgerSnapshot

  /// A pipeline reading `snapshot` of `ledger` (its history, evidence checks and caches).
  public init(ledger: Ledger, snapshot: LedgerSnapshot) {
    self.ledger = ledger
    self.snapshot = snapshot
  }

  /// The report `request` asks for.
  /// - Throws: ``LedgerError`` when the history cannot be read.
  public func assemble(_ request: ReportRequest) throws(LedgerError) -> AssembledReport {
    let allSources = snapshot.sourceIDs()
    let sources = request.sources.isEmpty ? allSources : request.sources
    let sourceFilter = sources.count == allSources.count ? [] : sources
    let config = snapshot.config()
    let actions = ReportHistory.actions(
      in: try ledger.history(from: snapshot.revision), people: snapshot.people, selected: Set(sources))
    Trace.mark("history read")
    let gathered = ReportSources(
      snapshot: snapshot, sources: sources, config: config, format: request.format,
      importTimes: ReportBuilder.importTimes(of: actions), health: CitationHealthIndex.bySource(in: ledger))
    var claimSources: [ClaimID: SourceID] = [:]
    if !sourceFilter.isEmpty, actions.contains(where: { $0.source == nil && $0.claim != nil }) {
      let selected = Set(sources)
      for (id, source) in snapshot.claimLocations() where selected.contains(source) { claimSources[id] = source }
    }
    var report = ReportBuilder.combine(
      ReportParts(
        config: config, tallies: gathered.tallies, details: [], records: [], actions: actions,
        revision: snapshot.revision, generatedAt: request.generatedAt, sourceFilter: sourceFilter,
        claimSources: claimSources))
    report.earlierChecks = EarlierChecksSection(of: sources, in: snapshot)
    Trace.mark("report combined")
    let toLoad = ReportRenderer.sourcesToLoad(
      for: report, as: request.format, options: request.options, stored: gathered.isStored)
    for details in gathered.details(of: toLoad) { report.insert(details) }
    Trace.mark("entries loaded")
    var seen: Set<String> = []
    let problems = (snapshot.problems + gathered.problems).filter { seen.insert($0.path).inserted }
    return AssembledReport(
      report: report, format: request.format, options: request.options, problems: problems,
      sources: gathered)
  }
}

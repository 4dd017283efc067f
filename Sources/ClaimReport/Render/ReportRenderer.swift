package import ClaimModel

/// The formats a report can be written in.
public enum ReportFormat: String, CaseIterable, Sendable {
  /// Aligned plain text for a terminal, 100 columns.
  case text
  /// GitHub/GitLab-flavoured Markdown.
  case markdown
  /// The whole report as canonical JSON (`docs/REPORT.md` documents the schema).
  case json
  /// One row per claim, for spreadsheets.
  case csv
  /// One self-contained HTML page with charts and a filterable claims table.
  case html
  /// schema.org `ClaimReview` JSON-LD for publishing verdicts.
  case claimreview
}

/// How to render.
public struct RenderOptions: Sendable {
  /// Whether the text format may use ANSI colours (only when writing to a terminal).
  public var useColor: Bool
  /// The width of the text format, in columns.
  public var width: Int
  /// How many entries a long list shows in the text and Markdown formats before "and N more";
  /// HTML, JSON and CSV always list everything.
  public var listLimit: Int

  /// Options; the defaults suit a 100-column terminal without colour.
  public init(useColor: Bool = false, width: Int = 100, listLimit: Int = 20) {
    self.useColor = useColor
    self.width = width
    self.listLimit = listLimit
  }
}

/// Writes a ``VerificationReport`` in a ``ReportFormat``.
public enum ReportRenderer {
  /// The report in `format`.
  public static func render(_ report: VerificationReport, as format: ReportFormat, options: RenderOptions) -> String {
    var bytes: [UInt8] = []
    let output = ReportOutput { bytes.append(contentsOf: $0) }
    write(report, as: format, options: options, to: output)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Writes the report in `format` to `output`, then finishes it. Each source's piece of a list is
  /// taken from `store` when it has one, else rendered from the report's entries, which must then
  /// be loaded (``sourcesToLoad(for:as:options:stored:)``).
  public static func write(
    _ report: VerificationReport, as format: ReportFormat, options: RenderOptions,
    store: (any ReportFragmentStore)? = nil, to output: ReportOutput
  ) {
    switch format {
    case .text: output.write(TextRenderer(report: report, options: options).render())
    case .markdown: output.write(MarkdownRenderer(report: report, options: options).render())
    case .json: JSONRenderer(report: report, store: store, output: output).write()
    case .csv: CSVRenderer(report: report, store: store, output: output).write()
    case .html: HTMLRenderer(report: report, store: store, output: output).write()
    case .claimreview: ClaimReviewRenderer(report: report, store: store, output: output).write()
    }
    output.finish()
  }

  /// The lists `format` writes source by source, whose pieces ``fragments(of:as:context:)`` makes
  /// and a ``ReportFragmentStore`` may hold; none for the text and Markdown formats, which show
  /// only the start of each list.
  public static func parts(of format: ReportFormat) -> [ReportPart] {
    switch format {
    case .text, .markdown: []
    case .json: JSONRenderer.parts
    case .csv: CSVRenderer.parts
    case .html: HTMLRenderer.parts
    case .claimreview: ClaimReviewRenderer.parts
    }
  }

  /// One source's piece of each of the lists of ``parts(of:)``, exactly as ``write(_:as:options:store:to:)``
  /// would write it.
  public static func fragments(of details: SourceDetails, as format: ReportFormat, context: FragmentContext)
    -> [ReportPart: [UInt8]]
  {
    let lists = SourceLists(details, importedAt: context.importedAt)
    switch format {
    case .text, .markdown: return [:]
    case .json: return JSONRenderer.fragments(of: lists, context: context)
    case .csv: return CSVRenderer.fragments(of: lists, context: context)
    case .html: return HTMLRenderer.fragments(of: lists, context: context)
    case .claimreview: return ClaimReviewRenderer.fragments(of: lists, context: context)
    }
  }

  /// The sources whose entries ``VerificationReport/insert(_:)`` must load before the report is
  /// written in `format`: for text and Markdown, those at the start of each list; for the other formats, every source with entries that `stored` lacks.
  package static func sourcesToLoad(
    for report: VerificationReport, as format: ReportFormat, options: RenderOptions,
    stored: (ReportPart, SourceID) -> Bool = { _, _ in false }
  ) -> [SourceID] {
    var sources: [SourceID] = []
    switch format {
    case .text, .markdown:
      let limit = max(1, options.listLimit)
      sources += report.disputed.unloadedSources(amongFirst: limit)
      sources += report.flagged.unloadedSources(amongFirst: limit)
      sources += report.staleReviews.unloadedSources(amongFirst: limit)
      sources += report.backlog.unloadedSources(amongFirst: limit)
      sources += report.retiredReviewed.unloadedSources(amongFirst: limit)
      // Markdown shows every claim's evidence and every failing citation; text the first ones.
      let evidenceLimit = format == .markdown ? Int.max : limit
      sources += report.reviewed.unloadedSources(amongFirst: evidenceLimit)
      sources += report.evidenceAlerts.unloadedSources(amongFirst: evidenceLimit)
    case .json, .csv, .html, .claimreview:
      // The citation-health section lists every failing citation; it has no stored pieces.
      if format == .json || format == .html {
        sources += report.evidenceAlerts.unloadedSources(amongFirst: report.evidenceAlerts.count)
      }
      func missing<Element>(_ part: ReportPart, _ list: ReportList<Element>) {
        for source in list.unloadedSources(amongFirst: list.count) where !stored(part, source) {
          sources.append(source)
        }
      }
      let parts = Set(self.parts(of: format))
      if parts.contains(.claims) { missing(.claims, report.claims) }
      if parts.contains(.disputed) { missing(.disputed, report.disputed) }
      if parts.contains(.flagged) { missing(.flagged, report.flagged) }
      if parts.contains(.staleReviews) { missing(.staleReviews, report.staleReviews) }
      if parts.contains(.backlog) { missing(.backlog, report.backlog) }
      if parts.contains(.retired) { missing(.retired, report.retired) }
    }
    var seen: Set<SourceID> = []
    return sources.filter { seen.insert($0).inserted }
  }
}

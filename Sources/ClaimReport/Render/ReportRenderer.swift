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
    switch format {
    case .text: TextRenderer(report: report, options: options).render()
    case .markdown: MarkdownRenderer(report: report, options: options).render()
    case .json: JSONRenderer.render(report)
    case .csv: CSVRenderer.render(report)
    case .html: HTMLRenderer(report: report).render()
    case .claimreview: ClaimReviewRenderer.render(report)
    }
  }
}

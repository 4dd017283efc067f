import ClaimModel

/// The report's charts as inline SVG: no scripts, no external references, every label escaped
/// with ``ReportEscaping/html(_:)``. Colours come from classes (`seg-verified`, `seg-reviewed`,
/// `seg-awaiting`, `bar`, `bar-flagging`) that the HTML page styles; a chart used elsewhere falls
/// back to the `fill` attributes.
///
/// Each row is a line of text — the label at the left, the figure at the right — over a bar the
/// full width of the chart. Stacked so, a chart stays legible when a narrow screen shrinks it,
/// and the longest figure (`100.0% verified · 100.0% reviewed`) still fits beside a label of
/// 26 characters.
public enum SVGCharts {
  private static let width = 480.0
  private static let rowHeight = 42.0
  private static let barTop = 20.0
  private static let barHeight = 14.0
  private static let fontSize = 14.0

  /// Stacked bars of verified, reviewed and awaiting claims, for all sources and then each one.
  public static func coverage(_ report: VerificationReport) -> String {
    var rows: [(label: String, coverage: Coverage)] = [("All sources", report.overall)]
    rows += report.sources.map { ($0.id.rawValue, $0.coverage) }
    var svg = open(
      rows: rows.count, title: "Coverage of checkable claims: verified, reviewed, awaiting a verdict",
      id: "coverage-chart")
    for (index, row) in rows.enumerated() {
      let y = 4 + rowHeight * Double(index)
      svg += label(row.label, y: y)
      let coverage = row.coverage
      guard coverage.checkable > 0 else {
        svg += rect(x: 0, y: y + barTop, width: width, className: "seg-none", fill: "#f4f5f7", title: "")
        svg += figure("no checkable claims", y: y)
        continue
      }
      let reviewedOnly = coverage.reviewed - coverage.verified
      let segments = [
        (coverage.verified, "seg-verified", "#2e7d32", "verified"),
        (max(0, reviewedOnly), "seg-reviewed", "#f2b33d", "reviewed, not verified"),
        (coverage.unreviewed, "seg-awaiting", "#d5d9df", "awaiting a verdict"),
      ]
      var x = 0.0
      for (count, className, fill, meaning) in segments where count > 0 {
        let share = Double(count) / Double(coverage.checkable)
        let title = "\(row.label): \(count) \(meaning) (\(Formatting.percent(share)))"
        svg += rect(x: x, y: y + barTop, width: share * width, className: className, fill: fill, title: title)
        x += share * width
      }
      svg += figure(
        "\(Formatting.percent(coverage.share(coverage.verified))) verified · "
          + "\(Formatting.percent(coverage.share(coverage.reviewed))) reviewed", y: y)
    }
    return svg + "</svg>"
  }

  /// One bar per verdict: how many reviews gave it.
  public static func verdicts(_ report: VerificationReport) -> String {
    let entries = report.distribution.entries
    let most = entries.map(\.reviews).max() ?? 0
    var svg = open(rows: max(1, entries.count), title: "Verdicts given, by number of reviews", id: "verdict-chart")
    for (index, entry) in entries.enumerated() {
      let y = 4 + rowHeight * Double(index)
      let label = report.label(ofVerdict: entry.verdict)
      svg += self.label(label, y: y)
      let isFlagging = report.flags(entry.verdict)
      if most > 0, entry.reviews > 0 {
        svg += rect(
          x: 0, y: y + barTop, width: Double(entry.reviews) / Double(most) * width,
          className: isFlagging ? "bar-flagging" : "bar", fill: isFlagging ? "#b3261e" : "#3f6fb5",
          title: "\(label): \(Formatting.count(entry.reviews, "review"))")
      }
      svg += figure(Formatting.count(entry.reviews, "review"), y: y)
    }
    return svg + "</svg>"
  }

  // MARK: Pieces

  private static func open(rows: Int, title: String, id: String) -> String {
    let height = rowHeight * Double(rows)
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" "
      + "viewBox=\"0 0 \(number(width)) \(number(height))\" width=\"\(number(width))\" height=\"\(number(height))\" "
      + "role=\"img\" aria-labelledby=\"\(id)-title\"><title id=\"\(id)-title\">\(ReportEscaping.html(title))</title>"
  }

  /// A row's label, at the left above its bar.
  private static func label(_ label: String, y: Double) -> String {
    text(TextLayout.clip(ReportEscaping.terminal(label), 26), x: 0, y: y, anchor: "start", className: "label")
  }

  /// A row's figure, at the right above its bar.
  private static func figure(_ figure: String, y: Double) -> String {
    text(figure, x: width, y: y, anchor: "end", className: "figure")
  }

  private static func text(_ content: String, x: Double, y: Double, anchor: String, className: String) -> String {
    "<text class=\"\(className)\" x=\"\(number(x))\" y=\"\(number(y + fontSize))\" text-anchor=\"\(anchor)\" "
      + "font-size=\"\(number(fontSize))\">\(ReportEscaping.html(content))</text>"
  }

  private static func rect(x: Double, y: Double, width: Double, className: String, fill: String, title: String)
    -> String
  {
    let tooltip = title.isEmpty ? "" : "<title>\(ReportEscaping.html(title))</title>"
    return "<rect class=\"\(className)\" x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(width))\" "
      + "height=\"\(number(barHeight))\" fill=\"\(fill)\">\(tooltip)</rect>"
  }

  private static func number(_ value: Double) -> String { Formatting.fixed(value, decimals: 1) }
}

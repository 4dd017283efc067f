import ClaimModel

/// The report's charts as inline SVG: no scripts, no external references, every label escaped
/// with ``ReportEscaping/html(_:)``. Colours come from classes (`seg-verified`, `seg-reviewed`,
/// `seg-awaiting`, `bar`, `bar-flagging`) that the HTML page styles; a chart used elsewhere falls
/// back to the `fill` attributes.
public enum SVGCharts {
  private static let width = 720.0
  private static let labelWidth = 190.0
  private static let figureWidth = 150.0
  private static let rowHeight = 26.0
  private static let barHeight = 16.0

  /// Stacked bars of verified, reviewed and awaiting claims, for all sources and then each one.
  public static func coverage(_ report: VerificationReport) -> String {
    var rows: [(label: String, coverage: Coverage)] = [("All sources", report.overall)]
    rows += report.sources.map { ($0.id.rawValue, $0.coverage) }
    let height = rowHeight * Double(rows.count) + 8
    let barSpace = width - labelWidth - figureWidth
    var svg = open(
      height: height, title: "Coverage of checkable claims: verified, reviewed, awaiting a verdict",
      id: "coverage-chart")
    for (index, row) in rows.enumerated() {
      let y = 4 + rowHeight * Double(index)
      svg += label(row.label, y: y)
      let coverage = row.coverage
      guard coverage.checkable > 0 else {
        svg += rect(x: labelWidth, y: y + 4, width: barSpace, className: "seg-none", fill: "#f4f5f7", title: "")
        svg += text("no checkable claims", x: labelWidth + barSpace + 8, y: y, anchor: "start", className: "figure")
        continue
      }
      let reviewedOnly = coverage.reviewed - coverage.verified
      let segments = [
        (coverage.verified, "seg-verified", "#2e7d32", "verified"),
        (max(0, reviewedOnly), "seg-reviewed", "#f2b33d", "reviewed, not verified"),
        (coverage.unreviewed, "seg-awaiting", "#d5d9df", "awaiting a verdict"),
      ]
      var x = labelWidth
      for (count, className, fill, meaning) in segments where count > 0 {
        let share = Double(count) / Double(coverage.checkable)
        let title = "\(row.label): \(count) \(meaning) (\(Formatting.percent(share)))"
        svg += rect(x: x, y: y + 4, width: share * barSpace, className: className, fill: fill, title: title)
        x += share * barSpace
      }
      let figure =
        "\(Formatting.percent(coverage.share(coverage.verified))) verified · "
        + "\(Formatting.percent(coverage.share(coverage.reviewed))) reviewed"
      svg += text(figure, x: labelWidth + barSpace + 8, y: y, anchor: "start", className: "figure")
    }
    return svg + "</svg>"
  }

  /// One bar per verdict: how many reviews gave it.
  public static func verdicts(_ report: VerificationReport) -> String {
    let entries = report.distribution.entries
    let height = rowHeight * Double(max(1, entries.count)) + 8
    let barSpace = width - labelWidth - figureWidth
    let most = entries.map(\.reviews).max() ?? 0
    var svg = open(height: height, title: "Verdicts given, by number of reviews", id: "verdict-chart")
    for (index, entry) in entries.enumerated() {
      let y = 4 + rowHeight * Double(index)
      let label = report.label(ofVerdict: entry.verdict)
      svg += self.label(label, y: y)
      let isFlagging = report.flags(entry.verdict)
      if most > 0, entry.reviews > 0 {
        svg += rect(
          x: labelWidth, y: y + 4, width: Double(entry.reviews) / Double(most) * barSpace,
          className: isFlagging ? "bar-flagging" : "bar", fill: isFlagging ? "#b3261e" : "#3f6fb5",
          title: "\(label): \(Formatting.count(entry.reviews, "review"))")
      }
      svg += text(
        Formatting.count(entry.reviews, "review"), x: labelWidth + barSpace + 8, y: y, anchor: "start",
        className: "figure")
    }
    return svg + "</svg>"
  }

  // MARK: Pieces

  private static func open(height: Double, title: String, id: String) -> String {
    "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(number(width)) \(number(height))\" "
      + "width=\"100%\" role=\"img\" aria-labelledby=\"\(id)-title\">"
      + "<title id=\"\(id)-title\">\(ReportEscaping.html(title))</title>"
  }

  private static func label(_ label: String, y: Double) -> String {
    text(
      TextLayout.clip(ReportEscaping.terminal(label), 26), x: labelWidth - 8, y: y, anchor: "end", className: "label")
  }

  private static func text(_ content: String, x: Double, y: Double, anchor: String, className: String) -> String {
    "<text class=\"\(className)\" x=\"\(number(x))\" y=\"\(number(y + barHeight))\" text-anchor=\"\(anchor)\" "
      + "font-size=\"13\">\(ReportEscaping.html(content))</text>"
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

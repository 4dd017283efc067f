import ClaimModel
import ClaimReport
import Testing

@Suite("HTML report")
struct HTMLRendererTests {
  private func html(_ report: VerificationReport) -> String {
    ReportRenderer.render(report, as: .html, options: RenderOptions())
  }

  private static let allowedTags: Set = [
    "ul", "li",
    "html", "head", "meta", "title", "style", "body", "header", "main", "footer", "section", "article", "h1", "h2",
    "h3", "p", "div", "span", "strong", "em", "code", "q", "br", "blockquote", "table", "caption", "thead", "tbody",
    "tr", "th", "td", "a", "label", "input", "noscript", "script", "svg", "text", "rect",
  ]

  private static let allowedAttributes: Set = [
    "lang", "charset", "name", "content", "http-equiv", "id", "class", "href", "rel", "hidden", "type", "value",
    "checked", "aria-label", "aria-labelledby", "role", "data-state", "data-flagged", "data-stale", "xmlns", "viewBox",
    "width", "height", "x", "y", "fill", "text-anchor", "font-size",
  ]

  @Test(arguments: ["sample", "tiny", "hostile", "empty"])
  func wellFormed(_ which: String) {
    let report =
      switch which {
      case "sample": SampleLedger.report
      case "tiny": TinyLedger.report
      case "hostile": HostileLedger.report
      default: Fixture.report(claims: [])
      }
    let page = html(report)
    let checker = HTMLChecker(page)
    #expect(checker.problems == [])
    #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(page.hasSuffix("</html>\n"))
    for tag in checker.tags {
      #expect(Self.allowedTags.contains(tag.name), "unexpected <\(tag.name)>")
      for name in tag.attributes.keys {
        #expect(Self.allowedAttributes.contains(name), "unexpected attribute \(name) on <\(tag.name)>")
      }
    }
    #expect(checker.tags.filter { $0.name == "script" }.count == 1)
    #expect(checker.tags.filter { $0.name == "style" }.count == 1)
  }

  @Test func hostileTextIsInert() {
    let page = html(HostileLedger.report)
    let checker = HTMLChecker(page)
    // Only the page's own script, with no ledger text in it.
    #expect(checker.tags.filter { $0.name == "script" }.allSatisfy { $0.attributes.isEmpty })
    #expect(checker.rawTexts.allSatisfy { !$0.text.contains("alert(") && !$0.text.contains("onmouseover") })
    #expect(!page.contains("<script>alert"))
    #expect(!page.contains("<i onclick"))
    #expect(!page.contains("<img"))
    #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(page.contains("&quot;onmouseover=alert(2) x=&#39;"))
    #expect(page.contains("&lt;i onclick=&quot;x()&quot;&gt;Odd&lt;/i&gt;"))
    #expect(page.contains("&lt;/title&gt;&lt;script&gt;alert(7)&lt;/script&gt;"))
    #expect(page.contains("&lt;b&gt;rev&lt;/b&gt;"))
    // Control characters and the bidi override are shown, not obeyed.
    #expect(!page.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" || $0 == "\u{07}" })
    #expect(page.contains("\\u{1b}[2J"))
    #expect(page.contains("\\u{202e}txet"))
  }

  @Test func onlyHTTPCitationsBecomeLinks() {
    let checker = HTMLChecker(html(HostileLedger.report))
    let links = checker.tags.filter { $0.name == "a" }.compactMap { $0.attributes["href"] }
    #expect(!links.isEmpty)
    for link in links {
      #expect(link.hasPrefix("https://") || link.hasPrefix("http://"), "link to \(link)")
    }
    #expect(links.contains("https://good.example/a?x=&quot;y&quot;&amp;z=&lt;w&gt;"))
    #expect(!links.contains { $0.lowercased().contains("javascript") })
    let page = html(HostileLedger.report)
    #expect(page.contains("<code>javascript:alert(5)</code>"))
    #expect(page.contains("<code>JAVASCRIPT:alert(8)</code>"))
  }

  @Test func selfContained() {
    let page = html(SampleLedger.report)
    let checker = HTMLChecker(page)
    // The only URLs are citation and article links; nothing is loaded.
    for tag in checker.tags {
      #expect(tag.attributes["src"] == nil)
      #expect(tag.name != "link" && tag.name != "img" && tag.name != "iframe")
    }
    for (_, text) in checker.rawTexts {
      #expect(!text.contains("url("))
      #expect(!text.contains("@import"))
      #expect(!text.contains("http"))
    }
    #expect(page.contains("@media print"))
    #expect(checker.tags.filter { $0.name == "svg" }.count == 2)
  }

  @Test func base64Reference() {
    let vectors = ["": "", "f": "Zg==", "fo": "Zm8=", "foo": "Zm9v", "foob": "Zm9vYg==", "foobar": "Zm9vYmFy"]
    for (plain, encoded) in vectors { #expect(Base64Reference.encode(Array(plain.utf8)) == encoded) }
  }

  @Test func contentSecurityPolicyAllowsExactlyTheInlineBlocks() throws {
    let checker = HTMLChecker(html(TinyLedger.report))
    let policy = try #require(
      checker.tags.first { $0.attributes["http-equiv"] == "Content-Security-Policy" }?.attributes["content"])
    #expect(policy.hasPrefix("default-src 'none'; "))
    for (name, text) in checker.rawTexts {
      var hasher = SHA256()
      hasher.update(Array(text.utf8))
      let expected = "'sha256-" + Base64Reference.encode(hasher.finalize()) + "'"
      #expect(policy.contains((name == "script" ? "script-src " : "style-src ") + expected))
    }
  }

  @Test func claimsTableCarriesFilterData() {
    let checker = HTMLChecker(html(SampleLedger.report))
    let rows = checker.tags.filter { $0.name == "tr" && $0.attributes["data-state"] != nil }
    #expect(rows.count == SampleLedger.report.claims.count)
    #expect(rows.map { $0.attributes["data-state"] ?? "" }.filter { $0 == "not-checkable" }.count == 3)
    #expect(rows.filter { $0.attributes["data-flagged"] == "1" }.count == 2)
    #expect(rows.filter { $0.attributes["data-stale"] == "1" }.count == 1)
    let boxes = checker.tags.filter { $0.name == "input" }.compactMap { $0.attributes["value"] }
    #expect(boxes == ClaimState.allCases.map(\.rawValue) + ["1", "1"])
    // Filters stay hidden until the script shows them, so the page reads fine with scripts off.
    #expect(checker.tags.first { $0.attributes["id"] == "filters" }?.attributes["hidden"] == "hidden")
  }

  @Test func narrowScreensKeepCellsReadable() {
    let report = SampleLedger.report
    let checker = HTMLChecker(html(report))
    let cells = checker.tags.filter { $0.name == "td" }
    // Dates never break at their hyphens.
    let dates = report.backlog.count + report.staleReviews.count + report.activity.count
    #expect(cells.filter { $0.attributes["class"] == "date" }.count == dates)
    // Claim text and notes keep a readable width when a narrow screen makes their table scroll.
    let prose = report.claims.count + report.backlog.count + report.flagged.count + report.staleReviews.count
    #expect(cells.filter { $0.attributes["class"] == "text" }.count >= prose)
    let style = checker.rawTexts.first { $0.name == "style" }?.text ?? ""
    #expect(style.contains("section { overflow-x: auto; }"))
    #expect(style.contains("td.text { min-width:"))
  }

  @Test func listsEverythingWithoutCaps() {
    let claims = (1...30).map { Fixture.claim("many", $0) }
    let page = ReportRenderer.render(
      Fixture.report(claims: claims), as: .html, options: RenderOptions(listLimit: 3))
    #expect(!page.contains("more"))
    #expect(HTMLChecker(page).tags.filter { $0.attributes["data-state"] == "unreviewed" }.count == 30)
  }
}

@Suite("SVG charts")
struct SVGChartTests {
  @Test func chartsAreWellFormedAndInert() {
    for chart in [SVGCharts.coverage(HostileLedger.report), SVGCharts.verdicts(HostileLedger.report)] {
      let checker = HTMLChecker(chart)
      #expect(checker.problems == [])
      #expect(checker.tags.first?.name == "svg")
      #expect(Set(checker.tags.map(\.name)).isSubset(of: ["svg", "title", "text", "rect"]))
      #expect(!chart.contains("<i onclick"))
      #expect(!chart.contains("<script"))
    }
    #expect(SVGCharts.verdicts(HostileLedger.report).contains("&lt;i onclick=&quot;x()&quot;&gt;Odd&lt;/i&gt;"))
  }

  @Test func coverageSegmentsAddUpToTheBar() {
    let chart = SVGCharts.coverage(SampleLedger.report)
    let checker = HTMLChecker(chart)
    let overall = checker.tags.filter { $0.name == "rect" && $0.attributes["y"] == "24.0" }
    let widths = overall.compactMap { Double($0.attributes["width"] ?? "") }
    // The bar spans the chart's 480 units under its label and figure; 1, 3 and 1 of 5 claims.
    #expect(widths == [96, 288, 96])
    #expect(overall.map { $0.attributes["class"] ?? "" } == ["seg-verified", "seg-reviewed", "seg-awaiting"])
  }

  @Test func labelAndFigureShareTheLineAboveEachBar() {
    for chart in [SVGCharts.coverage(SampleLedger.report), SVGCharts.verdicts(SampleLedger.report)] {
      let tags = HTMLChecker(chart).tags
      let labels = tags.filter { $0.attributes["class"] == "label" }
      let figures = tags.filter { $0.attributes["class"] == "figure" }
      #expect(!labels.isEmpty && labels.count == figures.count)
      #expect(labels.allSatisfy { $0.attributes["x"] == "0.0" && $0.attributes["text-anchor"] == "start" })
      #expect(figures.allSatisfy { $0.attributes["x"] == "480.0" && $0.attributes["text-anchor"] == "end" })
      #expect(labels.map { $0.attributes["y"] } == figures.map { $0.attributes["y"] })
      // Each bar starts below its row's baseline.
      let baselines = Set(labels.compactMap { $0.attributes["y"].flatMap(Double.init) })
      for bar in tags where bar.name == "rect" {
        let top = Double(bar.attributes["y"] ?? "") ?? 0
        #expect(baselines.contains(top - 6))
      }
    }
  }
}

/// An independent base64 encoder (RFC 4648), to check the report's own.
enum Base64Reference {
  static func encode(_ bytes: [UInt8]) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
    var bits = 0
    var count = 0
    var output = ""
    for byte in bytes {
      bits = bits << 8 | Int(byte)
      count += 8
      while count >= 6 {
        count -= 6
        output.append(alphabet[(bits >> count) & 63])
      }
    }
    if count > 0 { output.append(alphabet[(bits << (6 - count)) & 63]) }
    while output.count % 4 != 0 { output.append("=") }
    return output
  }
}

import ClaimModel

/// One self-contained HTML page: no external scripts, styles, fonts or images; inline SVG charts;
/// a claims table that a small inline script can filter by state, and that reads in full with
/// scripts off. Every piece of ledger text — in content and in attributes — goes through
/// ``ReportEscaping/html(_:)``; the script never contains ledger text.
struct HTMLRenderer {
  let report: VerificationReport
  let store: (any ReportFragmentStore)?
  let output: ReportOutput

  /// The parts this format writes source by source.
  static let parts = ReportPart.allCases

  /// One source's rows in each list.
  static func fragments(of lists: SourceLists, context: FragmentContext) -> [ReportPart: [UInt8]] {
    let parts = HTMLParts(scale: context.scale)
    return [
      .claims: parts.claimRows(lists.claims), .disputed: parts.disputedBlocks(lists.disputed),
      .flagged: parts.flaggedRows(lists.flagged), .staleReviews: parts.staleRows(lists.staleReviews),
      .backlog: parts.backlogRows(lists.backlog), .retired: parts.retiredRows(lists.retired),
    ]
  }

  func write() {
    output.write(head() + "<body>\n" + header() + "<main>\n" + glance() + coverage())
    disputed()
    flagged()
    stale()
    backlog()
    output.write(EarlierChecksRendering.html(report.earlierChecks))
    output.write(citationHealth())
    output.write(verdicts() + reviewers() + agreement())
    claims()
    retired()
    var page = "</main>\n"
    page += "<footer><p class=\"meta\">Made by <code>claims report</code>. "
    page += "Definitions of every figure: docs/REPORT.md.</p></footer>\n"
    page += "<script>" + HTMLAssets.script + "</script>\n"
    page += "</body>\n</html>\n"
    output.write(page)
  }

  /// Writes one source's rows after another.
  private func rows<Element>(
    _ part: ReportPart, _ list: ReportList<Element>, _ render: @escaping (HTMLParts) -> ([Element]) -> [UInt8]
  ) {
    let pieces = self.pieces
    _ = ListWriter(output: output, store: store).write(part, of: list, opening: [], separator: []) { elements, _ in
      render(pieces)(elements)
    }
  }

  // MARK: Page frame

  private func head() -> String {
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="\(HTMLAssets.contentSecurityPolicy)" />
    <meta name="referrer" content="no-referrer" />
    <title>Verification report — \(h(report.scopeDescription))</title>
    <style>\(HTMLAssets.style)</style>
    </head>

    """
  }

  private func header() -> String {
    var facts = ["Sources: " + h(report.scopeDescription)]
    if let revision = report.revision { facts.append("revision <code>" + h(revision) + "</code>") }
    facts.append("generated " + h(report.generatedAt.text))
    facts.append(h(report.verifiedRule))
    return "<header>\n<h1>Verification report</h1>\n<p class=\"meta\">" + facts.joined(separator: " · ")
      + "</p>\n</header>\n"
  }

  private func glance() -> String {
    let overall = report.overall
    let cards: [(String, String, String)] = [
      (String(overall.checkable), "checkable claims", ""),
      (Formatting.percent(overall.share(overall.verified)), "verified (\(overall.verified))", "good"),
      (Formatting.percent(overall.share(overall.reviewed)), "reviewed (\(overall.reviewed))", ""),
      (String(overall.unreviewed), "awaiting a verdict", ""),
      (String(report.disputed.count), "disputed", report.disputed.isEmpty ? "" : "alarm"),
      (String(report.flagged.count), "flagged", report.flagged.isEmpty ? "" : "alarm"),
      (String(report.staleReviews.count), "stale reviews", report.staleReviews.isEmpty ? "" : "alarm"),
    ]
    var html = "<section id=\"glance\" class=\"cards\" aria-label=\"At a glance\">\n"
    for (figure, label, kind) in cards {
      html += "<div class=\"card\(kind.isEmpty ? "" : " " + kind)\"><span class=\"figure\">\(h(figure))</span>"
      html += "<span class=\"label\">\(h(label))</span></div>\n"
    }
    return html + "</section>\n"
  }

  // MARK: Sections

  private func coverage() -> String {
    var html = "<section id=\"coverage\">\n<h2>Coverage</h2>\n"
    html += "<p class=\"legend hint\"><span><span class=\"swatch swatch-verified\"></span>verified</span>"
    html += "<span><span class=\"swatch swatch-reviewed\"></span>reviewed, not verified</span>"
    html += "<span><span class=\"swatch swatch-awaiting\"></span>awaiting a verdict</span></p>\n"
    html += SVGCharts.coverage(report) + "\n"
    html += "<table>\n<caption>Percentages are of checkable claims.</caption>\n"
    html += "<thead><tr><th>Source</th><th class=\"num\">Claims</th><th class=\"num\">Checkable</th>"
    html += "<th class=\"num\">Reviewed</th><th class=\"num\">Cited</th><th class=\"num\">Verified</th>"
    html += "<th class=\"num\">Awaiting</th></tr></thead>\n<tbody>\n"
    html += coverageRow("<strong>All sources</strong>", report.overall)
    for source in report.sources {
      var name = "<code>" + h(source.id.rawValue) + "</code>"
      if let title = source.title { name += " " + h(title) }
      if let url = source.url { name += " " + link(url, text: "article") }
      html += coverageRow(name, source.coverage)
    }
    html += "</tbody>\n</table>\n"
    var kinds = "Claims: \(report.overall.claims)"
    if report.overall.claims > 0 { kinds += " (" + Formatting.kinds(report.overall) + ")" }
    if let notCheckable = Formatting.notCheckable(report.overall) { kinds += "; " + notCheckable }
    return html + "<p class=\"hint\">" + h(kinds) + ".</p>\n</section>\n"
  }

  private func coverageRow(_ name: String, _ coverage: Coverage) -> String {
    func cell(_ count: Int) -> String {
      "<td class=\"num\">\(count) (\(h(Formatting.percent(coverage.share(count)))))</td>"
    }
    return "<tr><td class=\"text\">\(name)</td><td class=\"num\">\(coverage.claims)</td>"
      + "<td class=\"num\">\(coverage.checkable)</td>"
      + cell(coverage.reviewed) + cell(coverage.cited) + cell(coverage.verified)
      + "<td class=\"num\">\(coverage.unreviewed)</td></tr>\n"
  }

  private func disputed() {
    output.write(
      sectionStart("disputed", "Disputed claims", report.disputed.count, "Reviewers gave different verdicts."))
    rows(.disputed, report.disputed, HTMLParts.disputedBlocks)
    output.write("</section>\n")
  }

  private func flagged() {
    var html = sectionStart(
      "flagged", "Flagged claims", report.flagged.count, "Rated \(report.flaggingLabels) by someone.")
    guard !report.flagged.isEmpty else { return output.write(html + "</section>\n") }
    html += "<table>\n<thead><tr><th>Claim</th><th>Place</th><th>Text</th><th>Verdicts</th><th>State</th></tr>"
    html += "</thead>\n<tbody>\n"
    output.write(html)
    rows(.flagged, report.flagged, HTMLParts.flaggedRows)
    output.write("</tbody>\n</table>\n</section>\n")
  }

  private func stale() {
    var html = sectionStart(
      "stale", "Stale reviews", report.staleReviews.count,
      "The claim's text changed after these reviews; the reviewer should look again.")
    guard !report.staleReviews.isEmpty else { return output.write(html + "</section>\n") }
    html += "<table>\n<thead><tr><th>Claim</th><th>Reviewer</th><th>Verdict</th><th>Changed</th>"
    html += "<th>Text now / text reviewed</th></tr></thead>\n<tbody>\n"
    output.write(html)
    rows(.staleReviews, report.staleReviews, HTMLParts.staleRows)
    output.write("</tbody>\n</table>\n</section>\n")
  }

  private func backlog() {
    var html = sectionStart(
      "backlog", "Backlog", report.backlog.count, "Checkable claims without a verdict, oldest first.")
    guard !report.backlog.isEmpty else { return output.write(html + "</section>\n") }
    html += "<table>\n<thead><tr><th>Claim</th><th>Place</th><th>Assigned to</th><th>Waiting since</th>"
    html += "<th>Text</th></tr></thead>\n<tbody>\n"
    output.write(html)
    rows(.backlog, report.backlog, HTMLParts.backlogRows)
    output.write("</tbody>\n</table>\n</section>\n")
  }

  /// The citation-health figures and every citation whose evidence no longer holds.
  private func citationHealth() -> String {
    let counts = report.evidence
    guard counts.citations > 0 else { return "" }
    var html = "<section id=\"citation-health\">\n<h2>Citation health</h2>\n"
    html += "<p>" + h(Formatting.evidenceSummary(counts)) + ".</p>\n"
    guard !report.evidenceAlerts.isEmpty else { return html + "</section>\n" }
    html += "<p class=\"hint\">Citations whose page lost the quoted passage, is gone, or whose archive is damaged."
    html += " <code>claims evidence show ID</code> shows the archived page.</p>\n"
    html += "<table>\n<thead><tr><th>Claim</th><th>Reviewer</th><th>Citation</th><th>Found</th>"
    html += "<th>What is there now</th></tr></thead>\n<tbody>\n"
    for alert in report.evidenceAlerts {
      var found = h(alert.health.state.phrase) + " <span class=\"date\">" + h(Formatting.day(alert.health.checked))
      found += "</span>" + (alert.health.detail.map { "<br />" + h($0) } ?? "")
      var quote = ""
      if let exact = alert.citation.archive?.quote?.selector.exact { quote = "<br /><q>" + h(exact) + "</q>" }
      let now = alert.health.state == .drifted ? alert.health.now.map { "<q>" + h($0) + "</q>" } ?? "—" : ""
      html += "<tr><td class=\"id\">\(h(alert.claim.id.rawValue))<br />\(h(alert.claim.reference))</td>"
      html += "<td>\(h(alert.reviewer.name)) [\(alert.number)]</td>"
      html +=
        "<td class=\"text\">\(link(alert.citation.url, text: alert.citation.title ?? alert.citation.url))\(quote)</td>"
      html += "<td class=\"ev-bad\">\(found)</td><td class=\"text\">\(now)</td></tr>\n"
    }
    return html + "</tbody>\n</table>\n</section>\n"
  }

  private func verdicts() -> String {
    var html = "<section id=\"verdicts\">\n<h2>Verdicts</h2>\n" + SVGCharts.verdicts(report) + "\n"
    html += "<table>\n<caption>Reviews: verdicts given. Claims: claims on which it is the only verdict.</caption>\n"
    html += "<thead><tr><th>Verdict</th><th class=\"num\">Reviews</th><th class=\"num\">Claims</th></tr></thead>\n"
    html += "<tbody>\n"
    for entry in report.distribution.entries {
      html += "<tr><td>\(verdict(entry.verdict))</td><td class=\"num\">\(entry.reviews)</td>"
      html += "<td class=\"num\">\(entry.claims)</td></tr>\n"
    }
    html += "<tr><td><em>Disputed (no single verdict)</em></td><td class=\"num\"></td>"
    html += "<td class=\"num\">\(report.distribution.disputedClaims)</td></tr>\n"
    return html + "</tbody>\n</table>\n</section>\n"
  }

  private func reviewers() -> String {
    var html = "<section id=\"reviewers\">\n<h2>Reviewers</h2>\n"
    guard !report.activity.isEmpty else { return html + "<p>No review activity yet.</p>\n</section>\n" }
    html += "<table>\n<caption>Open: assigned claims still without the reviewer's verdict.</caption>\n"
    html += "<thead><tr><th>Reviewer</th><th class=\"num\">Claims reviewed</th><th class=\"num\">Citations</th>"
    html += "<th class=\"num\">Citations per verdict</th><th class=\"num\">Stale</th><th class=\"num\">Open</th>"
    html += "<th>Last active</th><th>Actions</th></tr></thead>\n<tbody>\n"
    for item in report.activity {
      let perVerdict = item.citationsPerVerdict.map { Formatting.fixed($0, decimals: 1) } ?? "n/a"
      html += "<tr><td>\(h(item.reviewer.description))</td><td class=\"num\">\(item.claimsReviewed)</td>"
      html += "<td class=\"num\">\(item.citations)</td><td class=\"num\">\(perVerdict)</td>"
      html += "<td class=\"num\">\(item.staleReviews)</td><td class=\"num\">\(item.openAssignments)</td>"
      html += "<td class=\"date\">\(h(item.lastActive.map(Formatting.day) ?? "—"))</td>"
      html += "<td>\(h(Formatting.actions(item)))</td></tr>\n"
    }
    return html + "</tbody>\n</table>\n</section>\n"
  }

  private func agreement() -> String {
    let agreement = report.agreement
    var html = "<section id=\"agreement\">\n<h2>Agreement</h2>\n"
    guard agreement.units > 0 else {
      return html + "<p>n/a: no claim has verdicts from two reviewers yet.</p>\n</section>\n"
    }
    html += "<p>\(h(Formatting.count(agreement.units, "claim"))) with verdicts from two or more reviewers; "
    html += "all reviewers agree on \(agreement.unanimousUnits) "
    html += "(\(h(Formatting.percent(agreement.unanimousShare)))).</p>\n"
    html += "<table>\n<thead><tr><th>Statistic</th><th class=\"num\">Value</th><th class=\"num\">Claims</th></tr>"
    html += "</thead>\n<tbody>\n"
    let rows = [
      ("Fleiss' kappa (all verdicts, nominal)", agreement.fleissKappa),
      ("Krippendorff's alpha (all verdicts, nominal)", agreement.alphaNominal),
      ("Krippendorff's alpha (rated verdicts, ordinal)", agreement.alphaOrdinal),
    ]
    for (name, statistic) in rows {
      html += "<tr><td>\(h(name))</td><td class=\"num\">\(Formatting.statistic(statistic.value))</td>"
      html += "<td class=\"num\">\(statistic.units)</td></tr>\n"
    }
    html += "</tbody>\n</table>\n"
    if !agreement.pairs.isEmpty {
      html += "<table>\n<caption>Cohen's kappa for each pair of reviewers, over the claims both rated.</caption>\n"
      html += "<thead><tr><th>Reviewers</th><th class=\"num\">Cohen's kappa</th><th class=\"num\">Agreement</th>"
      html += "<th class=\"num\">Claims</th></tr></thead>\n<tbody>\n"
      for pair in agreement.pairs {
        html += "<tr><td>\(h(pair.first.name)) × \(h(pair.second.name))</td>"
        html += "<td class=\"num\">\(Formatting.statistic(pair.kappa))</td>"
        html += "<td class=\"num\">\(h(Formatting.percent(pair.observedAgreement)))</td>"
        html += "<td class=\"num\">\(pair.units)</td></tr>\n"
      }
      html += "</tbody>\n</table>\n"
    }
    html += "<p class=\"hint\">n/a: too few claims, or no variation in the verdicts to measure agreement against.</p>\n"
    return html + "</section>\n"
  }

  private func claims() {
    var html = "<section id=\"claims\">\n<h2>All claims (\(report.claims.count))</h2>\n"
    html += "<div id=\"filters\" class=\"filters\" hidden=\"hidden\">\n<strong>Show:</strong> "
    for state in ClaimState.allCases {
      let count = report.stateCounts[state] ?? 0
      html += "<label><input type=\"checkbox\" name=\"state\" value=\"\(h(state.rawValue))\" checked=\"checked\" /> "
      html += "\(h(state.label)) (\(count))</label>\n"
    }
    html += "<label><input type=\"checkbox\" name=\"flagged\" value=\"1\" /> only flagged</label>\n"
    html += "<label><input type=\"checkbox\" name=\"stale\" value=\"1\" /> only with stale reviews</label>\n"
    html += "<span class=\"hint\"><span id=\"shown-count\">\(report.claims.count)</span> shown</span>\n</div>\n"
    html += "<noscript><p class=\"hint\">All claims are listed; filtering needs scripts.</p></noscript>\n"
    html += "<table id=\"claim-table\">\n<thead><tr><th>Claim</th><th>Place</th><th>Kind</th><th>State</th>"
    html += "<th>Verdicts</th><th class=\"num\">Citations</th><th>Assigned to</th><th>Text</th></tr></thead>\n"
    html += "<tbody>\n"
    output.write(html)
    rows(.claims, report.claims, HTMLParts.claimRows)
    output.write("</tbody>\n</table>\n</section>\n")
  }

  private func retired() {
    guard !report.retired.isEmpty else { return }
    var html = sectionStart(
      "retired", "Retired claims", report.retired.count,
      "No longer in the article; kept for the record and counted nowhere above. "
        + (report.retiredReviewed.isEmpty
          ? ""
          : "\(Formatting.count(report.retiredReviewed.count, "retired claim")) with no replacement still "
            + "\(report.retiredReviewed.count == 1 ? "holds" : "hold") reviews (reviewers in bold), which count nowhere else.")
    )
    html += "<table>\n<thead><tr><th>Claim</th><th>Place</th><th>Replaced by</th><th class=\"num\">Reviews</th>"
    html += "<th>Reviewers and verdicts</th><th>Text</th></tr>"
    html += "</thead>\n<tbody>\n"
    output.write(html)
    rows(.retired, report.retired, HTMLParts.retiredRows)
    output.write("</tbody>\n</table>\n</section>\n")
  }

  // MARK: Pieces

  private func h(_ text: String) -> String { ReportEscaping.html(text) }

  /// The row and cell makers, shared with the pieces kept per source.
  private var pieces: HTMLParts { HTMLParts(scale: report.scale) }

  private func verdict(_ id: String?) -> String { pieces.verdict(id) }

  private func link(_ url: String, text: String) -> String { pieces.link(url, text: text) }

  private func sectionStart(_ id: String, _ title: String, _ count: Int, _ explanation: String) -> String {
    "<section id=\"\(id)\">\n<h2>\(h(title)) (\(count))</h2>\n<p class=\"hint\">\(h(explanation))</p>\n"
  }

}

import ClaimModel

/// The report as GitHub/GitLab-flavoured Markdown: the same sections as the text format, as
/// tables. Every piece of ledger text goes through ``ReportEscaping/markdown(_:)``, so none of it
/// can become markup, HTML or a link; only citation URLs that are http(s) become links.
struct MarkdownRenderer {
  let report: VerificationReport
  let options: RenderOptions

  private var limit: Int { max(1, options.listLimit) }

  func render() -> String {
    var lines: [String] = []
    lines += header()
    lines += coverage()
    lines += disputed()
    lines += flagged()
    lines += stale()
    lines += retiredReviews()
    lines += backlog()
    lines += EarlierChecksRendering.markdown(report.earlierChecks, limit: limit)
    lines += evidence()
    lines += citationHealth()
    lines += distribution()
    lines += activity()
    lines += agreement()
    lines += footer()
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: Sections

  private func header() -> [String] {
    var facts = ["Sources: " + md(report.scopeDescription)]
    if let revision = report.revision { facts.append("revision " + md(String(revision.prefix(12)))) }
    facts.append("generated \(report.generatedAt.text)")
    facts.append(md(report.verifiedRule))
    let overall = report.overall
    let glance =
      "**At a glance:** \(Formatting.count(overall.checkable, "checkable claim")) — "
      + "\(overall.verified) verified (\(Formatting.percent(overall.share(overall.verified)))), "
      + "\(overall.reviewed) reviewed (\(Formatting.percent(overall.share(overall.reviewed)))), "
      + "\(overall.unreviewed) awaiting a verdict · **\(report.disputed.count) disputed** · "
      + "**\(report.flagged.count) flagged** · \(Formatting.count(report.staleReviews.count, "stale review"))"
    return ["# Verification report", "", facts.joined(separator: " · "), "", glance]
  }

  private func coverage() -> [String] {
    var lines = [
      "", "## Coverage", "",
      "| Source | Claims | Checkable | Reviewed | Cited | Verified | |",
      "|---|--:|--:|--:|--:|--:|---|",
    ]
    lines.append(coverageRow("**All sources**", report.overall))
    for source in report.sources.prefix(limit) {
      var name = md(source.id.rawValue)
      if let title = source.title { name += " — " + md(title) }
      lines.append(coverageRow(name, source.coverage))
    }
    lines += more(report.sources.count)
    lines.append("")
    var note = "Percentages are of checkable claims. Bar: █ verified, ▓ reviewed, ░ awaiting a verdict."
    if report.overall.claims > 0 { note += " Claims: " + Formatting.kinds(report.overall) + "." }
    if let notCheckable = Formatting.notCheckable(report.overall) { note += " " + notCheckable + "." }
    lines.append(note)
    return lines
  }

  private func coverageRow(_ name: String, _ coverage: Coverage) -> String {
    func cell(_ count: Int) -> String { "\(count) (\(Formatting.percent(coverage.share(count))))" }
    let width = 20
    let verified = Formatting.segment(coverage.verified, of: coverage.checkable, width: width)
    let reviewed = max(0, Formatting.segment(coverage.reviewed, of: coverage.checkable, width: width) - verified)
    let bar =
      coverage.checkable == 0
      ? ""
      : String(repeating: "█", count: verified) + String(repeating: "▓", count: reviewed)
        + String(repeating: "░", count: max(0, width - verified - reviewed))
    return
      "| \(name) | \(coverage.claims) | \(coverage.checkable) | \(cell(coverage.reviewed)) | \(cell(coverage.cited)) "
      + "| \(cell(coverage.verified)) | \(bar) |"
  }

  private func disputed() -> [String] {
    guard !report.disputed.isEmpty else { return [] }
    var lines = ["", "## Disputed claims (\(report.disputed.count))", "", "Reviewers gave different verdicts."]
    for entry in report.disputed.prefix(limit) {
      lines += [
        "", "### " + md(entry.claim.id.rawValue) + " · " + md(entry.claim.reference), "",
        "> " + md(entry.claim.text), "",
        "| Reviewer | Verdict | Note | Citations |", "|---|---|---|---|",
      ]
      for review in entry.reviews where review.verdict != nil || review.note != nil || !review.citations.isEmpty {
        let verdict = review.verdict.map { md(report.label(ofVerdict: $0)) } ?? "*no verdict*"
        let citations = review.citations.indices.map { evidence(review, $0, of: entry) }.joined(separator: "<br>")
        lines.append(
          "| \(md(review.reviewer.name)) | \(verdict) | \(review.note.map(md) ?? "") | \(citations) |")
      }
    }
    return lines + more(report.disputed.count)
  }

  private func flagged() -> [String] {
    guard !report.flagged.isEmpty else { return [] }
    var lines = [
      "", "## Flagged claims (\(report.flagged.count))", "", "Rated " + md(report.flaggingLabels) + " by someone.",
      "", "| Claim | Place | Text | Verdicts |", "|---|---|---|---|",
    ]
    for entry in report.flagged.prefix(limit) {
      let given = Formatting.verdicts(of: entry.reviews, report: report)
        .map { md($0.label) + " (" + md($0.reviewer.name) + ")" }.joined(separator: ", ")
      let dispute = entry.status.has(.disputed) ? " — *disputed*" : ""
      lines.append(
        "| \(md(entry.claim.id.rawValue)) | \(md(entry.claim.reference)) | \(md(entry.claim.text)) | \(given)\(dispute) |"
      )
    }
    return lines + more(report.flagged.count)
  }

  private func stale() -> [String] {
    guard !report.staleReviews.isEmpty else { return [] }
    var lines = [
      "", "## Stale reviews (\(report.staleReviews.count))", "",
      "The claim's text changed after these reviews; the reviewer should look again.", "",
      "| Claim | Reviewer | Verdict | Changed | Text now | Text reviewed |", "|---|---|---|---|---|---|",
    ]
    for item in report.staleReviews.prefix(limit) {
      let verdict = item.review.verdict.map { md(report.label(ofVerdict: $0)) } ?? "*no verdict*"
      lines.append(
        "| \(md(item.claim.id.rawValue)) | \(md(item.review.reviewer.name)) | \(verdict) "
          + "| \(Formatting.day(item.staleness.since)) | \(md(item.claim.text)) | \(md(item.staleness.previousText)) |")
    }
    return lines + more(report.staleReviews.count)
  }

  private func retiredReviews() -> [String] {
    guard !report.retiredReviewed.isEmpty else { return [] }
    var lines = [
      "", "## Reviews of retired claims (\(report.retiredReviewed.count))", "",
      "The sentence left the article and no claim replaced it, so these reviews count nowhere else.", "",
      "| Claim | Place | Reviews | Text |", "|---|---|---|---|",
    ]
    for item in report.retiredReviewed.prefix(limit) {
      lines.append(
        "| \(md(item.claim.id.rawValue)) | \(md(item.claim.reference)) "
          + "| \(md(Formatting.reviewVerdicts(item.reviews, report: report))) | \(md(item.claim.text)) |")
    }
    return lines + more(report.retiredReviewed.count)
  }

  private func backlog() -> [String] {
    guard !report.backlog.isEmpty else { return [] }
    var lines = [
      "", "## Backlog (\(report.backlog.count))", "", "Checkable claims without a verdict, oldest first.", "",
      "| Claim | Place | Assigned to | Text |", "|---|---|---|---|",
    ]
    for item in report.backlog.prefix(limit) {
      lines.append(
        "| \(md(item.claim.id.rawValue)) | \(md(item.claim.reference)) | \(item.assignee.map { md($0.name) } ?? "—") "
          + "| \(md(item.claim.text)) |")
    }
    return lines + more(report.backlog.count)
  }

  private func distribution() -> [String] {
    var lines = ["", "## Verdicts", "", "| Verdict | Reviews | Claims |", "|---|--:|--:|"]
    for entry in report.distribution.entries {
      lines.append("| \(md(report.label(ofVerdict: entry.verdict))) | \(entry.reviews) | \(entry.claims) |")
    }
    lines.append("| *Disputed (no single verdict)* | | \(report.distribution.disputedClaims) |")
    lines += ["", "Reviews: verdicts given. Claims: claims on which it is the only verdict."]
    return lines
  }

  private func activity() -> [String] {
    guard !report.activity.isEmpty else { return ["", "## Reviewers", "", "No review activity yet."] }
    var lines = [
      "", "## Reviewers", "",
      "| Reviewer | Claims reviewed | Citations per verdict | Open assignments | Last active | Actions |",
      "|---|--:|--:|--:|---|---|",
    ]
    for item in report.activity.prefix(limit) {
      let perVerdict = item.citationsPerVerdict.map { Formatting.fixed($0, decimals: 1) } ?? "n/a"
      lines.append(
        "| \(md(item.reviewer.description)) | \(item.claimsReviewed) | \(perVerdict) | \(item.openAssignments) "
          + "| \(item.lastActive.map(Formatting.day) ?? "—") | \(md(Formatting.actions(item))) |")
    }
    return lines + more(report.activity.count)
  }

  private func agreement() -> [String] {
    let agreement = report.agreement
    var lines = ["", "## Agreement", ""]
    guard agreement.units > 0 else { return lines + ["n/a: no claim has verdicts from two reviewers yet."] }
    lines += [
      "\(Formatting.count(agreement.units, "claim")) with verdicts from two or more reviewers; all reviewers agree on "
        + "\(agreement.unanimousUnits) (\(Formatting.percent(agreement.unanimousShare))).", "",
      "| Statistic | Value | Claims |", "|---|--:|--:|",
      "| Fleiss' kappa (all verdicts, nominal) | \(Formatting.statistic(agreement.fleissKappa.value)) "
        + "| \(agreement.fleissKappa.units) |",
      "| Krippendorff's alpha (all verdicts, nominal) | \(Formatting.statistic(agreement.alphaNominal.value)) "
        + "| \(agreement.alphaNominal.units) |",
      "| Krippendorff's alpha (rated verdicts, ordinal) | \(Formatting.statistic(agreement.alphaOrdinal.value)) "
        + "| \(agreement.alphaOrdinal.units) |",
    ]
    if !agreement.pairs.isEmpty {
      lines += ["", "| Reviewers | Cohen's kappa | Agreement | Claims |", "|---|--:|--:|--:|"]
      for pair in agreement.pairs.prefix(limit) {
        lines.append(
          "| \(md(pair.first.name)) × \(md(pair.second.name)) | \(Formatting.statistic(pair.kappa)) "
            + "| \(Formatting.percent(pair.observedAgreement)) | \(pair.units) |")
      }
      lines += more(agreement.pairs.count)
    }
    lines += ["", "n/a: too few claims, or no variation in the verdicts to measure agreement against."]
    return lines
  }

  /// Every claim whose reviews say something, with all they say: one row per review.
  private func evidence() -> [String] {
    guard !report.reviewed.isEmpty else { return [] }
    var lines = [
      "", "## Evidence (\(report.reviewed.count))", "",
      "What each reviewed claim rests on: every verdict with its note and citations, and whether each cited page is archived and how the last evidence check found it.",
      "", "| Claim | Text | Reviewer | Verdict | Note | Citations |", "|---|---|---|---|---|---|",
    ]
    for entry in report.reviewed {
      var first = true
      for review in entry.reviews where review.verdict != nil || review.note != nil || !review.citations.isEmpty {
        let claim = first ? md(entry.claim.id.rawValue) + " · " + md(entry.claim.reference) : ""
        let text = first ? md(entry.claim.text) : ""
        let verdict = review.verdict.map { md(report.label(ofVerdict: $0)) } ?? "*no verdict*"
        let citations = review.citations.indices.map { evidence(review, $0, of: entry) }.joined(separator: "<br>")
        lines.append(
          "| \(claim) | \(text) | \(md(review.reviewer.name)) | \(verdict) | \(review.note.map(md) ?? "") | \(citations) |"
        )
        first = false
      }
    }
    return lines
  }

  /// The citation-health figures, and every citation whose evidence no longer holds.
  private func citationHealth() -> [String] {
    guard report.evidence.citations > 0 else { return [] }
    var lines = ["", "## Citation health", "", md(Formatting.evidenceSummary(report.evidence)) + "."]
    guard !report.evidenceAlerts.isEmpty else { return lines }
    lines += [
      "", "| Claim | Reviewer | Citation | Found | What is there now |", "|---|---|---|---|---|",
    ]
    for alert in report.evidenceAlerts {
      var found = md(alert.health.state.phrase) + " (" + Formatting.day(alert.health.checked) + ")"
      if let detail = alert.health.detail { found += ": " + md(detail) }
      let now = alert.health.state == .drifted ? alert.health.now.map { "“" + md($0) + "”" } ?? "—" : ""
      lines.append(
        "| \(md(alert.claim.id.rawValue)) · \(md(alert.claim.reference)) | \(md(alert.reviewer.name)) [\(alert.number)] "
          + "| \(citation(alert.citation)) | \(found) | \(now) |")
    }
    return lines
  }

  private func footer() -> [String] {
    var notes: [String] = []
    if !report.retired.isEmpty {
      notes.append("\(Formatting.count(report.retired.count, "retired claim")) not counted")
    }
    if report.unmatchedReviews > 0 {
      notes.append("\(Formatting.count(report.unmatchedReviews, "review")) of claims missing from the ledger ignored")
    }
    return notes.isEmpty ? [] : ["", "*Note: " + notes.joined(separator: "; ") + ".*"]
  }

  // MARK: Helpers

  private func md(_ text: String) -> String { ReportEscaping.markdown(text) }

  /// A citation: a link when the URL is http(s), its escaped text otherwise.
  private func citation(_ citation: Citation) -> String {
    let label = md(citation.title ?? citation.url)
    guard ReportEscaping.isWebLink(citation.url) else {
      return citation.title == nil ? label : label + " (" + md(citation.url) + ")"
    }
    return "[\(label)](<\(ReportEscaping.markdownDestination(citation.url))>)"
  }

  /// Citation `index` of `review`: link, stance, quote, and its evidence.
  private func evidence(_ review: Review, _ index: Int, of entry: ClaimEntry) -> String {
    let item = review.citations[index]
    var text = citation(item)
    if let stance = item.stance { text += " (" + stance.rawValue + ")" }
    if let quote = item.quote { text += " “" + md(quote) + "”" }
    return text + " — *" + md(Formatting.evidence(item, health: entry.health(of: review, citation: index))) + "*"
  }

  private func more(_ total: Int) -> [String] {
    total > limit ? ["", "*… and \(total - limit) more (the HTML and JSON reports list them all).*"] : []
  }
}

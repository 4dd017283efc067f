import ClaimModel

/// The plain-text report: what an editor needs before publishing first (coverage, then what is
/// disputed, flagged, stale or still waiting), then the figures about the reviewing itself.
struct TextRenderer {
  let report: VerificationReport
  let options: RenderOptions

  private var width: Int { max(72, options.width) }
  private var style: TextStyle { TextStyle(isEnabled: options.useColor) }
  private var limit: Int { max(1, options.listLimit) }

  /// The width of the coverage bar: 20, narrower when the terminal is, to leave room for names.
  private var barWidth: Int { min(20, max(10, width - 80)) }

  func render() -> String {
    var lines: [String] = []
    lines += header()
    lines += coverage()
    lines += disputed()
    lines += flagged()
    lines += stale()
    lines += retiredReviews()
    lines += backlog()
    lines += EarlierChecksRendering.text(report.earlierChecks, style: style, width: width, limit: limit)
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
    var facts = ["generated \(report.generatedAt.text)"]
    if let revision = report.revision { facts.insert("revision \(safe(String(revision.prefix(12))))", at: 0) }
    facts.append(report.verifiedRule)
    let overall = report.overall
    let coverage =
      "\(Formatting.count(overall.checkable, "checkable claim")): "
      + "\(overall.verified) verified (\(Formatting.percent(overall.share(overall.verified)))), "
      + "\(overall.reviewed) reviewed (\(Formatting.percent(overall.share(overall.reviewed)))), "
      + "\(overall.unreviewed) awaiting a verdict"
    let attention = [
      (report.disputed.count, "disputed", "disputed"), (report.flagged.count, "flagged", "flagged"),
      (report.staleReviews.count, "stale review", "stale reviews"),
    ].map { count, singular, plural in
      let text = "\(count) \(count == 1 ? singular : plural)"
      return count > 0 ? style.red(text) : text
    }.joined(separator: " · ")
    return [style.bold("Verification report") + " — " + TextLayout.clip(safe(report.scopeDescription), width - 22)]
      + TextLayout.wrap(facts.joined(separator: " · "), width: width).map(style.dim) + [""]
      + TextLayout.wrap(coverage, width: width, indent: "  ") + ["  " + attention]
  }

  private func coverage() -> [String] {
    let nameWidth = width - 52 - barWidth
    let heading =
      TextLayout.left("Coverage", nameWidth + 2) + TextLayout.right("Checkable", 9) + TextLayout.right("Reviewed", 13)
      + TextLayout.right("Cited", 13) + TextLayout.right("Verified", 13)
    var lines = ["", style.bold(heading)]
    lines.append(coverageRow(name: "All sources", report.overall, nameWidth: nameWidth, isBold: true))
    for source in report.sources.prefix(limit) {
      let name = safe(source.id.rawValue) + (source.title.map { "  " + safe($0) } ?? "")
      lines.append(coverageRow(name: name, source.coverage, nameWidth: nameWidth, isBold: false))
    }
    lines += more(report.sources.count)
    var kinds = "Claims: \(report.overall.claims)"
    if report.overall.claims > 0 { kinds += " (\(Formatting.kinds(report.overall)))" }
    if let notCheckable = Formatting.notCheckable(report.overall) { kinds += "; " + notCheckable }
    return lines + note("█ verified  ▓ reviewed  ░ awaiting a verdict; percentages are of checkable claims")
      + note(kinds)
  }

  private func coverageRow(name: String, _ coverage: Coverage, nameWidth: Int, isBold: Bool) -> String {
    func cell(_ count: Int) -> String {
      TextLayout.right(String(count), 6) + TextLayout.right(Formatting.percent(coverage.share(count)), 7)
    }
    let label = TextLayout.left(name, nameWidth)
    return "  " + (isBold ? style.bold(label) : label) + TextLayout.right(String(coverage.checkable), 9)
      + cell(coverage.reviewed) + cell(coverage.cited) + cell(coverage.verified) + "  " + bar(coverage)
  }

  private func bar(_ coverage: Coverage) -> String {
    let total = barWidth
    guard coverage.checkable > 0 else { return style.dim(String(repeating: "·", count: total)) }
    let verified = Formatting.segment(coverage.verified, of: coverage.checkable, width: total)
    let reviewed = Formatting.segment(coverage.reviewed, of: coverage.checkable, width: total) - verified
    let rest = max(0, total - verified - max(0, reviewed))
    return style.green(String(repeating: "█", count: verified))
      + style.yellow(String(repeating: "▓", count: max(0, reviewed))) + style.dim(String(repeating: "░", count: rest))
  }

  private func disputed() -> [String] {
    guard !report.disputed.isEmpty else { return [] }
    var lines = section("Disputed claims", report.disputed.count, "reviewers disagree")
    for entry in report.disputed.prefix(limit) {
      lines.append(claimLine(entry.claim))
      for review in entry.reviews where review.verdict != nil || review.note != nil || !review.citations.isEmpty {
        lines += reviewLines(review, of: entry)
      }
    }
    return lines + more(report.disputed.count)
  }

  private func reviewLines(_ review: Review, of entry: ClaimEntry, withQuotes: Bool = false) -> [String] {
    let verdict = review.verdict.map { report.label(ofVerdict: $0) } ?? "no verdict"
    let verdictText = TextLayout.left(safe(verdict), 18)
    let cited = TextLayout.left(Formatting.count(review.citations.count, "citation"), 12)
    let noteWidth = width - 6 - 18 - 1 - 18 - 1 - 12 - 1
    let note = review.note.map { TextLayout.clip("“" + safe($0) + "”", noteWidth) } ?? ""
    var lines = [
      "      " + TextLayout.left(safe(review.reviewer.name), 18) + " "
        + (review.verdict.map { report.flags($0) } == true ? style.red(verdictText) : verdictText) + " "
        + cited + " " + note
    ]
    for (index, citation) in review.citations.enumerated() {
      let address = "        ↳ " + safe(citation.url)
      var rest = ""
      if let title = citation.title { rest += "  " + safe(title) }
      if let stance = citation.stance { rest += " (\(stance.rawValue))" }
      let health = entry.health(of: review, citation: index)
      let evidence = Formatting.evidence(citation, health: health)
      rest += " · " + (health?.state.isFailure == true ? style.red(evidence) : evidence)
      if (address + rest).count > width, address.count <= width {
        // An address that fits keeps its line whole; what follows it goes below.
        lines.append(style.dim(address))
        lines.append(style.dim(TextLayout.clip("          " + rest.drop(while: { $0 == " " }), width)))
      } else {
        lines.append(style.dim(TextLayout.clip(address + rest, width)))
      }
      if withQuotes, let quote = citation.quote {
        lines.append(style.dim(TextLayout.clip("          “" + safe(quote) + "”", width)))
      }
    }
    return lines.map { $0.trailingSpacesRemoved }
  }

  private func flagged() -> [String] {
    guard !report.flagged.isEmpty else { return [] }
    var lines = section("Flagged claims", report.flagged.count, "rated \(safe(report.flaggingLabels))")
    for entry in report.flagged.prefix(limit) {
      lines.append(claimLine(entry.claim))
      let given = Formatting.verdicts(of: entry.reviews, report: report)
        .map { "\(safe($0.label)) (\(safe($0.reviewer.name)))" }.joined(separator: ", ")
      var tags: [String] = []
      if entry.status.has(.disputed) { tags.append("disputed") }
      if entry.status.has(.verified) { tags.append("verified") }
      let tagText = tags.isEmpty ? "" : "  [" + tags.joined(separator: ", ") + "]"
      lines.append(TextLayout.clip("      " + given + tagText, width))
    }
    return lines + more(report.flagged.count)
  }

  private func stale() -> [String] {
    guard !report.staleReviews.isEmpty else { return [] }
    var lines = section(
      "Stale reviews", report.staleReviews.count, "the claim's text changed after the review; look again")
    for item in report.staleReviews.prefix(limit) {
      let verdict = item.review.verdict.map { report.label(ofVerdict: $0) } ?? "no verdict"
      let detail =
        safe(item.claim.reference) + "  " + safe(item.review.reviewer.name) + ": " + safe(verdict)
        + ", text changed " + Formatting.day(item.staleness.since)
      lines.append("  " + style.yellow(item.claim.id.rawValue) + "  " + TextLayout.clip(detail, width - 14))
      lines.append(TextLayout.clip("      now: " + safe(item.claim.text), width))
      lines.append(style.dim(TextLayout.clip("      was: " + safe(item.staleness.previousText), width)))
    }
    return lines + more(report.staleReviews.count)
  }

  private func retiredReviews() -> [String] {
    guard !report.retiredReviewed.isEmpty else { return [] }
    var lines = section(
      "Reviews of retired claims", report.retiredReviewed.count,
      "the sentence left the article, nothing replaced it; counted nowhere else")
    for item in report.retiredReviewed.prefix(limit) {
      lines.append(claimLine(item.claim))
      lines += TextLayout.wrap(
        safe(Formatting.reviewVerdicts(item.reviews, report: report)), width: width, indent: "      ")
    }
    return lines + more(report.retiredReviewed.count)
  }

  private func backlog() -> [String] {
    guard !report.backlog.isEmpty else { return [] }
    var lines = section(
      "Backlog", report.backlog.count, "checkable claims without a verdict, oldest first")
    let referenceWidth = min(
      max(24, width - 76), report.backlog.prefix(limit).map { safe($0.claim.reference).count }.max() ?? 0)
    for item in report.backlog.prefix(limit) {
      let assignee = item.assignee.map { TextLayout.left(safe($0.name), 16) }
      let textWidth = width - 2 - 10 - 2 - referenceWidth - 2 - 16 - 2
      lines.append(
        "  " + style.yellow(item.claim.id.rawValue) + "  "
          + TextLayout.left(safe(item.claim.reference(fittingIn: referenceWidth)), referenceWidth)
          + "  " + (assignee ?? style.dim(TextLayout.left("unassigned", 16))) + "  "
          + TextLayout.clip(safe(item.claim.text), textWidth))
    }
    return lines + more(report.backlog.count)
  }

  private func evidence() -> [String] {
    guard !report.reviewed.isEmpty else { return [] }
    var lines = section("Evidence", report.reviewed.count, "each reviewed claim's verdicts, notes and citations")
    for entry in report.reviewed.prefix(limit) {
      lines.append(claimLine(entry.claim))
      for review in entry.reviews where review.verdict != nil || review.note != nil || !review.citations.isEmpty {
        lines += reviewLines(review, of: entry, withQuotes: true)
      }
    }
    return lines + more(report.reviewed.count, "the json, csv, html and markdown reports list every claim")
  }

  private func citationHealth() -> [String] {
    let counts = report.evidence
    guard counts.citations > 0 else { return [] }
    var lines = [
      "", style.bold("Citation health") + " — " + TextLayout.clip(Formatting.evidenceSummary(counts), width - 18),
    ]
    for alert in report.evidenceAlerts.prefix(limit) {
      let state = TextLayout.left(alert.health.state.phrase, 11)
      lines.append(
        TextLayout.clip(
          "  " + style.yellow(alert.claim.id.rawValue) + "  " + safe(alert.claim.reference) + "  " + style.red(state)
            + " " + safe(alert.reviewer.name) + " [\(alert.number)] " + safe(alert.citation.url), width))
      if let detail = alert.health.detail { lines.append(TextLayout.clip("      " + safe(detail), width)) }
      if alert.health.state == .drifted, let quote = alert.citation.archive?.quote {
        lines.append(TextLayout.clip("      quote: “" + safe(quote.selector.exact) + "”", width))
        lines.append(TextLayout.clip("      now:   " + (alert.health.now.map { "“" + safe($0) + "”" } ?? "—"), width))
      }
    }
    lines += more(report.evidenceAlerts.count)
    return lines
      + note(
        counts.archived == 0
          ? "'claims cite --archive' and 'claims archive' keep cited pages in the ledger."
          : "'claims evidence check' checks the archived pages again; 'claims evidence show ID' reads one.")
  }

  private func distribution() -> [String] {
    let heading = TextLayout.left("Verdicts", 30) + TextLayout.right("Reviews", 9) + TextLayout.right("Claims", 9)
    var lines = ["", style.bold(heading)]
    let most = report.distribution.entries.map(\.reviews).max() ?? 0
    let barWidth = max(10, width - 52)
    for entry in report.distribution.entries {
      let bar = String(repeating: "■", count: Formatting.segment(entry.reviews, of: most, width: barWidth))
      lines.append(
        ("  " + TextLayout.left(safe(report.label(ofVerdict: entry.verdict)), 28)
          + TextLayout.right(String(entry.reviews), 9) + TextLayout.right(String(entry.claims), 9) + "  "
          + (report.flags(entry.verdict) ? style.red(bar) : bar)).trailingSpacesRemoved)
    }
    lines.append(
      "  " + TextLayout.left("Disputed (no single verdict)", 28) + TextLayout.right("", 9)
        + TextLayout.right(String(report.distribution.disputedClaims), 9))
    return lines + note("Reviews: verdicts given; claims: claims on which it is the only verdict.")
  }

  private func activity() -> [String] {
    guard !report.activity.isEmpty else { return ["", style.bold("Reviewers"), "  No review activity yet."] }
    // Wide enough for the longest `Name <email>` when the line has room: an address cut is no address.
    let longest = report.activity.prefix(limit).map { safe($0.reviewer.description).count }.max() ?? 0
    let nameWidth = max(30, min(longest, width - 2 - 7 - 15 - 6 - 2 - 13 - 10))
    let heading =
      TextLayout.left("Reviewers", nameWidth + 2) + TextLayout.right("Claims", 7)
      + TextLayout.right("Cites/verdict", 15)
      + TextLayout.right("Open", 6) + "  " + TextLayout.left("Last active", 13) + "Actions"
    var lines = ["", style.bold(TextLayout.clip(heading, width))]
    for item in report.activity.prefix(limit) {
      let perVerdict = item.citationsPerVerdict.map { Formatting.fixed($0, decimals: 1) } ?? "n/a"
      let line =
        "  " + TextLayout.left(safe(item.reviewer.description), nameWidth)
        + TextLayout.right(String(item.claimsReviewed), 7)
        + TextLayout.right(perVerdict, 15) + TextLayout.right(String(item.openAssignments), 6) + "  "
        + TextLayout.left(item.lastActive.map(Formatting.day) ?? "—", 13) + safe(Formatting.actions(item))
      lines.append(TextLayout.clip(line, width))
    }
    lines += more(report.activity.count)
    return lines + note("Claims: claims given a verdict; open: assigned claims still without their verdict.")
  }

  private func agreement() -> [String] {
    let agreement = report.agreement
    guard let raters = agreement.raterRange else {
      return ["", style.bold("Agreement"), "  n/a: no claim has verdicts from two reviewers yet."]
    }
    let raterText =
      raters.lowerBound == raters.upperBound ? "\(raters.lowerBound)" : "\(raters.lowerBound)–\(raters.upperBound)"
    var lines = [
      "",
      style.bold("Agreement")
        + " — \(Formatting.count(agreement.units, "claim")) with verdicts from two or more reviewers "
        + "(\(raterText) each)",
      "  All reviewers agree on \(agreement.unanimousUnits) of \(agreement.units) "
        + "(\(Formatting.percent(agreement.unanimousShare)))",
    ]
    let nameWidth = min(48, width - 22)
    func row(_ name: String, _ statistic: AgreementStatistic) -> String {
      "  " + TextLayout.left(name, nameWidth) + TextLayout.right(Formatting.statistic(statistic.value), 7) + "   "
        + Formatting.count(statistic.units, "claim")
    }
    lines.append(row("Fleiss' kappa (all verdicts, nominal)", agreement.fleissKappa))
    lines.append(row("Krippendorff's alpha (all verdicts, nominal)", agreement.alphaNominal))
    lines.append(row("Krippendorff's alpha (rated verdicts, ordinal)", agreement.alphaOrdinal))
    if !agreement.pairs.isEmpty {
      lines.append("  Cohen's kappa by pair of reviewers")
      for pair in agreement.pairs.prefix(limit) {
        let names = safe(pair.first.name) + " × " + safe(pair.second.name)
        lines.append(
          "    " + TextLayout.left(names, min(46, width - 39)) + TextLayout.right(Formatting.statistic(pair.kappa), 7)
            + "   "
            + TextLayout.left(Formatting.percent(pair.observedAgreement) + " agree", 13)
            + Formatting.count(pair.units, "claim"))
      }
      lines += more(agreement.pairs.count)
    }
    return lines + note("n/a: too few claims, or no variation in the verdicts to measure agreement against.")
  }

  private func footer() -> [String] {
    var notes: [String] = []
    if !report.retired.isEmpty {
      notes.append(
        "\(Formatting.count(report.retired.count, "retired claim")) (\(report.retiredWithReviews) with reviews) not counted"
      )
    }
    if report.unmatchedReviews > 0 {
      notes.append("\(Formatting.count(report.unmatchedReviews, "review")) of claims missing from the ledger ignored")
    }
    guard !notes.isEmpty else { return [] }
    return [""] + TextLayout.wrap("Note: " + notes.joined(separator: "; ") + ".", width: width).map(style.dim)
  }

  // MARK: Helpers

  private func safe(_ text: String) -> String { ReportEscaping.terminal(text) }

  /// An explanation under a section, wrapped and dimmed.
  private func note(_ text: String) -> [String] {
    TextLayout.wrap(text, width: width, indent: "  ").map(style.dim)
  }

  private func section(_ title: String, _ count: Int, _ explanation: String) -> [String] {
    let heading = "\(title) (\(count))"
    return ["", style.bold(heading) + " — " + TextLayout.clip(explanation, width - heading.count - 3)]
  }

  private func claimLine(_ claim: Claim) -> String {
    let reference = safe(claim.reference)
    let textWidth = width - 2 - 10 - 2 - reference.count - 2
    return "  " + style.yellow(claim.id.rawValue) + "  " + reference + "  "
      + TextLayout.clip(safe(claim.text), textWidth)
  }

  private func more(_ total: Int, _ hint: String? = nil) -> [String] {
    total > limit ? [style.dim("  … and \(total - limit) more" + (hint.map { " (\($0))" } ?? ""))] : []
  }
}

extension String {
  /// The string without trailing spaces.
  var trailingSpacesRemoved: String {
    var result = self
    while result.hasSuffix(" ") { result.removeLast() }
    return result
  }
}

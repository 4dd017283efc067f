import ClaimModel

/// One source's rows (or blocks) in each list of the HTML report, and the small pieces they are
/// made of. They depend only on the source's entries and the verdict scale, so a source's rows can
/// be kept and spliced into a later page unchanged. All ledger text goes through
/// ``ReportEscaping/html(_:)``.
struct HTMLParts {
  let scale: VerdictScale

  func disputedBlocks(_ entries: [ClaimEntry]) -> [UInt8] {
    var html = ""
    for entry in entries {
      html += "<article class=\"claim-block\">\n<h3><span class=\"id\">\(h(entry.claim.id.rawValue))</span> · "
      html += h(entry.claim.reference) + "</h3>\n<blockquote>" + h(entry.claim.text) + "</blockquote>\n"
      html += "<table>\n<thead><tr><th>Reviewer</th><th>Verdict</th><th>Note</th><th>Citations</th></tr></thead>\n"
      html += "<tbody>\n"
      for review in entry.reviews where review.verdict != nil || review.note != nil || !review.citations.isEmpty {
        html += "<tr><td>\(h(review.reviewer.name))</td><td>\(verdict(review.verdict))</td>"
        html += "<td class=\"text\">\(h(review.note ?? ""))</td><td>\(citations(of: review, in: entry))</td></tr>\n"
      }
      html += "</tbody>\n</table>\n</article>\n"
    }
    return Array(html.utf8)
  }

  func flaggedRows(_ entries: [ClaimEntry]) -> [UInt8] {
    var html = ""
    for entry in entries {
      html += "<tr><td class=\"id\">\(h(entry.claim.id.rawValue))</td><td>\(h(entry.claim.reference))</td>"
      html += "<td class=\"text\">\(h(entry.claim.text))</td><td>\(verdictList(entry.reviews))</td>"
      html += "<td>\(stateBadges(entry.status))</td></tr>\n"
    }
    return Array(html.utf8)
  }

  func staleRows(_ items: [StaleReview]) -> [UInt8] {
    var html = ""
    for item in items {
      html += "<tr><td class=\"id\">\(h(item.claim.id.rawValue))</td><td>\(h(item.review.reviewer.name))</td>"
      html += "<td>\(verdict(item.review.verdict))</td>"
      html += "<td class=\"date\">\(h(Formatting.day(item.staleness.since)))</td>"
      html += "<td class=\"text\">\(h(item.claim.text))<br />"
      html += "<span class=\"was\">was: \(h(item.staleness.previousText))</span></td>"
      html += "</tr>\n"
    }
    return Array(html.utf8)
  }

  func backlogRows(_ items: [BacklogItem]) -> [UInt8] {
    var html = ""
    for item in items {
      html += "<tr><td class=\"id\">\(h(item.claim.id.rawValue))</td><td>\(h(item.claim.reference))</td>"
      html += "<td>\(h(item.assignee?.name ?? "—"))</td>"
      html += "<td class=\"date\">\(h(item.waitingSince.map(Formatting.day) ?? "—"))</td>"
      html += "<td class=\"text\">\(h(item.claim.text))</td></tr>\n"
    }
    return Array(html.utf8)
  }

  func claimRows(_ entries: [ClaimEntry]) -> [UInt8] {
    var html = ""
    html.reserveCapacity(entries.count * 600)
    for entry in entries {
      let status = entry.status
      html += "<tr id=\"claim-\(h(entry.claim.source.rawValue))-\(h(entry.claim.id.rawValue))\" "
      html += "data-state=\"\(h(status.state.rawValue))\" data-flagged=\"\(status.has(.flagged) ? 1 : 0)\" "
      html += "data-stale=\"\(status.has(.stale) ? 1 : 0)\">"
      html += "<td class=\"id\">\(h(entry.claim.id.rawValue))</td><td>\(h(entry.claim.reference))</td>"
      html += "<td>\(h(entry.claim.kind.rawValue))</td><td>\(stateBadges(status))</td>"
      html += "<td>\(verdictList(entry.reviews))</td><td class=\"num\">\(status.citationCount)</td>"
      html += "<td>\(h(entry.assignee?.name ?? ""))</td><td class=\"text\">\(h(entry.claim.text))"
      html += evidence(entry) + "</td></tr>\n"
    }
    return Array(html.utf8)
  }

  /// What a claim's reviews say, under its text: each reviewer's verdict and note, and each
  /// citation with its evidence; empty when no review says anything.
  func evidence(_ entry: ClaimEntry) -> String {
    guard entry.hasEvidence else { return "" }
    var html = "<ul class=\"evidence\">"
    for review in entry.reviews where review.verdict != nil || review.note != nil || !review.citations.isEmpty {
      html += "<li><strong>\(h(review.reviewer.name))</strong>: \(verdict(review.verdict))"
      if let note = review.note { html += " — " + h(note) }
      if !review.citations.isEmpty { html += "<br />" + citations(of: review, in: entry) }
      html += "</li>"
    }
    return html + "</ul>"
  }

  func retiredRows(_ items: [RetiredClaim]) -> [UInt8] {
    var html = ""
    for item in items {
      html += "<tr><td class=\"id\">\(h(item.claim.id.rawValue))</td><td>\(h(item.claim.reference))</td>"
      let replacedBy = item.replacedBy.map(\.rawValue).joined(separator: ", ")
      html += "<td class=\"id\">\(replacedBy.isEmpty ? "—" : h(replacedBy))</td>"
      let reviews = item.reviews.map { review in
        let mark = item.replacedBy.isEmpty ? "<strong>" : ""
        return mark + h(review.reviewer.name) + (mark.isEmpty ? "" : "</strong>") + ": " + verdict(review.verdict)
      }
      html += "<td class=\"num\">\(item.reviewCount)</td><td>\(reviews.joined(separator: "<br />"))</td>"
      html += "<td class=\"text\">\(h(item.claim.text))</td></tr>\n"
    }
    return Array(html.utf8)
  }

  // MARK: Pieces

  func h(_ text: String) -> String { ReportEscaping.html(text) }

  /// A verdict label, marked when it flags.
  func verdict(_ id: String?) -> String {
    guard let id else { return "<em>no verdict</em>" }
    let entry = scale.verdict(id)
    let label = h(entry?.label ?? id)
    return entry?.flags ?? false ? "<span class=\"verdict-flagging\">\(label)</span>" : label
  }

  /// `Supported (Alice), Refuted (Bob)`.
  func verdictList(_ reviews: [Review]) -> String {
    reviews.compactMap { review in
      review.verdict.map { verdict($0) + " (" + h(review.reviewer.name) + ")" }
    }.joined(separator: ", ")
  }

  func stateBadges(_ status: ClaimStatus) -> String {
    var html = "<span class=\"badge state-\(h(status.state.rawValue))\">\(h(status.state.label))</span>"
    if status.has(.flagged) { html += "<span class=\"badge badge-flagged\">flagged</span>" }
    if status.has(.stale) { html += "<span class=\"badge badge-stale\">stale</span>" }
    return html
  }

  /// The citations of `review`, each with its publisher, stance, quote, and whether it is archived
  /// and what the last evidence check found.
  func citations(of review: Review, in entry: ClaimEntry) -> String {
    review.citations.enumerated().map { index, citation in
      var html = link(citation.url, text: citation.title ?? citation.url)
      var details: [String] = []
      if let publisher = citation.publisher { details.append(h(publisher)) }
      if let stance = citation.stance { details.append(h(stance.rawValue)) }
      if !details.isEmpty { html += " <span class=\"hint\">(" + details.joined(separator: ", ") + ")</span>" }
      html += " " + evidenceBadge(citation, health: entry.health(of: review, citation: index))
      if let quote = citation.quote { html += "<br /><q>" + h(quote) + "</q>" }
      return html
    }.joined(separator: "<br />")
  }

  /// `archived 2026-12-06; quote gone (checked 2026-12-07)`, marked when the evidence fails.
  func evidenceBadge(_ citation: Citation, health: CitationHealth?) -> String {
    let text = h(Formatting.evidence(citation, health: health))
    let kind = health?.state.isFailure == true ? "ev-bad" : citation.archive == nil ? "ev-none" : "ev-archived"
    return "<span class=\"ev \(kind)\">\(text)</span>"
  }

  /// A link when `url` is http(s); otherwise the text, with the URL beside it, and no link.
  func link(_ url: String, text: String) -> String {
    guard ReportEscaping.isWebLink(url) else {
      return text == url ? "<code>\(h(url))</code>" : "\(h(text)) <code>\(h(url))</code>"
    }
    return "<a href=\"\(h(url))\" rel=\"noopener noreferrer nofollow\">\(h(text))</a>"
  }
}

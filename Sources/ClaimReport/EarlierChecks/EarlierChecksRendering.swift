import ClaimModel

/// The report's section on claims answered by earlier checks, in each format. Left out when no
/// claim is, so reports of ledgers without fact-checks or links read as before.
enum EarlierChecksRendering {
  static func text(_ section: EarlierChecksSection, style: TextStyle, width: Int, limit: Int) -> [String] {
    guard !section.entries.isEmpty else { return [] }
    let heading = "Answered by earlier checks (\(section.entries.count))"
    var lines = [
      "",
      style.bold(heading) + " — "
        + TextLayout.clip(
          "\(section.linkedCount) linked, \(section.resemblingCount) unreviewed resembling one",
          width - heading.count - 3),
    ]
    for entry in section.entries.prefix(limit) {
      let reference = ReportEscaping.terminal(entry.claim.reference)
      lines.append(
        "  " + style.yellow(entry.claim.id.rawValue) + "  " + reference + "  "
          + TextLayout.clip(ReportEscaping.terminal(entry.claim.text), width - 16 - reference.count))
      for answer in entry.answers {
        let how = entry.isLinked ? "linked:" : "resembles:"
        lines.append(
          "      " + style.dim(how) + " "
            + TextLayout.clip(ReportEscaping.terminal(VerificationReport.describe(answer)), width - 18))
      }
    }
    if section.entries.count > limit { lines.append(style.dim("  … and \(section.entries.count - limit) more")) }
    return lines
  }

  static func markdown(_ section: EarlierChecksSection, limit: Int) -> [String] {
    guard !section.entries.isEmpty else { return [] }
    var lines = ["", "## Answered by earlier checks (\(section.entries.count))", ""]
    lines.append("\(section.linkedCount) linked, \(section.resemblingCount) unreviewed resembling one.")
    lines.append("")
    for entry in section.entries.prefix(limit) {
      let answers = entry.answers.map { ReportEscaping.markdown(VerificationReport.describe($0)) }
      lines.append(
        "- `\(entry.claim.id)` \(ReportEscaping.markdown(entry.claim.reference)): \(ReportEscaping.markdown(entry.claim.text)) — "
          + (entry.isLinked ? "linked to " : "resembles ") + answers.joined(separator: "; "))
    }
    if section.entries.count > limit { lines.append("- … and \(section.entries.count - limit) more") }
    return lines
  }

  static func json(_ section: EarlierChecksSection) -> JSONValue {
    .object([
      "summary": .string(section.summary),
      "linked": .integer(section.linkedCount),
      "resembling": .integer(section.resemblingCount),
      "claims": .array(
        section.entries.map { entry in
          .object([
            "claim": .string(entry.claim.id.rawValue), "reference": .string(entry.claim.reference),
            "text": .string(entry.claim.text), "linked": .bool(entry.isLinked),
            "answers": .array(entry.answers.map(answerJSON)),
          ])
        }),
    ])
  }

  private static func answerJSON(_ answer: EarlierChecksSection.Answer) -> JSONValue {
    var members: [String: JSONValue] = [
      "kind": .string(answer.kind), answer.kind == "claim" ? "id" : "url": .string(answer.key),
      "claim": .string(answer.text),
    ]
    for (key, value) in [
      ("verdict", answer.verdict), ("checked_by", answer.checkedBy), ("date", answer.date),
      ("linked_by", answer.linkedBy),
    ] {
      if let value { members[key] = .string(value) }
    }
    if let score = answer.score { members["score"] = .double(score) }
    return .object(members)
  }

  static func html(_ section: EarlierChecksSection) -> String {
    guard !section.entries.isEmpty else { return "" }
    func esc(_ text: String) -> String { ReportEscaping.html(text) }
    var html = "<section id=\"earlier-checks\">\n<h2>Answered by earlier checks (\(section.entries.count))</h2>\n"
    html += "<p>\(section.linkedCount) linked, \(section.resemblingCount) unreviewed resembling one.</p>\n<ul>\n"
    for entry in section.entries {
      html += "<li><code>\(esc(entry.claim.id.rawValue))</code> \(esc(entry.claim.reference)): \(esc(entry.claim.text))"
      html += "<ul>"
      for answer in entry.answers {
        let link =
          ReportEscaping.isWebLink(answer.key)
          ? "<a href=\"\(esc(answer.key))\">\(esc(answer.key))</a>" : "<code>\(esc(answer.key))</code>"
        var words = [answer.verdict ?? "no rating"]
        words += [answer.checkedBy, answer.date].compactMap { $0 }
        if let score = answer.score { words.append("score " + twoDecimals(score)) }
        if let linkedBy = answer.linkedBy { words.append("linked by " + linkedBy) }
        html += "<li>\(entry.isLinked ? "linked" : "resembles"): \(esc(words.joined(separator: " · "))) · \(link)</li>"
      }
      html += "</ul></li>\n"
    }
    return html + "</ul>\n</section>\n"
  }
}

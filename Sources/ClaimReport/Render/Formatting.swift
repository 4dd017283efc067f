import ClaimModel

/// Number and word formatting shared by the human-readable formats, without Foundation so the
/// output is the same on every platform and locale.
enum Formatting {
  /// `value` with exactly `decimals` digits after the point, rounded half away from zero.
  static func fixed(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return "n/a" }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    guard scaled < 1e15 else { return "\(value)" }
    let units = Int(scaled)
    let whole = units / Int(scale)
    let fraction = String(units % Int(scale))
    let sign = value < 0 && units != 0 ? "-" : ""
    guard decimals > 0 else { return sign + String(whole) }
    return sign + String(whole) + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
  }

  /// A share (0…1) as a percentage with one decimal, `n/a` when undefined.
  static func percent(_ share: Double?) -> String {
    share.map { fixed($0 * 100, decimals: 1) + "%" } ?? "n/a"
  }

  /// A coefficient with three decimals, `n/a` when undefined.
  static func statistic(_ value: Double?) -> String {
    value.map { fixed($0, decimals: 3) } ?? "n/a"
  }

  /// `1 claim`, `2 claims`: ClaimModel's `String.count`, the one plural rule of every module.
  static func count(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    String.count(count, singular, plural: plural)
  }

  /// Why headlines and sentences are not counted as checkable: `2 claims not checkable: every
  /// verdict is opinion; 1 marked not a claim by the desk`; nil when none is left out.
  static func notCheckable(_ coverage: Coverage) -> String? {
    var parts: [String] = []
    if coverage.opinionOnly > 0 {
      parts.append("\(count(coverage.opinionOnly, "claim")) not checkable: every verdict is opinion")
    }
    if coverage.notAClaim > 0 {
      let what = parts.isEmpty ? count(coverage.notAClaim, "claim") + " not checkable:" : String(coverage.notAClaim)
      parts.append("\(what) marked not a claim by the desk")
    }
    return parts.isEmpty ? nil : parts.joined(separator: "; ")
  }

  /// The reviewers and verdicts of a retired claim's reviews: `Ada Lovelace: refuted, Bob: no verdict`.
  static func reviewVerdicts(_ reviews: [Review], report: VerificationReport) -> String {
    reviews.map { review in
      review.reviewer.name + ": " + (review.verdict.map { report.label(ofVerdict: $0) } ?? "no verdict")
    }.joined(separator: ", ")
  }

  /// The day of a timestamp, `YYYY-MM-DD`.
  static func day(_ timestamp: Timestamp) -> String { String(timestamp.text.prefix(10)) }

  /// The claim kinds of a coverage, most common first: `40 sentences, 3 headlines`.
  static func kinds(_ coverage: Coverage) -> String {
    let names: [ClaimKind: (String, String)] = [
      .headline: ("headline", "headlines"), .sentence: ("sentence", "sentences"),
      .caption: ("caption", "captions"), .byline: ("byline", "bylines"),
      .boilerplate: ("boilerplate line", "boilerplate lines"),
    ]
    return ClaimKind.allCases.filter { coverage.count(of: $0) > 0 }.map { kind in
      let (singular, plural) = names[kind] ?? (kind.rawValue, kind.rawValue)
      return count(coverage.count(of: kind), singular, plural)
    }.joined(separator: ", ")
  }

  /// A verdict's label and the reviewer's name: `Refuted (Bob)`.
  static func verdicts(of reviews: [Review], report: VerificationReport, only: (String) -> Bool = { _ in true })
    -> [(reviewer: Identity, label: String)]
  {
    reviews.compactMap { review in
      guard let verdict = review.verdict, only(verdict) else { return nil }
      return (review.reviewer, report.label(ofVerdict: verdict))
    }
  }

  /// The action counts of a reviewer: `verdict 12, cite 18`.
  static func actions(_ activity: ReviewerActivity) -> String {
    activity.actions.isEmpty ? "—" : activity.actions.map { "\($0.kind.rawValue) \($0.count)" }.joined(separator: ", ")
  }

  /// The number of sections of `width` out of `total` that `count` fills, so stacked segments
  /// always add up to `width` exactly.
  static func segment(_ count: Int, of total: Int, width: Int) -> Int {
    guard total > 0 else { return 0 }
    return Int((Double(count) / Double(total) * Double(width)).rounded())
  }
}

extension VerificationReport {
  /// Whether verdict `id` flags a claim on this report's scale.
  func flags(_ id: String) -> Bool { scale.verdict(id)?.flags ?? false }

  /// The labels of the flagging verdicts on the scale: `Misleading or Refuted`.
  var flaggingLabels: String {
    let labels = scale.verdicts.filter(\.flags).map(\.label)
    guard labels.count > 1, let last = labels.last else { return labels.first ?? "a flagging verdict" }
    return labels.dropLast().joined(separator: ", ") + " or " + last
  }

  /// The scope of the report in words.
  var scopeDescription: String {
    sourceFilter.isEmpty
      ? "all sources (\(sources.count))" : sourceFilter.map(\.rawValue).joined(separator: ", ")
  }

  /// What verified means in this ledger.
  var verifiedRule: String {
    requiredReviews == 1
      ? "verified = 1 cited verdict, no disagreement"
      : "verified = \(requiredReviews) agreeing verdicts, each cited"
  }
}

extension Formatting {
  /// Whether a citation's page is archived, and what the last check found: `not archived`,
  /// `archived 2026-12-06`, `archived 2026-12-06; quote gone (checked 2026-12-07)`.
  static func evidence(_ citation: Citation, health: CitationHealth?) -> String {
    guard let archive = citation.archive else { return "not archived" }
    var text = "archived " + day(archive.retrieved)
    if let health { text += "; \(health.state.phrase) (checked \(day(health.checked)))" }
    return text
  }

  /// The citation-health figures in words: `12 citations: 9 archived, 3 not archived; last check:
  /// 7 unchanged, 1 quote gone`.
  static func evidenceSummary(_ counts: EvidenceCounts) -> String {
    var text =
      "\(count(counts.citations, "citation")): \(counts.archived) archived, \(counts.unarchived) not archived"
    let states = CitationHealth.State.allCases.filter { counts.count($0) > 0 }
    if states.isEmpty {
      if counts.archived > 0 { text += "; not checked yet ('claims evidence check')" }
    } else {
      text += "; last check: " + states.map { "\(counts.count($0)) \($0.phrase)" }.joined(separator: ", ")
      let unchecked = counts.archived - counts.checked
      if unchecked > 0 { text += ", \(unchecked) not checked" }
    }
    return text
  }
}

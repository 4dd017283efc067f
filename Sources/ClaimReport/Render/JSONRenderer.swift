import ClaimModel

/// The whole report as canonical JSON, in the layout `docs/REPORT.md` documents (schema version
/// ``VerificationReport/schemaVersion``). Optional fields are present with `null` rather than left
/// out, so consumers can rely on every key.
///
/// Written as it goes, never built whole: the figures are small ``JSONValue``s, while the lists
/// (every claim, with its reviews) are written source by source by ``JSONParts``, or copied from a
/// ``ReportFragmentStore``.
struct JSONRenderer {
  let report: VerificationReport
  let store: (any ReportFragmentStore)?
  let output: ReportOutput

  /// The parts this format writes source by source.
  static let parts = ReportPart.allCases

  /// One source's piece of each list.
  static func fragments(of lists: SourceLists, context: FragmentContext) -> [ReportPart: [UInt8]] {
    let parts = JSONParts(scale: context.scale)
    return [
      .claims: parts.claims(lists.claims), .disputed: parts.references(lists.disputed),
      .flagged: parts.flagged(lists.flagged), .staleReviews: parts.staleReviews(lists.staleReviews),
      .backlog: parts.backlog(lists.backlog), .retired: parts.retired(lists.retired),
    ]
  }

  func write() {
    let parts = JSONParts(scale: report.scale)
    output.write("{\n")
    member("agreement", agreement(report.agreement))
    list("backlog", .backlog, report.backlog) { items, _ in parts.backlog(items) }
    member("citation_health", citationHealth())
    list("claims", .claims, report.claims) { entries, _ in parts.claims(entries) }
    list("disputed", .disputed, report.disputed) { entries, _ in parts.references(entries) }
    member("distribution", distribution(report.distribution))
    if !report.earlierChecks.entries.isEmpty {
      member("earlier_checks", EarlierChecksRendering.json(report.earlierChecks))
    }
    list("flagged", .flagged, report.flagged) { entries, _ in parts.flagged(entries) }
    member("generated_at", .string(report.generatedAt.text))
    member("overall", Self.coverage(report.overall))
    member("required_reviews", .integer(report.requiredReviews))
    list("retired", .retired, report.retired) { items, _ in parts.retired(items) }
    member("reviewers", .array(report.activity.map(activity)))
    member("revision", optional(report.revision))
    member("scale", .array(report.scale.verdicts.map(verdict)))
    member("schema_version", .integer(VerificationReport.schemaVersion))
    member("source_filter", .array(report.sourceFilter.map { .string($0.rawValue) }))
    member("sources", .array(report.sources.map(source)))
    list("stale_reviews", .staleReviews, report.staleReviews) { items, _ in parts.staleReviews(items) }
    member("unmatched_reviews", .integer(report.unmatchedReviews), isLast: true)
    output.write("}\n")
  }

  // MARK: Top level

  private func member(_ key: String, _ value: JSONValue, isLast: Bool = false) {
    var writer = JSONStreamWriter(depth: 1)
    writer.value(value)
    output.write("  \"\(key)\": ")
    output.write(writer.bytes)
    output.write(isLast ? "\n" : ",\n")
  }

  private func list<Element>(
    _ key: String, _ part: ReportPart, _ list: ReportList<Element>, render: ([Element], SourceID) -> [UInt8]
  ) {
    output.write("  \"\(key)\": ")
    let lists = ListWriter(output: output, store: store)
    if lists.write(part, of: list, opening: Array("[\n".utf8), separator: Array(",\n".utf8), render: render) {
      output.write("\n  ],\n")
    } else {
      output.write("[],\n")
    }
  }

  // MARK: Parts

  /// The citation-health figures and every citation whose evidence no longer holds.
  private func citationHealth() -> JSONValue {
    let counts = report.evidence
    var states: [String: JSONValue] = [:]
    for state in CitationHealth.State.allCases { states[state.rawValue] = .integer(counts.count(state)) }
    let alerts: [JSONValue] = report.evidenceAlerts.map { alert in
      guard case .object(var members) = alert.health.json else { return .null }
      members["claim"] = .string(alert.claim.id.rawValue)
      members["source"] = .string(alert.claim.source.rawValue)
      members["reviewer"] = .string(alert.reviewer.description)
      members["citation"] = .integer(alert.number)
      members["url"] = .string(alert.citation.url)
      members["quote"] = alert.citation.archive?.quote.map { .string($0.selector.exact) } ?? .null
      return .object(members)
    }
    return .object([
      "citations": .integer(counts.citations), "archived": .integer(counts.archived),
      "not_archived": .integer(counts.unarchived), "checked": .integer(counts.checked), "states": .object(states),
      "alerts": .array(alerts),
    ])
  }

  private func verdict(_ verdict: Verdict) -> JSONValue {
    .object([
      "id": .string(verdict.id), "label": .string(verdict.label), "meaning": .string(verdict.meaning),
      "flags": .bool(verdict.flags),
      "rating": verdict.rating.map {
        .object(["value": .integer($0.value), "best": .integer($0.best), "worst": .integer($0.worst)])
      } ?? .null,
    ])
  }

  static func coverage(_ coverage: Coverage) -> JSONValue {
    .object([
      "claims": .integer(coverage.claims),
      "by_kind": .object(
        Dictionary(uniqueKeysWithValues: ClaimKind.allCases.map { ($0.rawValue, .integer(coverage.count(of: $0))) })),
      "opinion_only": .integer(coverage.opinionOnly),
      "not_a_claim": .integer(coverage.notAClaim),
      "checkable": .integer(coverage.checkable),
      "reviewed": .integer(coverage.reviewed),
      "cited": .integer(coverage.cited),
      "verified": .integer(coverage.verified),
      "unreviewed": .integer(coverage.unreviewed),
      "reviewed_share": Self.number(coverage.share(coverage.reviewed)),
      "cited_share": Self.number(coverage.share(coverage.cited)),
      "verified_share": Self.number(coverage.share(coverage.verified)),
    ])
  }

  private func source(_ source: SourceSummary) -> JSONValue {
    .object([
      "id": .string(source.id.rawValue),
      "title": optional(source.title),
      "url": optional(source.url),
      "published": optional(source.record?.published?.text),
      "authors": .array((source.record?.authors ?? []).map { .string($0) }),
      "publisher": optional(source.record?.publisher),
      "language": optional(source.record?.language),
      "canonical_url": optional(source.record?.canonicalURL),
      "modified": optional(source.record?.modified?.text),
      "imported_at": optional(source.importedAt?.text),
      "coverage": Self.coverage(source.coverage),
    ])
  }

  private func distribution(_ distribution: VerdictDistribution) -> JSONValue {
    .object([
      "verdicts": .array(
        distribution.entries.map { entry in
          .object([
            "verdict": .string(entry.verdict), "label": .string(report.label(ofVerdict: entry.verdict)),
            "on_scale": .bool(report.verdict(entry.verdict) != nil), "reviews": .integer(entry.reviews),
            "claims": .integer(entry.claims),
          ])
        }),
      "disputed_claims": .integer(distribution.disputedClaims),
      "total_reviews": .integer(distribution.totalReviews),
    ])
  }

  private func activity(_ activity: ReviewerActivity) -> JSONValue {
    .object([
      "reviewer": .string(activity.reviewer.description),
      "actions": .object(
        Dictionary(uniqueKeysWithValues: activity.actions.map { ($0.kind.rawValue, .integer($0.count)) })),
      "claims_reviewed": .integer(activity.claimsReviewed),
      "citations": .integer(activity.citations),
      "citations_per_verdict": Self.number(activity.citationsPerVerdict),
      "stale_reviews": .integer(activity.staleReviews),
      "open_assignments": .integer(activity.openAssignments),
      "last_active": optional(activity.lastActive?.text),
    ])
  }

  private func agreement(_ agreement: AgreementSummary) -> JSONValue {
    func statistic(_ statistic: AgreementStatistic) -> JSONValue {
      .object(["value": Self.number(statistic.value), "units": .integer(statistic.units)])
    }
    return .object([
      "units": .integer(agreement.units),
      "unanimous_units": .integer(agreement.unanimousUnits),
      "unanimous_share": Self.number(agreement.unanimousShare),
      "raters_min": agreement.raterRange.map { .integer($0.lowerBound) } ?? .null,
      "raters_max": agreement.raterRange.map { .integer($0.upperBound) } ?? .null,
      "fleiss_kappa": statistic(agreement.fleissKappa),
      "krippendorff_alpha_nominal": statistic(agreement.alphaNominal),
      "krippendorff_alpha_ordinal": statistic(agreement.alphaOrdinal),
      "pairs": .array(
        agreement.pairs.map { pair in
          .object([
            "first": .string(pair.first.description), "second": .string(pair.second.description),
            "units": .integer(pair.units), "observed_agreement": Self.number(pair.observedAgreement),
            "kappa": Self.number(pair.kappa),
          ])
        }),
    ])
  }

  // MARK: Scalars

  private func optional(_ text: String?) -> JSONValue {
    text.map { .string($0) } ?? .null
  }

  /// A figure rounded to four decimals, so the output is stable and free of float noise
  /// (0.4, not 0.40000000000000013); null when undefined.
  static func number(_ value: Double?) -> JSONValue {
    guard let value, value.isFinite else { return .null }
    let rounded = (value * 10_000).rounded() / 10_000
    return .double(rounded == 0 ? 0 : rounded)
  }
}

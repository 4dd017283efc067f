import ClaimModel

/// The whole report as canonical JSON, in the layout `docs/REPORT.md` documents (schema version
/// ``VerificationReport/schemaVersion``). Optional fields are present with `null` rather than left
/// out, so consumers can rely on every key.
enum JSONRenderer {
  static func render(_ report: VerificationReport) -> String {
    JSONWriter.canonicalText(of: value(of: report))
  }

  static func value(of report: VerificationReport) -> JSONValue {
    .object([
      "schema_version": .integer(VerificationReport.schemaVersion),
      "generated_at": .string(report.generatedAt.text),
      "revision": optional(report.revision),
      "source_filter": .array(report.sourceFilter.map { .string($0.rawValue) }),
      "required_reviews": .integer(report.requiredReviews),
      "scale": .array(report.scale.verdicts.map(verdict)),
      "overall": coverage(report.overall),
      "sources": .array(report.sources.map(source)),
      "claims": .array(report.claims.map { claim($0, report: report) }),
      "disputed": .array(report.disputed.map { reference($0.claim) }),
      "flagged": .array(report.flagged.map { flagged($0, report: report) }),
      "stale_reviews": .array(report.staleReviews.map(stale)),
      "backlog": .array(report.backlog.map(backlog)),
      "distribution": distribution(report.distribution, report: report),
      "reviewers": .array(report.activity.map(activity)),
      "agreement": agreement(report.agreement),
      "retired": .array(report.retired.map(retired)),
      "unmatched_reviews": .integer(report.unmatchedReviews),
    ])
  }

  // MARK: Parts

  private static func verdict(_ verdict: Verdict) -> JSONValue {
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
      "checkable": .integer(coverage.checkable),
      "reviewed": .integer(coverage.reviewed),
      "cited": .integer(coverage.cited),
      "verified": .integer(coverage.verified),
      "unreviewed": .integer(coverage.unreviewed),
      "reviewed_share": number(coverage.share(coverage.reviewed)),
      "cited_share": number(coverage.share(coverage.cited)),
      "verified_share": number(coverage.share(coverage.verified)),
    ])
  }

  private static func source(_ source: SourceSummary) -> JSONValue {
    .object([
      "id": .string(source.id.rawValue),
      "title": optional(source.title),
      "url": optional(source.url),
      "published": optional(source.record?.published?.text),
      "imported_at": optional(source.importedAt?.text),
      "coverage": coverage(source.coverage),
    ])
  }

  private static func claim(_ entry: ClaimEntry, report: VerificationReport) -> JSONValue {
    let (claim, status) = (entry.claim, entry.status)
    return .object([
      "id": .string(claim.id.rawValue),
      "source": .string(claim.source.rawValue),
      "ordinal": .integer(claim.ordinal),
      "kind": .string(claim.kind.rawValue),
      "text": .string(claim.text),
      "start": .integer(claim.start),
      "end": .integer(claim.end),
      "supersedes": .array(claim.supersedes.map { .string($0.rawValue) }),
      "assignee": optional(entry.assignee?.description),
      "status": .object([
        "state": .string(status.state.rawValue),
        "checkable": .bool(status.isCheckable),
        "reviewed": .bool(status.isReviewed),
        "cited": .bool(status.isCited),
        "verified": .bool(status.isVerified),
        "disputed": .bool(status.isDisputed),
        "flagged": .bool(status.isFlagged),
        "stale": .bool(status.hasStaleReviews),
        "verdict_count": .integer(status.verdictCount),
        "cited_verdict_count": .integer(status.citedVerdictCount),
        "citation_count": .integer(status.citationCount),
        "verdicts": .array(status.verdicts.map { .string($0) }),
        "consensus": optional(status.consensus),
      ]),
      "reviews": .array(entry.reviews.map { review($0, report: report) }),
    ])
  }

  private static func review(_ review: Review, report: VerificationReport) -> JSONValue {
    .object([
      "reviewer": .string(review.reviewer.description),
      "verdict": optional(review.verdict),
      "verdict_label": optional(review.verdict.map { report.label(ofVerdict: $0) }),
      "note": optional(review.note),
      "citations": .array(review.citations.map(citation)),
      "updated": .string(review.updated.text),
      "stale": review.stale.map { stale in
        .object([
          "previous_claim": .string(stale.previousClaim.rawValue),
          "previous_text": .string(stale.previousText),
          "since": .string(stale.since.text),
        ])
      } ?? .null,
    ])
  }

  private static func citation(_ citation: Citation) -> JSONValue {
    .object([
      "url": .string(citation.url),
      "title": optional(citation.title),
      "publisher": optional(citation.publisher),
      "published": optional(citation.published?.text),
      "accessed": optional(citation.accessed?.text),
      "quote": optional(citation.quote),
      "stance": optional(citation.stance?.rawValue),
    ])
  }

  private static func reference(_ claim: Claim) -> JSONValue {
    .object(["claim": .string(claim.id.rawValue), "source": .string(claim.source.rawValue)])
  }

  private static func flagged(_ entry: ClaimEntry, report: VerificationReport) -> JSONValue {
    .object([
      "claim": .string(entry.claim.id.rawValue),
      "source": .string(entry.claim.source.rawValue),
      "flagging_verdicts": .array(
        entry.reviews.compactMap { review in
          guard let verdict = review.verdict, report.flags(verdict) else { return nil }
          return .object(["reviewer": .string(review.reviewer.description), "verdict": .string(verdict)])
        }),
    ])
  }

  private static func stale(_ item: StaleReview) -> JSONValue {
    .object([
      "claim": .string(item.claim.id.rawValue),
      "source": .string(item.claim.source.rawValue),
      "reviewer": .string(item.review.reviewer.description),
      "verdict": optional(item.review.verdict),
      "previous_claim": .string(item.staleness.previousClaim.rawValue),
      "previous_text": .string(item.staleness.previousText),
      "since": .string(item.staleness.since.text),
    ])
  }

  private static func backlog(_ item: BacklogItem) -> JSONValue {
    .object([
      "claim": .string(item.claim.id.rawValue),
      "source": .string(item.claim.source.rawValue),
      "ordinal": .integer(item.claim.ordinal),
      "assignee": optional(item.assignee?.description),
      "waiting_since": optional(item.waitingSince?.text),
    ])
  }

  private static func distribution(_ distribution: VerdictDistribution, report: VerificationReport) -> JSONValue {
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

  private static func activity(_ activity: ReviewerActivity) -> JSONValue {
    .object([
      "reviewer": .string(activity.reviewer.description),
      "actions": .object(Dictionary(uniqueKeysWithValues: activity.actions.map { ($0.kind, .integer($0.count)) })),
      "claims_reviewed": .integer(activity.claimsReviewed),
      "citations": .integer(activity.citations),
      "citations_per_verdict": number(activity.citationsPerVerdict),
      "stale_reviews": .integer(activity.staleReviews),
      "open_assignments": .integer(activity.openAssignments),
      "last_active": optional(activity.lastActive?.text),
    ])
  }

  private static func agreement(_ agreement: AgreementSummary) -> JSONValue {
    func statistic(_ statistic: AgreementStatistic) -> JSONValue {
      .object(["value": number(statistic.value), "units": .integer(statistic.units)])
    }
    return .object([
      "units": .integer(agreement.units),
      "unanimous_units": .integer(agreement.unanimousUnits),
      "unanimous_share": number(agreement.unanimousShare),
      "raters_min": agreement.raterRange.map { .integer($0.lowerBound) } ?? .null,
      "raters_max": agreement.raterRange.map { .integer($0.upperBound) } ?? .null,
      "fleiss_kappa": statistic(agreement.fleissKappa),
      "krippendorff_alpha_nominal": statistic(agreement.alphaNominal),
      "krippendorff_alpha_ordinal": statistic(agreement.alphaOrdinal),
      "pairs": .array(
        agreement.pairs.map { pair in
          .object([
            "first": .string(pair.first.description), "second": .string(pair.second.description),
            "units": .integer(pair.units), "observed_agreement": number(pair.observedAgreement),
            "kappa": number(pair.kappa),
          ])
        }),
    ])
  }

  private static func retired(_ item: RetiredClaim) -> JSONValue {
    .object([
      "id": .string(item.claim.id.rawValue),
      "source": .string(item.claim.source.rawValue),
      "ordinal": .integer(item.claim.ordinal),
      "text": .string(item.claim.text),
      "review_count": .integer(item.reviewCount),
    ])
  }

  // MARK: Scalars

  private static func optional(_ text: String?) -> JSONValue {
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

import ClaimModel

/// schema.org `ClaimReview` JSON-LD, for publishing verdicts alongside a fact-check.
///
/// What is published, and why (see also `docs/REPORT.md`):
/// - one `ClaimReview` per claim whose reviewers agree: at least one verdict and no disagreement.
///   A disputed claim is left out, since publishing either side, or both, would state a finding the
///   desk has not reached;
/// - claims with a stale review are left out too: that verdict judged an earlier text, and the
///   rating would be published against words it was never given for;
/// - `author` lists every reviewer who gave the verdict, by name only (e-mail addresses stay in the
///   ledger);
/// - `url` is the source's URL with the fragment `#claim-<id>`, the only stable address the
///   ledger knows for a claim; it is left out when the source has no http(s) URL.
/// The JSON has `<`, `>`, `&`, U+2028 and U+2029 escaped, so it can be pasted into a
/// `<script type="application/ld+json">` element as is.
enum ClaimReviewRenderer {
  static func render(_ report: VerificationReport) -> String {
    var sources: [SourceID: SourceSummary] = [:]
    for source in report.sources { sources[source.id] = source }
    let reviews = report.claims.compactMap { claimReview($0, source: sources[$0.claim.source], report: report) }
    return scriptSafe(JSONWriter.canonicalText(of: .array(reviews)))
  }

  /// Whether `entry` is published, by the rules above.
  static func isPublished(_ entry: ClaimEntry) -> Bool {
    entry.status.consensus != nil && !entry.status.hasStaleReviews
  }

  private static func claimReview(_ entry: ClaimEntry, source: SourceSummary?, report: VerificationReport)
    -> JSONValue?
  {
    guard isPublished(entry), let verdictID = entry.status.consensus else { return nil }
    let reviews = entry.reviews.filter { $0.verdict != nil }
    guard let latest = reviews.map(\.updated).max() else { return nil }
    var rating: [String: JSONValue] = [
      "@type": "Rating", "alternateName": .string(report.label(ofVerdict: verdictID)),
    ]
    if let scale = report.verdict(verdictID)?.rating {
      rating["ratingValue"] = .integer(scale.value)
      rating["bestRating"] = .integer(scale.best)
      rating["worstRating"] = .integer(scale.worst)
    }
    let authors: [JSONValue] = reviews.map { .object(["@type": "Person", "name": .string($0.reviewer.name)]) }
    let pageURL = source?.url.flatMap { ReportEscaping.isWebLink($0) ? $0 : nil }
    var appearance: [String: JSONValue] = ["@type": "CreativeWork"]
    if let pageURL { appearance["url"] = .string(pageURL) }
    if let published = source?.record?.published { appearance["datePublished"] = .string(published.text) }
    if let title = source?.title { appearance["headline"] = .string(title) }
    var review: [String: JSONValue] = [
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      "claimReviewed": .string(entry.claim.normalizedText),
      "reviewRating": .object(rating),
      "itemReviewed": .object(["@type": "Claim", "appearance": .object(appearance)]),
      "author": authors.count == 1 ? authors[0] : .array(authors),
      "datePublished": .string(Formatting.day(latest)),
    ]
    if let pageURL { review["url"] = .string(claimURL(pageURL, claim: entry.claim.id)) }
    return .object(review)
  }

  /// The source URL with its fragment replaced by `#claim-<id>`.
  static func claimURL(_ pageURL: String, claim: ClaimID) -> String {
    let base = pageURL.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
    return base + "#claim-" + claim.rawValue
  }

  /// JSON text with the characters that could end or confuse an HTML `<script>` element escaped.
  /// Outside strings canonical JSON holds none of them, so the text stays valid, equal JSON.
  static func scriptSafe(_ json: String) -> String {
    // 0xE2 leads the UTF-8 of U+2028 and U+2029.
    guard json.utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0xE2 }) else { return json }
    var result = ""
    result.reserveCapacity(json.utf8.count)
    for scalar in json.unicodeScalars {
      switch scalar {
      case "<": result += "\\u003c"
      case ">": result += "\\u003e"
      case "&": result += "\\u0026"
      case "\u{2028}": result += "\\u2028"
      case "\u{2029}": result += "\\u2029"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}

import ClaimModel

/// schema.org `ClaimReview` JSON-LD, for publishing verdicts alongside a fact-check.
///
/// What is published, and why (see also `docs/REPORT.md`):
/// - one `ClaimReview` per claim whose reviewers agree: at least one verdict and no disagreement.
///   A disputed claim is left out, since publishing either side, or both, would state a finding the
///   desk has not reached;
/// - claims with a stale review are left out too: that verdict judged an earlier text, and the
///   rating would be published against words it was never given for;
/// - claims that are not checkable are left out: rated only `opinion` (there is no finding to
///   publish about an opinion), or marked not a claim by the desk; retired claims are never
///   published;
/// - `itemReviewed.author` is the claimant the desk recorded (`claims claimant`), else the
///   article's authors (else its publisher), who at least made the claim in print;
/// - `author` lists every reviewer who gave the verdict, by name only (e-mail addresses stay in the
///   ledger);
/// - `url` is the source's URL with the fragment `#claim-<id>`, the only stable address the
///   ledger knows for a claim; it is left out when the source has no http(s) URL;
/// - `citation` lists the sources the verdict rests on: every web page or DOI cited by the reviewers
///   who gave it, each once, as a `CreativeWork` (`url`, and `name`, `publisher`, `datePublished`
///   when known). schema.org defines `citation` on every `CreativeWork` (a `ClaimReview` is one) as
///   "a citation or reference to another creative work", which is what evidence is; `isBasedOn`
///   means a work adapted from another (a translation, a remix), which a fact-check is not.
///   Documents held only in the ledger (`seeds/…`) have no address a reader could follow and are
///   left out.
/// The JSON has `<`, `>` and `&` escaped here (U+2028, U+2029 and the other characters a terminal
/// or a script parser would act on are escaped by the JSON writer), so it can be pasted into a
/// `<script type="application/ld+json">` element as is.
struct ClaimReviewRenderer {
  let report: VerificationReport
  let store: (any ReportFragmentStore)?
  let output: ReportOutput

  /// The parts this format writes source by source.
  static let parts: [ReportPart] = [.claims]

  /// One source's published claims.
  static func fragments(of lists: SourceLists, context: FragmentContext) -> [ReportPart: [UInt8]] {
    [.claims: elements(lists.claims, record: context.record, scale: context.scale)]
  }

  func write() {
    let isOpen = ListWriter(output: output, store: store).write(
      .claims, of: report.claims, opening: Array("[\n".utf8), separator: Array(",\n".utf8)
    ) { entries, source in
      Self.elements(entries, record: report.source(source)?.record, scale: report.scale)
    }
    output.write(isOpen ? "\n]\n" : "[]\n")
  }

  /// The `ClaimReview` objects of one source's claims, as elements of the top-level array.
  private static func elements(_ entries: [ClaimEntry], record: SourceRecord?, scale: VerdictScale) -> [UInt8] {
    var writer = JSONStreamWriter(depth: 1)
    var isFirst = true
    for entry in entries {
      guard let review = claimReview(entry, record: record, scale: scale) else { continue }
      writer.raw((isFirst ? "  " : ",\n  ").utf8)
      writer.value(review)
      isFirst = false
    }
    guard !writer.bytes.isEmpty else { return [] }
    return Array(scriptSafe(String(decoding: writer.bytes, as: UTF8.self)).utf8)
  }

  /// Whether `entry` is published, by the rules above.
  static func isPublished(_ entry: ClaimEntry) -> Bool {
    entry.status.consensus != nil && !entry.status.hasStaleReviews && entry.status.isCheckable
  }

  private static func claimReview(_ entry: ClaimEntry, record: SourceRecord?, scale: VerdictScale) -> JSONValue? {
    guard isPublished(entry), let verdictID = entry.status.consensus else { return nil }
    let reviews = entry.reviews.filter { $0.verdict != nil }
    guard let latest = reviews.map(\.updated).max() else { return nil }
    var rating: [String: JSONValue] = [
      "@type": "Rating", "alternateName": .string(scale.verdict(verdictID)?.label ?? verdictID),
    ]
    if let value = scale.verdict(verdictID)?.rating {
      rating["ratingValue"] = .integer(value.value)
      rating["bestRating"] = .integer(value.best)
      rating["worstRating"] = .integer(value.worst)
    }
    let authors: [JSONValue] = reviews.map { .object(["@type": "Person", "name": .string($0.reviewer.name)]) }
    let pageURL = record?.url.flatMap { ReportEscaping.isWebLink($0) ? $0 : nil }
    // The article's own address for itself, when its page names one, is the one to cite.
    let appearanceURL = record?.canonicalURL.flatMap { ReportEscaping.isWebLink($0) ? $0 : nil } ?? pageURL
    var appearance: [String: JSONValue] = ["@type": "CreativeWork"]
    if let appearanceURL { appearance["url"] = .string(appearanceURL) }
    if let published = record?.published { appearance["datePublished"] = .string(published.text) }
    if let title = record?.title { appearance["headline"] = .string(title) }
    // Who made the claim: the article's authors as its page names them, else its publisher.
    let writers = (record?.authors ?? []).map { JSONValue.object(["@type": "Person", "name": .string($0)]) }
    let publisher = record?.publisher.map { JSONValue.object(["@type": "Organization", "name": .string($0)]) }
    let claimant = writers.isEmpty ? publisher : (writers.count == 1 ? writers[0] : .array(writers))
    if let claimant { appearance["author"] = claimant }
    if let publisher { appearance["publisher"] = publisher }
    // The claim was made when its article was published: Google's fact-check markup reads the
    // date from the Claim itself, schema.org's CreativeWork from the appearance.
    var itemReviewed: [String: JSONValue] = ["@type": "Claim", "appearance": .object(appearance)]
    if let published = record?.published { itemReviewed["datePublished"] = .string(published.text) }
    if let named = entry.claimant {
      itemReviewed["author"] = .object([
        "@type": .string(named.kind == .organization ? "Organization" : "Person"), "name": .string(named.name),
      ])
    } else if let claimant {
      itemReviewed["author"] = claimant
    }
    var review: [String: JSONValue] = [
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      "claimReviewed": .string(entry.claim.normalizedText),
      "reviewRating": .object(rating),
      "itemReviewed": .object(itemReviewed),
      "author": authors.count == 1 ? authors[0] : .array(authors),
      "datePublished": .string(Formatting.day(latest)),
    ]
    if let pageURL { review["url"] = .string(claimURL(pageURL, claim: entry.claim.id)) }
    let cited = citations(of: reviews)
    if !cited.isEmpty { review["citation"] = .array(cited) }
    return .object(review)
  }

  /// The web pages and DOIs cited by `reviews`, each address once, in the order first cited.
  static func citations(of reviews: [Review]) -> [JSONValue] {
    var seen: Set<String> = []
    var works: [JSONValue] = []
    for citation in reviews.flatMap(\.citations) {
      let url: String
      switch CitationLocation(citation.url) {
      case .web(let address): url = address
      case .doi(let name): url = "https://doi.org/" + name.dropFirst(4)
      case .ledgerDocument, .invalid: continue
      }
      guard seen.insert(url).inserted else { continue }
      var work: [String: JSONValue] = ["@type": "CreativeWork", "url": .string(url)]
      if let title = citation.title { work["name"] = .string(title) }
      if let publisher = citation.publisher {
        work["publisher"] = .object(["@type": "Organization", "name": .string(publisher)])
      }
      if let published = citation.published { work["datePublished"] = .string(published.text) }
      works.append(.object(work))
    }
    return works
  }

  /// The source URL with its fragment replaced by `#claim-<id>`.
  static func claimURL(_ pageURL: String, claim: ClaimID) -> String {
    let base = pageURL.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
    return base + "#claim-" + claim.rawValue
  }

  /// JSON text with the characters that could end or confuse an HTML `<script>` element escaped.
  /// Outside strings canonical JSON holds none of them, so the text stays valid, equal JSON.
  static func scriptSafe(_ json: String) -> String {
    guard json.utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 }) else { return json }
    var result = ""
    result.reserveCapacity(json.utf8.count)
    for scalar in json.unicodeScalars {
      switch scalar {
      case "<": result += "\\u003c"
      case ">": result += "\\u003e"
      case "&": result += "\\u0026"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}

/// Turns one ClaimReview node into a ``FactCheck``.
enum ClaimReviewRecord {
  static func factCheck(from members: [String: JSONValue]) -> Result<FactCheck, ClaimReviewProblem> {
    let url: String
    switch JSONLD.text(members["url"])
      ?? JSONLD.text(members["@id"]).flatMap({ FactCheck.host(of: $0) != nil ? $0 : nil })
    {
    case nil:
      if members["url"] != nil {
        return .failure(ClaimReviewProblem(.invalidField, "'url' must be text"))
      }
      return .failure(ClaimReviewProblem(.missingURL, "a ClaimReview without 'url'"))
    case let text?:
      url = text
    }
    guard FactCheck.host(of: url) != nil,
      !url.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 })
    else {
      return .failure(ClaimReviewProblem(.invalidURL, "'url' is not an http(s) address: '\(url.escapedForMessage)'"))
    }
    guard let claimValue = members["claimReviewed"] else {
      return .failure(
        ClaimReviewProblem(.missingClaimReviewed, "a ClaimReview without 'claimReviewed' (\(url.escapedForMessage))"))
    }
    guard let claim = JSONLD.text(claimValue) else {
      if case .string = claimValue {
        return .failure(
          ClaimReviewProblem(.missingClaimReviewed, "'claimReviewed' is empty (\(url.escapedForMessage))"))
      }
      return .failure(
        ClaimReviewProblem(
          .invalidField, "'claimReviewed' must be text, not \(claimValue.typeName) (\(url.escapedForMessage))"))
    }
    let publisher = JSONLD.name(members["author"]) ?? JSONLD.name(members["publisher"])
    var claimAuthor: String?
    var appearance: String?
    if case .object(let item)? = JSONLD.first(members["itemReviewed"]) {
      claimAuthor = JSONLD.name(item["author"])
      appearance = JSONLD.address(item["appearance"]) ?? JSONLD.address(item["firstAppearance"])
    }
    return .success(
      FactCheck(
        url: url, claimReviewed: claim, rating: rating(JSONLD.first(members["reviewRating"])),
        headline: JSONLD.text(members["name"]) ?? JSONLD.text(members["headline"]), publisher: publisher,
        datePublished: date(JSONLD.text(members["datePublished"])),
        language: JSONLD.text(members["inLanguage"]) ?? JSONLD.name(members["inLanguage"]), claimAuthor: claimAuthor,
        claimAppearance: appearance))
  }

  /// A date, or the date part of a timestamp with an offset (`2019-12-01T10:00:00+01:00`);
  /// anything else is left out rather than refusing the fact-check.
  private static func date(_ text: String?) -> CalendarDate? {
    guard let text else { return nil }
    return CalendarDate(text) ?? CalendarDate(String(text.prefix(10)))
  }

  private static func rating(_ value: JSONValue?) -> FactCheck.Rating? {
    guard case .object(let members)? = value else { return nil }
    let rating = FactCheck.Rating(
      value: number(members["ratingValue"]), best: number(members["bestRating"]), worst: number(members["worstRating"]),
      alternateName: JSONLD.text(members["alternateName"]) ?? JSONLD.text(members["name"]))
    return rating.isEmpty ? nil : rating
  }

  /// A rating figure, given as a JSON number or as text (`"4"`, schema.org allows both).
  private static func number(_ value: JSONValue?) -> Double? {
    switch JSONLD.first(value) {
    case .integer(let integer)?: return Double(integer)
    case .double(let double)?: return double
    case .string(let text)?: return Double(text.trimmingWhitespace()).flatMap { $0.isFinite ? $0 : nil }
    default: return nil
    }
  }
}

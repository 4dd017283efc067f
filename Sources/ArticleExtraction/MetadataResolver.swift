/// Chooses each metadata field from the sources a page offers, most specific first: JSON-LD,
/// then OpenGraph and `article:` properties, then other `<meta>` conventions (Dublin Core,
/// Parse.ly, plain `author`), then microdata, `<time>`, `<h1>` and `<title>`.
struct MetadataResolver {
  let tags: MetadataTags
  let jsonLD: JSONLDArticle?

  init(tags: MetadataTags) {
    self.tags = tags
    jsonLD = tags.jsonLD.isEmpty ? nil : JSONLDArticle(scripts: tags.jsonLD)
  }

  private func meta(_ keys: String...) -> String? {
    for key in keys {
      for value in tags.meta[key] ?? [] {
        let cleaned = TextCleaner.collapseWhitespace(value)
        if !cleaned.isEmpty { return cleaned }
      }
    }
    return nil
  }

  private func itemprop(_ key: String) -> String? {
    (tags.itemprops[key] ?? []).lazy.map { TextCleaner.collapseWhitespace($0) }.first { !$0.isEmpty }
  }

  var publisher: String? {
    jsonLD?.publisher ?? meta("og:site_name", "application-name", "dc.publisher", "dcterms.publisher", "publisher")
  }

  var title: String? {
    let candidate =
      jsonLD?.headline ?? meta("og:title", "twitter:title", "dc.title", "dcterms.title", "headline", "sailthru.title")
      ?? itemprop("headline") ?? tags.firstHeadings.first { !$0.isEmpty } ?? tags.title.map { TextCleaner.collapseWhitespace($0) }
    guard let candidate, !candidate.isEmpty else { return nil }
    return stripSiteName(from: candidate)
  }

  /// "Headline | Site" and "Headline - Site" lose the site's name when it is the publisher's.
  private func stripSiteName(from title: String) -> String {
    guard let publisher, !publisher.isEmpty else { return title }
    for separator in [" | ", " - ", " – ", " — ", " :: ", " · "] {
      let suffix = separator + publisher
      if title.hasSuffix(suffix), title.count > suffix.count {
        return String(title.dropLast(suffix.count))
      }
    }
    return title
  }

  var authors: [String] {
    if let jsonLD, !jsonLD.authors.isEmpty { return Self.unique(jsonLD.authors.flatMap(Self.splitNames)) }
    let sources: [[String]] = [
      tags.meta["author"] ?? [], tags.meta["article:author"] ?? [], tags.meta["parsely-author"] ?? [],
      tags.meta["sailthru.author"] ?? [], tags.meta["dc.creator"] ?? [], tags.meta["dcterms.creator"] ?? [],
      tags.meta["byl"] ?? [], tags.itemprops["author"] ?? [], tags.itemprops["creator"] ?? [], tags.authorLinks,
    ]
    for source in sources {
      let names = source.map { TextCleaner.collapseWhitespace($0) }.filter { !$0.isEmpty && !Self.isAddress($0) }
      if !names.isEmpty { return Self.unique(names.flatMap(Self.splitNames)) }
    }
    return []
  }

  var published: String? {
    jsonLD?.datePublished
      ?? meta(
        "article:published_time", "og:published_time", "og:article:published_time", "datepublished", "pubdate",
        "publishdate", "publish-date", "publish_date", "date", "dc.date", "dc.date.issued", "dcterms.created",
        "dcterms.issued", "sailthru.date", "parsely-pub-date", "article.published", "cxenseparse:recs:publishtime")
      ?? itemprop("datepublished") ?? tags.times.first { $0.isPublication }?.value ?? tags.times.first?.value
  }

  var modified: String? {
    jsonLD?.dateModified
      ?? meta("article:modified_time", "og:updated_time", "og:article:modified_time", "datemodified", "dcterms.modified", "last-modified")
      ?? itemprop("datemodified")
  }

  var language: String? {
    let raw =
      jsonLD?.language ?? tags.htmlLanguage.flatMap { $0.isEmpty ? nil : $0 }
      ?? meta("content-language", "language", "dc.language", "og:locale")
    guard let raw else { return nil }
    let cleaned = TextCleaner.collapseWhitespace(raw).replacingUnderscores()
    return cleaned.isEmpty ? nil : cleaned
  }

  func canonicalURL(base: String?) -> String? {
    let raw = tags.canonical.flatMap { $0.isEmpty ? nil : $0 } ?? meta("og:url") ?? jsonLD?.url
    guard let raw else { return nil }
    return URLResolver.resolve(raw, against: base)
  }

  /// "By Jane Doe and John Roe" is two authors; "Doe, Jane" (one name, comma-inverted) is not split.
  static func splitNames(_ text: String) -> [String] {
    var text = text
    for prefix in ["By ", "by ", "BY "] where text.hasPrefix(prefix) { text = String(text.dropFirst(prefix.count)) }
    var parts = [text]
    for separator in [" and ", " & ", " und ", " y ", " e ", ";", "|"] {
      parts = parts.flatMap { $0.pieces(separatedBy: separator) }
    }
    let commaParts = parts.flatMap { $0.split(separator: ",").map(String.init) }
    // Split on commas only when every piece looks like a whole name (two words or more).
    if commaParts.count > parts.count, commaParts.allSatisfy({ $0.split(separator: " ").count >= 2 }) {
      parts = commaParts
    }
    return parts.map { TextCleaner.collapseWhitespace($0) }.filter { !$0.isEmpty }
  }

  static func isAddress(_ text: String) -> Bool {
    text.hasPrefix("http://") || text.hasPrefix("https://") || text.hasPrefix("//") || text.hasPrefix("www.")
  }

  static func unique(_ names: [String]) -> [String] {
    var seen: Set<String> = []
    return names.filter { seen.insert($0.lowercased()).inserted }
  }
}

extension String {
  func replacingUnderscores() -> String {
    String(map { $0 == "_" ? "-" : $0 })
  }

  func pieces(separatedBy separator: String) -> [String] {
    guard !separator.isEmpty else { return [self] }
    var parts: [String] = []
    var rest = self[...]
    while let range = rest.firstRange(of: separator) {
      parts.append(String(rest[..<range.lowerBound]))
      rest = rest[range.upperBound...]
    }
    parts.append(String(rest))
    return parts
  }
}

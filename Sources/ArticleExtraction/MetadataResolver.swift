/// Chooses each metadata field from the sources a page offers, most specific first: JSON-LD,
/// then OpenGraph and `article:` properties, then other `<meta>` conventions (Dublin Core,
/// Parse.ly, plain `author`), then microdata, `<time>`, `<h1>` and `<title>`.
struct MetadataResolver {
  let tags: MetadataTags
  let jsonLD: JSONLDArticle?
  /// Where the page came from, when known: its host's name is the site's name in titles.
  let address: String?

  init(tags: MetadataTags, address: String? = nil) {
    self.tags = tags
    self.address = address
    jsonLD = tags.jsonLD.isEmpty ? nil : JSONLDArticle(scripts: tags.jsonLD)
  }

  /// A metadata string as people read it: character references decoded (some templates escape
  /// twice), white space collapsed; nil when empty.
  static func clean(_ text: String?) -> String? {
    guard let text else { return nil }
    let cleaned = TextCleaner.collapseWhitespace(HTMLEntities.decode(text))
    return cleaned.isEmpty ? nil : cleaned
  }

  private func metaValues(_ keys: [String]) -> [String] {
    keys.flatMap { tags.meta[$0] ?? [] }.compactMap(Self.clean)
  }

  private func meta(_ keys: String...) -> String? {
    metaValues(keys).first
  }

  private func itemprop(_ key: String) -> String? {
    (tags.itemprops[key] ?? []).lazy.compactMap(Self.clean).first
  }

  var publisher: String? {
    let candidates =
      [jsonLD?.publisher].compactMap(Self.clean)
      + metaValues(["og:site_name", "application-name", "dc.publisher", "dcterms.publisher", "publisher"])
    return candidates.first { !MetadataResolver.isAddress($0) }
  }

  var title: String? {
    let candidate =
      Self.clean(jsonLD?.headline)
      ?? meta("og:title", "twitter:title", "dc.title", "dcterms.title", "headline", "sailthru.title")
      ?? itemprop("headline") ?? documentTitle
    return candidate.map(stripSiteName)
  }

  /// Without metadata, the `<h1>` that `<title>` repeats (the title adds the site's name), else
  /// `<title>` itself: a page's first `<h1>` is often its logo.
  private var documentTitle: String? {
    let headings = tags.firstHeadings.compactMap(Self.clean)
    guard let title = Self.clean(tags.title) else { return headings.first }
    return headings.first { title.contains($0) && $0.count * 3 >= title.count } ?? title
  }

  /// "Headline | Site" and "Headline - Site" lose the site's name when it is the publisher's or
  /// the host's ("Entermedia" on entermedia.co.kr).
  private func stripSiteName(from title: String) -> String {
    let names = [publisher, hostName].compactMap { $0 }.map(Self.letters)
    guard !names.isEmpty else { return title }
    for separator in [" | ", " - ", " – ", " — ", " :: ", " · "] {
      guard let range = title.ranges(of: separator).last, range.lowerBound > title.startIndex else { continue }
      let suffix = Self.letters(String(title[range.upperBound...]))
      if !suffix.isEmpty, names.contains(suffix) {
        return String(title[..<range.lowerBound])
      }
    }
    return title
  }

  /// The distinctive label of the page's host (`entermedia` for www.entermedia.co.kr).
  private var hostName: String? {
    let base = address ?? canonicalURL(base: nil)
    guard let base, let schemeEnd = base.firstRange(of: "://") else { return nil }
    let host = base[schemeEnd.upperBound...].prefix { $0 != "/" && $0 != ":" && $0 != "?" }
    let labels = host.split(separator: ".").filter { !["www", "m", "com", "co", "org", "net", "news"].contains($0) }
    return labels.first.map(String.init)
  }

  /// Lowercased letters and digits: "Al-Bawaba" and "Al Bawaba" are one name.
  private static func letters(_ text: String) -> String {
    String(text.lowercased().filter { $0.isLetter || $0.isNumber })
  }

  var authors: [String] {
    if let jsonLD {
      let names = jsonLD.authors.compactMap(Self.clean).flatMap(AuthorNames.split)
      if !names.isEmpty { return AuthorNames.unique(names) }
    }
    let sources: [[String]] = [
      tags.meta["author"] ?? [], tags.meta["article:author"] ?? [], tags.meta["parsely-author"] ?? [],
      tags.meta["sailthru.author"] ?? [], tags.meta["dc.creator"] ?? [], tags.meta["dcterms.creator"] ?? [],
      tags.meta["byl"] ?? [], tags.itemprops["author"] ?? [], tags.itemprops["creator"] ?? [], tags.authorLinks,
    ]
    for source in sources {
      let names = source.compactMap(Self.clean).filter { !Self.isAddress($0) }.flatMap(AuthorNames.split)
      if !names.isEmpty { return AuthorNames.unique(names) }
    }
    return []
  }

  /// The first date among `candidates` that reads as one, in ISO 8601.
  private static func firstDate(_ candidates: [String?]) -> String? {
    candidates.lazy.compactMap { $0.flatMap(Self.clean).flatMap(DateReader.normalize) }.first
  }

  var published: String? {
    Self.firstDate(
      [jsonLD?.datePublished]
        + metaValues([
          "article:published_time", "article:published", "og:published_time", "og:article:published_time",
          "datepublished", "pubdate", "pdate",
          "publishdate", "publish-date", "publish_date", "date", "dc.date", "dc.date.issued", "dcterms.created",
          "dcterms.issued", "sailthru.date", "parsely-pub-date", "article.published",
        ]) + (tags.itemprops["datepublished"] ?? []) + tags.times.filter(\.isPublication).map(\.value)
        + metaValues(publicationDateKeys)
        + tags.times.prefix(1).map(\.value) + [jsonLD?.dateModified])
  }

  /// Other `<meta>` names that say they hold the publication date (`post-date`, `pub_date`,
  /// `publication-date`), in the page's order.
  private var publicationDateKeys: [String] {
    tags.meta.keys.filter { key in
      (key.contains("publish") || key.contains("pubdate") || key.contains("pub-date") || key.contains("pub_date")
        || key.contains("post-date") || key.contains("post_date") || key.contains("postdate"))
        && !key.contains("modif") && !key.contains("update") && !key.contains("expir")
    }.sorted()
  }

  var modified: String? {
    Self.firstDate(
      [jsonLD?.dateModified]
        + metaValues([
          "article:modified_time", "og:updated_time", "og:article:modified_time", "datemodified", "dcterms.modified",
          "last-modified",
        ]) + (tags.itemprops["datemodified"] ?? []))
  }

  var language: String? {
    let candidates =
      [jsonLD?.language, tags.htmlLanguage].compactMap(Self.clean)
      + metaValues(["content-language", "language", "dc.language", "og:locale"])
    return candidates.lazy.compactMap(Self.languageTag).first
  }

  /// `en_us` and `EN-us` as BCP 47 writes them (`en-US`); nil for what is not a language tag.
  static func languageTag(_ text: String) -> String? {
    let parts = text.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
    guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }),
      parts.allSatisfy({ !$0.isEmpty && $0.count <= 8 && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } })
    else { return nil }
    var tag = [first.lowercased()]
    for part in parts.dropFirst() {
      tag.append(
        part.count == 2
          ? part.uppercased() : part.count == 4 ? part.prefix(1).uppercased() + part.dropFirst().lowercased() : part)
    }
    return tag.joined(separator: "-")
  }

  func canonicalURL(base: String?) -> String? {
    let raw = tags.canonical.flatMap { $0.isEmpty ? nil : $0 } ?? meta("og:url") ?? jsonLD?.url
    guard let raw else { return nil }
    return URLResolver.resolve(HTMLEntities.decode(raw), against: base)
  }

  static func isAddress(_ text: String) -> Bool {
    let lowered = text.lowercasedASCII()
    return lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || lowered.hasPrefix("//")
      || lowered.hasPrefix("www.")
  }
}

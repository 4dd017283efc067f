/// What a page's JSON-LD says about its article: the first node typed as an article (or, when
/// there is none, as a web page), found in top-level arrays, `@graph` and `mainEntity`, with
/// `@id` references to people and organisations followed.
struct JSONLDArticle {
  var headline: String?
  var authors: [String] = []
  var datePublished: String?
  var dateModified: String?
  var publisher: String?
  var language: String?
  var url: String?
  var articleBody: String?

  /// Types whose node describes the article itself (schema.org's Article and its descendants).
  static let articleTypes: Set<String> = [
    "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle", "techarticle", "scholarlyarticle", "report",
    "liveblogposting", "socialmediaposting", "posting", "satiricalarticle", "advertisertcontentarticle",
  ]

  init?(scripts: [String]) {
    var nodes: [LenientJSON] = []
    for script in scripts {
      for value in LenientJSONParser.parseAll(script) { Self.collect(value, into: &nodes, depth: 0) }
    }
    var byID: [String: LenientJSON] = [:]
    for node in nodes {
      if let id = node["@id"]?.string, byID[id] == nil { byID[id] = node }
    }
    // The article's node first, then other article nodes and the page's node for what it leaves
    // out (Yoast's graphs date the WebPage, not the Article).
    let articles = nodes.filter { Self.types(of: $0).contains(where: Self.isArticleType) }
    let pages = nodes.filter { Self.types(of: $0).contains(where: Self.isPageType) }
    let candidates = articles + pages
    guard !articles.isEmpty || pages.contains(where: { $0["headline"] != nil || $0["datePublished"] != nil }) else {
      return nil
    }
    func first<T>(_ read: (LenientJSON) -> T?) -> T? {
      for node in candidates {
        if let value = read(node) { return value }
      }
      return nil
    }
    headline = first { Self.text($0["headline"]) } ?? articles.lazy.compactMap { Self.text($0["name"]) }.first
    authors =
      first { node in
        let names = ((node["author"] ?? node["creator"])?.elements ?? []).compactMap { Self.name(of: $0, byID: byID) }
        return names.isEmpty ? nil : names
      } ?? []
    datePublished = first { Self.text($0["datePublished"]) ?? Self.text($0["dateCreated"]) }
    dateModified = first { Self.text($0["dateModified"]) }
    publisher = first { $0["publisher"]?.elements.lazy.compactMap { Self.name(of: $0, byID: byID) }.first }
    language = first { Self.text($0["inLanguage"]) ?? $0["inLanguage"]?["name"].flatMap(Self.text) }
    url = first { Self.text($0["url"]) ?? $0["mainEntityOfPage"].flatMap { Self.text($0) ?? Self.text($0["@id"]) } }
    articleBody = articles.lazy.compactMap { Self.text($0["articleBody"]) }.first
  }

  /// schema.org's Article and its descendants (NewsArticle, BlogPosting, ReportageNewsArticle...).
  static func isArticleType(_ type: String) -> Bool {
    articleTypes.contains(type) || type.hasSuffix("article") || type.hasSuffix("posting")
  }

  /// WebPage and its descendants (ItemPage, MedicalWebPage...).
  static func isPageType(_ type: String) -> Bool {
    type.hasSuffix("page")
  }

  /// Gathers every object node, looking into arrays, `@graph` and `mainEntity`.
  private static func collect(_ value: LenientJSON, into nodes: inout [LenientJSON], depth: Int) {
    guard depth < 8 else { return }
    switch value {
    case .array(let items):
      for item in items { collect(item, into: &nodes, depth: depth + 1) }
    case .object:
      nodes.append(value)
      if let graph = value["@graph"] { collect(graph, into: &nodes, depth: depth + 1) }
      if let main = value["mainEntity"] { collect(main, into: &nodes, depth: depth + 1) }
    default:
      break
    }
  }

  static func types(of node: LenientJSON) -> [String] {
    (node["@type"]?.elements ?? []).compactMap { $0.string?.lowercasedASCII() }.map { type in
      // "http://schema.org/NewsArticle" and "schema:NewsArticle" name the same type.
      if let slash = type.lastIndex(where: { $0 == "/" || $0 == ":" }) {
        return String(type[type.index(after: slash)...])
      }
      return type
    }
  }

  /// A string value, or the first string of an array, trimmed; nil when empty.
  static func text(_ value: LenientJSON?) -> String? {
    guard let value else { return nil }
    for element in value.elements {
      if let string = element.string {
        let cleaned = TextCleaner.collapseWhitespace(string)
        if !cleaned.isEmpty { return cleaned }
      }
    }
    return nil
  }

  /// The name of a person or organisation given as a string, an object with `name`, or an
  /// `@id` reference to a node elsewhere in the page's JSON-LD.
  static func name(of value: LenientJSON, byID: [String: LenientJSON]) -> String? {
    switch value {
    case .string(let string):
      let name = TextCleaner.collapseWhitespace(string)
      return name.isEmpty || name.hasPrefix("http") ? nil : name
    case .object:
      if let name = text(value["name"]) { return name }
      if let id = value["@id"]?.string, let node = byID[id], let name = text(node["name"]) { return name }
      return nil
    default:
      return nil
    }
  }
}

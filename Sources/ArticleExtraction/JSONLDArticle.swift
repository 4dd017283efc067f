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
  static let pageTypes: Set<String> = ["webpage", "itempage", "collectionpage", "aboutpage", "qapage", "faqpage"]

  init?(scripts: [String]) {
    var nodes: [LenientJSON] = []
    for script in scripts {
      for value in LenientJSONParser.parseAll(script) { Self.collect(value, into: &nodes, depth: 0) }
    }
    var byID: [String: LenientJSON] = [:]
    for node in nodes {
      if let id = node["@id"]?.string, byID[id] == nil { byID[id] = node }
    }
    let article =
      nodes.first { Self.types(of: $0).contains(where: Self.articleTypes.contains) }
      ?? nodes.first { Self.types(of: $0).contains(where: Self.pageTypes.contains) && $0["headline"] != nil }
    guard let article else { return nil }
    headline = Self.text(article["headline"]) ?? Self.text(article["name"])
    for author in (article["author"] ?? article["creator"])?.elements ?? [] {
      if let name = Self.name(of: author, byID: byID), !authors.contains(name) { authors.append(name) }
    }
    datePublished = Self.text(article["datePublished"]) ?? Self.text(article["dateCreated"])
    dateModified = Self.text(article["dateModified"])
    publisher = article["publisher"]?.elements.lazy.compactMap { Self.name(of: $0, byID: byID) }.first
    language = Self.text(article["inLanguage"]) ?? article["inLanguage"]?["name"].flatMap(Self.text)
    url = Self.text(article["url"]) ?? article["mainEntityOfPage"].flatMap { Self.text($0) ?? Self.text($0["@id"]) }
    articleBody = Self.text(article["articleBody"])
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
      if let slash = type.lastIndex(where: { $0 == "/" || $0 == ":" }) { return String(type[type.index(after: slash)...]) }
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

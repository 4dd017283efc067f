import HTML

extension ArticleExtractor {
  /// A listing of every text block of a page with its weights and whether it was kept, for
  /// tuning the extraction (used by `extraction-bench explain`).
  package static func explain(html: String) -> String {
    guard let document = try? HTMLDocument(parsing: html) else { return "unparsable\n" }
    let model = PageReader.read(document)
    let metadata = MetadataResolver(tags: model.metadata)
    var log = ""
    _ = BodyExtractor(model: model, title: metadata.title, hint: ArticleBodyHint(metadata.jsonLD?.articleBody)).extract(
      explaining: &log)
    return log
  }
}

import ClaimModel

extension SourceRecord {
  /// The record an import or re-import writes: what the request gives, else (for a re-import)
  /// what `previous` held. The page's own fields (where and when it was fetched, its digest and
  /// content type) come from the request's page alone: a text re-imported from a file no longer
  /// comes from that page.
  /// - Parameter textSHA256: the digest of the request's text when the caller has made it already.
  init(request: ImportRequest, previous: SourceRecord?, claimCount: Int, textSHA256: String? = nil) {
    self.init(
      id: request.source, title: request.title ?? previous?.title, url: request.url ?? previous?.url,
      published: request.published ?? previous?.published,
      textSHA256: textSHA256 ?? SHA256.hexDigest(of: request.bytes), claimCount: claimCount)
    authors = request.authors.flatMap { $0.isEmpty ? nil : $0 } ?? previous?.authors
    publisher = request.publisher ?? previous?.publisher
    language = request.language ?? previous?.language
    canonicalURL = request.canonicalURL ?? previous?.canonicalURL
    modified = request.modified ?? previous?.modified
    if let page = request.page {
      pageSHA256 = SHA256.hexDigest(of: page.bytes)
      pageContentType = page.contentType
      fetchedURL = page.fetchedURL
      fetched = page.fetched
      // The same page fetched again from the same address: the record keeps when it was first
      // received, so an unchanged page makes no commit.
      if let previous, previous.pageSHA256 == pageSHA256, previous.fetchedURL == fetchedURL,
        previous.pageContentType == pageContentType
      {
        fetched = previous.fetched ?? fetched
      }
    }
  }
}

public import ArticleExtraction
public import HTTP
import HTTPMessage

/// Fetches or reads a page and finds its article: the one path from an address or a file to an
/// `Article`, shared by `claims extract`, `claims import` and whatever else takes pages.
///
/// Fetches only http and https addresses, with the `HTTP` module's limits (redirects, timeouts,
/// size); reads files up to the same size; then hands the bytes, with the `Content-Type` they came
/// with, to `ArticleExtractor`.
public struct PageLoader {
  /// How pages are fetched; `maximumBytes` also limits files.
  public var options: FetchOptions
  /// The article alone, or all of the page's visible text.
  public var scope: ExtractionScope

  /// A loader with the given fetch options.
  public init(options: FetchOptions = FetchOptions(), scope: ExtractionScope = .article) {
    self.options = options
    self.scope = scope
  }

  /// Fetches or reads the page at `location` and finds its article.
  /// - Throws: `WebSourceError`, whose kind says what failed.
  public func load(_ location: PageLocation) throws(WebSourceError) -> LoadedPage {
    let bytes: [UInt8]
    var response: HTTPResponse?
    var address: String?
    switch location {
    case .web(let url):
      let fetched = try fetch(url)
      response = fetched
      bytes = fetched.body
      address = fetched.url
    case .file(let path, let name):
      bytes = try PageFile.read(path, name: name, limit: options.maximumBytes)
      address = name
    case .bytes(let given, let name):
      guard given.count <= options.maximumBytes else {
        throw WebSourceError(
          .tooLarge, "\(name) is more than the \(ByteCount.text(options.maximumBytes)) a page may have")
      }
      bytes = given
    }
    let extraction: Extraction
    do {
      extraction = try ArticleExtractor.extract(
        bytes, contentType: response?.headers.value(for: "Content-Type"), address: address, scope: scope)
    } catch {
      throw WebSourceError(reading: location.name, error, scope: scope)
    }
    return LoadedPage(
      location: location, article: extraction.article, extraction: extraction, bytes: bytes, response: response)
  }

  private func fetch(_ url: String) throws(WebSourceError) -> HTTPResponse {
    do {
      return try HTTPClient().fetch(url, options: options)
    } catch {
      throw WebSourceError(fetching: url, error)
    }
  }
}

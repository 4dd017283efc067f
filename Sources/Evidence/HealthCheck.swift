public import ClaimModel
public import HTTP

/// Sorts what a live fetch of an archived citation's address found into a ``CitationHealth``
/// state. Pure: the caller fetches, and passes what the archive holds.
public enum HealthCheck {
  /// What the archive says about one citation, as the check needs it.
  public struct Archived: Sendable {
    /// The citation's archive record.
    public var archive: CitationArchive
    /// SHA-256 (hex) of the archived page's decoded body, for pages whose text is not read
    /// (compared with the live body instead); nil for pages with text.
    public var bodySHA256: String?

    public init(archive: CitationArchive, bodySHA256: String? = nil) {
      self.archive = archive
      self.bodySHA256 = bodySHA256
    }
  }

  /// The health of a citation whose live address answered `outcome` at `time`.
  public static func classify(
    _ archived: Archived, outcome: Result<HTTPResponse, FetchError>, at time: Timestamp
  ) -> CitationHealth {
    let response: HTTPResponse
    switch outcome {
    case .failure(let error): return classify(error, at: time)
    case .success(let answer): response = answer
    }
    let archive = archived.archive
    let movedTo = isSameAddress(response.url, archive.finalURL) ? nil : response.url
    let movedDetail = movedTo.map { "now redirects to \($0)" }
    if let textSHA256 = archive.textSHA256 {
      let reading = PageText.read(response.body, contentType: response.contentType, address: response.url)
      guard let text = reading.text else {
        let reason = reading.reason ?? "its text cannot be read"
        return CitationHealth(
          state: movedTo == nil ? .changed : .moved, checked: time,
          detail: [movedDetail, "the page now has no text to check (\(reason))"].compactMap { $0 }.joined(
            separator: "; "),
          movedTo: movedTo)
      }
      if text.sha256 == textSHA256 {
        return CitationHealth(
          state: movedTo == nil ? .unchanged : .moved, checked: time, detail: movedDetail, movedTo: movedTo)
      }
      if let anchor = archive.quote {
        switch QuoteLocator.locate(anchor.selector.exact, in: text.text, near: anchor) {
        case .found:
          break
        case .absent(let nearest):
          let detail = [movedDetail, "the quote is no longer on the page"].compactMap { $0 }.joined(separator: "; ")
          return CitationHealth(state: .drifted, checked: time, detail: detail, now: nearest?.text, movedTo: movedTo)
        }
      }
      return CitationHealth(
        state: movedTo == nil ? .changed : .moved, checked: time,
        detail: movedDetail
          ?? (archive.quote == nil ? "the text changed" : "the text changed; the quote is still there"),
        movedTo: movedTo)
    }
    let bodySHA256 = PageText.sha256(response.body)
    let same = archived.bodySHA256 == bodySHA256
    return CitationHealth(
      state: movedTo != nil ? .moved : same ? .unchanged : .changed, checked: time,
      detail: movedDetail ?? (same ? nil : "the document's bytes changed"), movedTo: movedTo)
  }

  /// The health of a citation whose live address failed with `error`.
  static func classify(_ error: FetchError, at time: Timestamp) -> CitationHealth {
    let state: CitationHealth.State
    switch error.kind {
    case .notFound, .gone, .cannotResolve:
      state = .gone
    case .clientError:
      // 451 Unavailable For Legal Reasons is gone for a reader; a 401 or 403 may be the site
      // refusing robots, and a person may still see the page.
      state = error.status == 451 ? .gone : .unreachable
    case .unsupportedScheme:
      state = .moved
    case .invalidURL, .connectionRefused, .connectionFailed, .timedOut, .tls, .serverError, .tooManyRedirects,
      .redirectLoop, .tooLarge, .undecodable, .other:
      state = .unreachable
    }
    return CitationHealth(state: state, checked: time, detail: error.message)
  }

  /// Whether two addresses name the same page: equal but for the fragment.
  static func isSameAddress(_ lhs: String, _ rhs: String) -> Bool {
    func withoutFragment(_ url: String) -> Substring { url.split(separator: "#", maxSplits: 1).first ?? "" }
    return withoutFragment(lhs) == withoutFragment(rhs)
  }
}

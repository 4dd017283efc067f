import HTTP

extension WebSourceError {
  /// The error for a failed fetch of `address`, in the user's terms: which address, what
  /// happened, and (for an address that does not answer) what to try.
  init(fetching address: String, _ error: FetchError) {
    let reason = Self.reason(of: error)
    switch error.kind {
    case .invalidURL:
      self.init(.invalidAddress, error.message, fetchError: error)
    case .unsupportedScheme:
      let advice = address.lowercased().hasPrefix("file:") ? "; to import a file, give its path" : ""
      self.init(.unsupportedScheme, error.message + advice, fetchError: error)
    case .cannotResolve:
      self.init(.unreachable, "no answer from \(address): \(reason); check the address", fetchError: error)
    case .connectionRefused:
      let host = (try? HTTPAddress(error.url).host) ?? error.url
      self.init(
        .unreachable,
        "no answer from \(address): connection refused by '\(host)'; check the address, or try again later",
        fetchError: error)
    case .connectionFailed, .tls, .other:
      self.init(.unreachable, "no answer from \(address): \(reason); try again later", fetchError: error)
    case .timedOut:
      self.init(.unreachable, "no answer from \(address): \(reason); try again later", fetchError: error)
    case .notFound:
      self.init(.notFound, "\(error.message); check the address", fetchError: error)
    case .gone:
      self.init(.gone, "\(error.message); the page was removed, look for an archived copy", fetchError: error)
    case .serverError:
      self.init(.serverError, error.message, fetchError: error)
    case .clientError:
      self.init(.clientError, error.message, fetchError: error)
    case .redirectLoop:
      self.init(.redirectLoop, "\(error.message); the site redirects in a circle", fetchError: error)
    case .tooManyRedirects:
      self.init(.tooManyRedirects, error.message, fetchError: error)
    case .tooLarge:
      self.init(.tooLarge, error.message, fetchError: error)
    case .undecodable:
      self.init(.undecodable, error.message, fetchError: error)
    }
  }

  /// The fetch error's message without the address it ends with.
  private static func reason(of error: FetchError) -> String {
    let suffix = ": \(error.url)"
    return error.message.hasSuffix(suffix) ? String(error.message.dropLast(suffix.count)) : error.message
  }
}

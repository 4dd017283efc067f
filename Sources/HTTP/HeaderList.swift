internal import CCurl

/// A libcurl string list (`curl_slist`) of request header lines, freed in `deinit`.
final class HeaderList {
  let pointer: UnsafeMutablePointer<curl_slist>?

  init(_ lines: [String]) throws(FetchError) {
    var list: UnsafeMutablePointer<curl_slist>?
    for line in lines {
      guard let appended = claims_curl_slist_append(list, line) else {
        claims_curl_slist_free_all(list)
        throw FetchError(.other, "libcurl could not build the request headers", url: "")
      }
      list = appended
    }
    pointer = list
  }

  deinit {
    claims_curl_slist_free_all(pointer)
  }
}

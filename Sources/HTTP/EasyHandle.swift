internal import CCurl

/// One libcurl easy handle (`curl_easy_init`), freed in `deinit` (`curl_easy_cleanup`), with the
/// error buffer libcurl writes its messages into. Reused across requests so connections are kept.
final class EasyHandle {
  let pointer: UnsafeMutableRawPointer
  private let errorBuffer: UnsafeMutablePointer<CChar>
  /// The request headers of the current transfer; libcurl reads them during `perform`.
  private var headerList: HeaderList?

  init() throws(FetchError) {
    _ = curlReady
    guard let pointer = claims_curl_easy_init() else {
      throw FetchError(.other, "libcurl could not create a handle", url: "")
    }
    self.pointer = pointer
    errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    _ = claims_curl_setopt_pointer(pointer, CURLOPT_ERRORBUFFER, errorBuffer)
  }

  deinit {
    claims_curl_easy_cleanup(pointer)
    errorBuffer.deallocate()
  }

  /// libcurl's message for the last failure, or an empty string.
  var errorMessage: String {
    String(cString: errorBuffer).trimmingCharacters(in: "\n ")
  }

  func clearErrorMessage() {
    errorBuffer[0] = 0
  }

  func set(_ option: CURLoption, _ value: Int) throws(FetchError) {
    try check(claims_curl_setopt_long(pointer, option, value), option)
  }

  func set(_ option: CURLoption, offset value: Int64) throws(FetchError) {
    try check(claims_curl_setopt_offset(pointer, option, curl_off_t(value)), option)
  }

  /// Sets a string option; libcurl copies the string.
  func set(_ option: CURLoption, _ value: String) throws(FetchError) {
    try check(value.withCString { claims_curl_setopt_string(pointer, option, $0) }, option)
  }

  func set(_ option: CURLoption, pointer value: UnsafeMutableRawPointer?) throws(FetchError) {
    try check(claims_curl_setopt_pointer(pointer, option, value), option)
  }

  func set(_ option: CURLoption, callback: claims_curl_data_callback) throws(FetchError) {
    try check(claims_curl_setopt_data_callback(pointer, option, callback), option)
  }

  func setDebugCallback(_ callback: claims_curl_debug_callback) throws(FetchError) {
    try check(claims_curl_setopt_debug_callback(pointer, callback), CURLOPT_DEBUGFUNCTION)
  }

  /// Sets the request headers (`CURLOPT_HTTPHEADER`); the list is kept until the next call.
  func setHeaders(_ lines: [String]) throws(FetchError) {
    let list = try HeaderList(lines)
    try check(claims_curl_setopt_list(pointer, CURLOPT_HTTPHEADER, list.pointer), CURLOPT_HTTPHEADER)
    headerList = list
  }

  func long(_ info: CURLINFO) -> Int {
    var value = 0
    return claims_curl_getinfo_long(pointer, info, &value) == CURLE_OK ? value : 0
  }

  func offset(_ info: CURLINFO) -> Int64 {
    var value: curl_off_t = 0
    return claims_curl_getinfo_offset(pointer, info, &value) == CURLE_OK ? Int64(value) : 0
  }

  func string(_ info: CURLINFO) -> String? {
    var value: UnsafeMutablePointer<CChar>?
    guard claims_curl_getinfo_string(pointer, info, &value) == CURLE_OK, let value else { return nil }
    return String(cString: value)
  }

  private func check(_ code: CURLcode, _ option: CURLoption) throws(FetchError) {
    guard code == CURLE_OK else {
      let text = claims_curl_easy_strerror(code).map { String(cString: $0) } ?? "error \(code.rawValue)"
      throw FetchError(.other, "libcurl refused option \(option.rawValue): \(text)", url: "")
    }
  }
}

extension String {
  fileprivate func trimmingCharacters(in set: String) -> String {
    var text = Substring(self)
    while let last = text.last, set.contains(last) { text.removeLast() }
    while let first = text.first, set.contains(first) { text.removeFirst() }
    return String(text)
  }
}

internal import CCurl

/// Initialises libcurl once per process, before the first handle (`curl_global_init` is not safe to
/// call while other threads use libcurl; a lazy global runs exactly once). Never cleaned up: the
/// process's end does that.
let curlReady: Void = {
  _ = claims_curl_global_init(Int(CURL_GLOBAL_DEFAULT))
}()

/// The libcurl this process is linked with.
public enum Curl {
  /// libcurl's version text, e.g. `libcurl/7.88.1 OpenSSL/3.0.17 zlib/1.2.13 brotli/1.0.9 …`.
  public static var version: String {
    _ = curlReady
    return claims_curl_version().map { String(cString: $0) } ?? "libcurl"
  }
}

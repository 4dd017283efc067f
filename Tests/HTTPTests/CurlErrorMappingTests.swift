import Testing

@testable import HTTP

/// Failures no server on 127.0.0.1 can cause without a network (a name that does not resolve asks
/// a DNS server) are checked on libcurl's codes directly.
@Suite struct CurlErrorMappingTests {
  @Test func unresolvableHostHasItsKindAndNamesTheHost() {
    let error = FetchError(
      curlCodeValue: 6, detail: "Could not resolve host: nosuch.invalid", url: "https://nosuch.invalid/a")
    #expect(error.kind == .cannotResolve)
    #expect(error.message == "cannot resolve host 'nosuch.invalid': https://nosuch.invalid/a")
  }

  @Test func certificateFailureIsTLS() {
    let error = FetchError(curlCodeValue: 60, detail: "SSL certificate problem: self-signed", url: "https://a.test/")
    #expect(error.kind == .tls)
    #expect(error.message == "TLS failure with 'a.test' (SSL certificate problem: self-signed): https://a.test/")
  }

  @Test func emptyReplyIsABrokenConnection() {
    #expect(FetchError(curlCodeValue: 52, detail: "", url: "http://a.test/").kind == .connectionFailed)
  }
}

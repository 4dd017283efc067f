import HTTP
import TestSupport

/// The pages of `EvidencePages`, and fetch options with short timeouts for tests.
enum TestPages {
  static let original = EvidencePages.original
  static let extended = EvidencePages.extended
  static let corrected = EvidencePages.corrected
  static let html = EvidencePages.html

  static var options: FetchOptions {
    var options = FetchOptions()
    options.timeout = .seconds(5)
    options.connectTimeout = .seconds(2)
    return options
  }
}

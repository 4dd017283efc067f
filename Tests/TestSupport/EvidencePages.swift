import Foundation

/// Article pages for tests of archived citations, served by a `LocalHTTPServer` on 127.0.0.1: the
/// page as first published, then changed in ways that keep or lose the quoted passage.
public enum EvidencePages {
  /// An article page with `paragraphs` as its body.
  public static func article(_ paragraphs: [String], title: String = "County damage report") -> [UInt8] {
    var html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>\(title)</title></head><body>"
    html += "<nav><a href=\"/\">Home</a> | <a href=\"/news\">News</a></nav><article><h1>\(title)</h1>"
    for paragraph in paragraphs { html += "<p>\(paragraph)</p>" }
    html += "</article><footer>© County</footer></body></html>"
    return Array(html.utf8)
  }

  public static let paragraphs = [
    "The county said on Monday that twelve homes were damaged by the storm, far fewer than the forty first reported by officials.",
    "Inspectors visited every street in the coastal district over three days and published a list of the addresses concerned. “We counted 12 homes with structural damage,” the chief inspector said.",
    "Repairs are expected to take several months, and the county has set aside funds for the owners of the homes.",
  ]

  /// The passage of ``original`` that tests quote.
  public static let quote = "We counted 12 homes with structural damage"

  /// The article as first published.
  public static let original = article(paragraphs)

  /// The same article with a paragraph added at the end: changed, the quote kept.
  public static let extended = article(
    paragraphs + ["Update: the county opened a help desk at the town hall on Friday."])

  /// The article with the inspector's count changed: the quote is gone.
  public static let corrected = article(
    paragraphs.map { $0.replacingOccurrences(of: "We counted 12 homes", with: "We counted 14 homes") })

  /// `Content-Type` of an HTML page.
  public static let html = [("Content-Type", "text/html; charset=utf-8")]
}

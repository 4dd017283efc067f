/// A parsed HTML page: libxml2's HTML parser (the one under lxml) turned into a tree of
/// `HTMLElement` values.
///
/// The parser recovers from any markup as browsers do, never touches the network, loads no DTD
/// and resolves no external entity; the character set is always UTF-8 (a `<meta charset>` in the
/// page is ignored), because deciding the character set is the caller's job: it knows the HTTP
/// header. Comments are dropped.
public struct HTMLDocument: Sendable, Hashable {
  /// The `html` element; libxml2 supplies `html`, `head` and `body` when the page leaves them out.
  public var root: HTMLElement
  /// True when the page had more nodes than the limits allowed and the rest was dropped.
  public var isTruncated: Bool

  /// Makes a document from a tree built elsewhere.
  public init(root: HTMLElement, isTruncated: Bool = false) {
    self.root = root
    self.isTruncated = isTruncated
  }

  /// Parses `text` as HTML.
  /// - Throws: `HTMLParseError` when the text is over `limits.maximumBytes` or libxml2 cannot
  ///   allocate its parser; malformed markup is never an error.
  public init(parsing text: String, limits: HTMLParseLimits = HTMLParseLimits()) throws(HTMLParseError) {
    var text = text
    let utf8Count = text.utf8.count
    guard utf8Count <= limits.maximumBytes else {
      throw HTMLParseError(
        kind: .tooLarge, message: "the page is \(utf8Count) bytes, over the limit of \(limits.maximumBytes)")
    }
    let result = text.withUTF8 { buffer in
      Result { () throws(HTMLParseError) in try LibXML2HTMLParser.parse(buffer, limits: limits) }
    }
    self = try result.get()
  }

  /// Parses UTF-8 bytes as HTML; invalid sequences become U+FFFD first, so the parser never
  /// sees them (libxml2 would switch to Latin-1 for the rest of the page).
  /// - Throws: as `init(parsing:limits:)` for a string.
  public init(parsing bytes: [UInt8], limits: HTMLParseLimits = HTMLParseLimits()) throws(HTMLParseError) {
    guard bytes.count <= limits.maximumBytes else {
      throw HTMLParseError(
        kind: .tooLarge, message: "the page is \(bytes.count) bytes, over the limit of \(limits.maximumBytes)")
    }
    try self.init(parsing: String(decoding: bytes, as: UTF8.self), limits: limits)
  }

  /// The `head` element, when the page has one.
  public var head: HTMLElement? {
    root.childElements.first { $0.name == "head" }
  }

  /// The `body` element, when the page has one.
  public var body: HTMLElement? {
    root.childElements.first { $0.name == "body" }
  }
}

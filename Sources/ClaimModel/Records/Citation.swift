/// A source a reviewer's verdict rests on.
public struct Citation: Sendable, Equatable {
  /// How a cited source bears on the claim.
  public enum Stance: String, Sendable, CaseIterable {
    case supports, refutes, context
  }

  /// An `http`/`https` URL, a `doi:` name, or a `seeds/…` path of a document the ledger holds.
  public var url: String
  public var title: String?
  public var publisher: String?
  /// When the cited source was published.
  public var published: CalendarDate?
  /// When the reviewer read it.
  public var accessed: CalendarDate?
  /// The passage that matters, quoted.
  public var quote: String?
  public var stance: Stance?
  /// The page as the ledger archived it (`claims cite --archive`, `claims archive`), if it did.
  public var archive: CitationArchive?

  public init(
    url: String, title: String? = nil, publisher: String? = nil, published: CalendarDate? = nil,
    accessed: CalendarDate? = nil, quote: String? = nil, stance: Stance? = nil, archive: CitationArchive? = nil
  ) {
    self.url = url
    self.title = title
    self.publisher = publisher
    self.published = published
    self.accessed = accessed
    self.quote = quote
    self.stance = stance
    self.archive = archive
  }

  var json: JSONValue {
    var fields = FieldWriter()
    fields.set("url", .string(url))
    fields.set("title", title)
    fields.set("publisher", publisher)
    fields.set("published", published?.text)
    fields.set("accessed", accessed?.text)
    fields.set("quote", quote)
    fields.set("stance", stance?.rawValue)
    if let archive { fields.set("archive", archive.json) }
    return fields.value
  }

  init(json: JSONValue) throws(RecordError) {
    let fields = try FieldReader(json, what: "a citation")
    url = try fields.string("url")
    if case .invalid(let reason) = CitationLocation(url) { throw RecordError(.invalidField, "citation url: \(reason)") }
    title = try fields.optionalString("title")
    publisher = try fields.optionalString("publisher")
    published = try Self.date(fields, "published")
    accessed = try Self.date(fields, "accessed")
    quote = try fields.optionalString("quote")
    if let stanceText = try fields.optionalString("stance") {
      guard let stance = Stance(rawValue: stanceText) else {
        throw RecordError(
          .invalidField, "field 'stance' is '\(stanceText.escapedForMessage)'; expected supports, refutes or context")
      }
      self.stance = stance
    } else {
      stance = nil
    }
    // Citations written before archiving existed have none.
    if let value = fields.optionalObject("archive") {
      archive = try CitationArchive(json: value)
    } else {
      archive = nil
    }
  }

  private static func date(_ fields: FieldReader, _ key: String) throws(RecordError) -> CalendarDate? {
    guard let text = try fields.optionalString(key) else { return nil }
    guard let date = CalendarDate(text) else {
      throw RecordError(.invalidField, "field '\(key)' is not a date: '\(text.escapedForMessage)'")
    }
    return date
  }
}

/// What a citation's location is, and whether the ledger accepts it.
public enum CitationLocation: Equatable, Sendable {
  /// An `http` or `https` URL.
  case web(String)
  /// A DOI, written `doi:10.…/…`.
  case doi(String)
  /// A document the ledger holds, as a path under `seeds/`.
  case ledgerDocument(String)
  /// Refused, with the reason.
  case invalid(String)

  /// Classifies a location as a reviewer typed it.
  public init(_ text: String) {
    // Spaces and controls are single bytes in UTF-8, never part of a longer character.
    if text.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F }) {
      self = .invalid(
        "'\(text.escapedForMessage)' contains spaces or control characters; write a space as %20, or copy the address again"
      )
      return
    }
    if let web = Self.asciiWeb(text) {
      self = web
      return
    }
    let lower = text.lowercased()
    if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
      let rest = text.drop(while: { $0 != ":" }).dropFirst(3)
      let authority = rest.prefix(while: { $0 != "/" && $0 != "?" && $0 != "#" })
      self = Self.checkAuthority(Array(authority.utf8), of: text) ?? .web(text)
    } else if lower.hasPrefix("http:") || lower.hasPrefix("https:") {
      self = .invalid("'\(text.escapedForMessage)' is not a complete web address; write it as https://host/path")
    } else if lower.hasPrefix("doi:") {
      let name = text.dropFirst(4)
      guard name.hasPrefix("10."), name.contains("/") else {
        self = .invalid("'\(text.escapedForMessage)' is not a DOI; write it as doi:10.NNNN/suffix")
        return
      }
      self = .doi(text)
    } else if text.hasPrefix("seeds/") {
      let components = text.split(separator: "/", omittingEmptySubsequences: false)
      guard components.count >= 2, !components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
        self = .invalid("'\(text.escapedForMessage)' is not a plain path under seeds/")
        return
      }
      self = .ledgerDocument(text)
    } else if let colon = text.firstIndex(of: ":"), text[..<colon].allSatisfy({ $0.isLetter || $0 == "+" }) {
      self = .invalid(
        "the '\(text[..<colon].lowercased().escapedForMessage):' scheme is not accepted; cite an http(s) URL, a doi: or a file under seeds/"
      )
    } else {
      self = .invalid("'\(text.escapedForMessage)' is not a URL; cite an http(s) URL, a doi: or a file under seeds/")
    }
  }

  /// An ASCII `http(s)` URL classified on its bytes, the case of nearly every citation; nil for
  /// anything else, which the general path classifies. For ASCII text, bytes and characters are
  /// the same, so the answer is the general path's (and costs a tenth as much).
  private static func asciiWeb(_ text: String) -> CitationLocation? {
    let bytes = text.utf8
    guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
    let lowered = bytes.prefix(8).map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
    guard lowered.starts(with: "http://".utf8) || lowered.starts(with: "https://".utf8) else { return nil }
    let rest = bytes.drop(while: { $0 != UInt8(ascii: ":") }).dropFirst(3)
    let authority = rest.prefix(while: {
      $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#")
    })
    return checkAuthority(Array(authority), of: text) ?? .web(text)
  }

  /// Why the `user@host:port` part of a web address is unusable, or nil when it is fine: a host
  /// with an empty label (`https://.../`, `https://a..b/`), or a port that is not 1–65535.
  private static func checkAuthority(_ authority: [UInt8], of text: String) -> CitationLocation? {
    let hostAndPort = authority.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false).last ?? []
    var host = hostAndPort[...]
    var port: ArraySlice<UInt8>?
    if host.first != UInt8(ascii: "["), let colon = host.lastIndex(of: UInt8(ascii: ":")) {
      port = host[(colon + 1)...]
      host = host[..<colon]
    }
    guard !host.isEmpty else {
      return .invalid("'\(text.escapedForMessage)' has no host name; write it as https://host/path")
    }
    if host.first != UInt8(ascii: "[") {
      let labels = host.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
      // One final dot is the root (`example.org.`); any other empty label is a typo.
      let inner = labels.last?.isEmpty == true ? labels.dropLast() : labels[...]
      guard !inner.isEmpty, !inner.contains(where: \.isEmpty) else {
        return .invalid("'\(text.escapedForMessage)' has an invalid host name; check the address")
      }
    }
    if let port, !port.isEmpty {
      guard port.allSatisfy({ (0x30...0x39).contains($0) }), port.count <= 5,
        let number = Int(String(decoding: port, as: UTF8.self)), (1...65_535).contains(number)
      else { return .invalid("'\(text.escapedForMessage)' has an invalid port; check the address") }
    }
    return nil
  }
}

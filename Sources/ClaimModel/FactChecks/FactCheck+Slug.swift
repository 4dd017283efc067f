extension FactCheck {
  /// A folder name for a publisher: ASCII letters and digits lower-cased, every other run of
  /// characters one `-`, at most 48 characters (`PolitiFact` → `politifact`, `AFP Factuel` →
  /// `afp-factuel`). A name with nothing left (another script, or none) falls back to the address's
  /// host (`www.snopes.com` → `snopes-com`), then to `unknown`.
  public static func slug(publisher: String?, url: String) -> String {
    if let publisher, let slug = slugged(publisher) { return slug }
    if let host = host(of: url), let slug = slugged(host.hasPrefix("www.") ? String(host.dropFirst(4)) : host) {
      return slug
    }
    return "unknown"
  }

  /// Whether `text` is a slug as ``slug(publisher:url:)`` makes them, so a record's folder name can
  /// never be `..`, hold a separator, or start with `-`.
  public static func isWellFormedSlug(_ text: String) -> Bool {
    guard !text.isEmpty, text.utf8.count <= 48, text.first != "-", text.last != "-" else { return false }
    return text.utf8.allSatisfy { isSlugByte($0) || $0 == UInt8(ascii: "-") }
  }

  /// The host of an `http`/`https` address, lower-cased; nil for anything else.
  static func host(of url: String) -> String? {
    let lowered = url.lowercased()
    let rest: Substring
    if lowered.hasPrefix("https://") {
      rest = lowered.dropFirst(8)
    } else if lowered.hasPrefix("http://") {
      rest = lowered.dropFirst(7)
    } else {
      return nil
    }
    let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    let hostAndPort = authority.split(separator: "@").last ?? authority
    let host = hostAndPort.prefix { $0 != ":" }
    return host.isEmpty ? nil : String(host)
  }

  private static func slugged(_ text: String) -> String? {
    var bytes: [UInt8] = []
    for byte in text.lowercased().utf8 {
      if isSlugByte(byte) {
        bytes.append(byte)
      } else if let last = bytes.last, last != UInt8(ascii: "-") {
        bytes.append(UInt8(ascii: "-"))
      }
    }
    bytes = Array(bytes.prefix(48))
    while bytes.last == UInt8(ascii: "-") { bytes.removeLast() }
    return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
  }

  private static func isSlugByte(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }
}

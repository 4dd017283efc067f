/// A person acting on the ledger: an importer, a reviewer or an editor who assigns work.
///
/// Written as git writes authors, `Name <email>`; either part may be missing (`example-reviewer-a`).
public struct Identity: Hashable, Sendable, CustomStringConvertible {
  /// The display name.
  public let name: String
  /// The e-mail address, or the empty string.
  public let email: String

  /// Accepts a name and an e-mail address free of control characters and angle brackets, with at
  /// least one letter or digit between them (git refuses a signature of punctuation alone).
  public init?(name: String, email: String) {
    // One person typed two ways (a composed and a decomposed accent) is one identity.
    let name = name.trimmingWhitespace().canonicallyComposed()
    let email = email.trimmingWhitespace().canonicallyComposed()
    guard !(name.isEmpty && email.isEmpty), Self.isClean(name), Self.isClean(email),
      name.isEmpty || Self.hasLetterOrDigit(name), email.isEmpty || Self.hasLetterOrDigit(email)
    else { return nil }
    self.name = name.isEmpty ? email : name
    self.email = email
  }

  /// Stands for an author whose name git recorded but claims cannot use (punctuation alone, say).
  public static let unknown = Identity(checkedName: "unknown", email: "")

  private init(checkedName: String, email: String) {
    self.name = checkedName
    self.email = email
  }

  /// Parses `Name <email>`, `<email>` or a bare name.
  public init?(parsing text: String) {
    let text = text.trimmingWhitespace()
    // ASCII text, the usual case, is split on its bytes; characters give the same answer there
    // but cost far more, and every review names its reviewer this way.
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      let utf8 = text.utf8
      if utf8.last == UInt8(ascii: ">"), let open = utf8.lastIndex(of: UInt8(ascii: "<")) {
        self.init(
          name: String(text[..<open]), email: String(text[utf8.index(after: open)..<utf8.index(before: utf8.endIndex)]))
      } else {
        self.init(name: text, email: "")
      }
      return
    }
    if text.hasSuffix(">"), let open = text.lastIndex(of: "<") {
      let name = String(text[..<open])
      let email = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
      self.init(name: name, email: email)
    } else {
      self.init(name: text, email: "")
    }
  }

  /// Whether the identity has a name beside its address (`<ana@example.org>` alone does not).
  public var hasNameOfItsOwn: Bool { email.isEmpty || name != email }

  /// What tells reviewers apart: the e-mail address when there is one, lowercased; else the name.
  public var key: String {
    (email.isEmpty ? name : email).lowercased().canonicallyComposed()
  }

  /// A file name for this identity's review files: `Reviews/<source>/<claim>/<slug>.json`.
  public var fileSlug: String { Self.fileSlug(forKey: key) }

  /// A file-name-safe slug of an identity key. Characters other than `a-z 0-9 . _ @ + -` become `-`;
  /// when that loses anything, a hash of the key is appended so two identities never share a file.
  public static func fileSlug(forKey key: String) -> String {
    var slug = ""
    var isLossy = false
    for scalar in key.unicodeScalars {
      if scalar.isASCII, isSlugByte(UInt8(scalar.value)) {
        slug.unicodeScalars.append(scalar)
      } else {
        isLossy = true
        if !slug.hasSuffix("-") { slug.append("-") }
      }
    }
    while let first = slug.first, first == "." || first == "-" {
      slug.removeFirst()
      isLossy = true
    }
    if slug.count > 64 {
      slug = String(slug.prefix(64))
      isLossy = true
    }
    if slug.isEmpty || isLossy {
      let hash = SHA256.hexDigest(of: Array(key.utf8)).prefix(8)
      slug = slug.isEmpty ? "reviewer-\(hash)" : "\(slug)-\(hash)"
    }
    return slug
  }

  private static func isSlugByte(_ byte: UInt8) -> Bool {
    SourceID.isAlphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
      || byte == UInt8(ascii: "@") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
  }

  /// No control characters or angle brackets: all ASCII, so one pass over the UTF-8 bytes finds
  /// them (no byte of a longer character is below 0x80).
  private static func isClean(_ text: String) -> Bool {
    !text.utf8.contains { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }
  }

  /// An ASCII letter or digit is found without splitting the text into characters; other text
  /// takes the Unicode-aware path.
  private static func hasLetterOrDigit(_ text: String) -> Bool {
    let isASCIIAlphanumeric = { (byte: UInt8) in
      (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
    return text.utf8.contains(where: isASCIIAlphanumeric) || text.contains { $0.isLetter || $0.isNumber }
  }

  /// The address to put in a git signature, which must have one: the e-mail address, or for an
  /// identity without one, `<slug>@claims.invalid` (a reserved domain that can never deliver mail).
  public var signatureEmail: String {
    email.isEmpty ? "\(fileSlug)@claims.invalid" : email
  }

  /// `Name <email>`, or the name alone when there is no e-mail address.
  public var description: String {
    email.isEmpty ? name : "\(name) <\(email)>"
  }
}

extension String {
  /// The string in Unicode normalisation form C (composed), so that text typed as `e` plus a
  /// combining accent and as `é` is the same bytes. ASCII text is returned as it is.
  public func canonicallyComposed() -> String {
    if utf8.allSatisfy({ $0 < 0x80 }) { return self }
    // The standard library's own NFC, which String comparison uses; Foundation's
    // `precomposedStringWithCanonicalMapping` gives the same bytes at the cost of loading Foundation.
    return String(decoding: _nfcCodeUnits, as: UTF8.self)
  }

  /// The string without leading and trailing white space (including line breaks).
  public func trimmingWhitespace() -> String {
    // Printable ASCII at both ends cannot be (part of) white space: the usual case, answered
    // without splitting the text into characters.
    if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
      return self
    }
    guard let first = firstIndex(where: { !$0.isWhitespace }),
      let last = lastIndex(where: { !$0.isWhitespace })
    else { return "" }
    return String(self[first...last])
  }
}

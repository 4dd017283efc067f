/// The parts of a remote's address that matter for credentials and locking: `/path`,
/// `file:///path`, `ssh://user@host:port/path`, `user@host:path` (scp style), `https://host/path`.
struct RemoteURL: Equatable {
  enum Kind: Equatable {
    case local(path: String)
    case ssh
    case http
    case other
  }

  var kind: Kind
  var scheme: String
  var host: String
  var port: Int?
  var user: String?

  init(_ text: String) {
    kind = .other
    scheme = ""
    user = nil
    port = nil
    host = ""
    if text.hasPrefix("file://") {
      scheme = "file"
      kind = .local(path: String(text.dropFirst("file://".count)))
      return
    }
    guard let separator = text.firstRange(of: "://") else {
      // git reads `host:path` as ssh unless a slash comes before the colon.
      let colon = text.firstIndex(of: ":")
      let slash = text.firstIndex(of: "/")
      if let colon, slash.map({ colon < $0 }) ?? true {
        scheme = "ssh"
        kind = .ssh
        Self.split(authority: String(text[..<colon]), into: &self)
      } else {
        scheme = "file"
        kind = .local(path: text)
      }
      return
    }
    scheme = text[..<separator.lowerBound].lowercased()
    let rest = text[separator.upperBound...]
    let authority = String(rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" })
    Self.split(authority: authority, into: &self)
    switch scheme {
    case "ssh", "git+ssh", "ssh+git": kind = .ssh
    case "http", "https": kind = .http
    default: kind = .other
    }
  }

  private static func split(authority: String, into url: inout RemoteURL) {
    var hostPart = Substring(authority)
    if let at = authority.lastIndex(of: "@") {
      let userInfo = authority[..<at]
      url.user = String(userInfo.prefix { $0 != ":" }).removingPercentEncodingSafely
      hostPart = authority[authority.index(after: at)...]
    }
    if hostPart.hasPrefix("["), let close = hostPart.firstIndex(of: "]") {
      url.host = String(hostPart[hostPart.index(after: hostPart.startIndex)..<close])
      let after = hostPart[hostPart.index(after: close)...]
      if after.hasPrefix(":") { url.port = Int(after.dropFirst()) }
    } else if let colon = hostPart.lastIndex(of: ":") {
      url.host = String(hostPart[..<colon])
      url.port = Int(hostPart[hostPart.index(after: colon)...])
    } else {
      url.host = String(hostPart)
    }
    url.host = url.host.lowercased()
  }
}

extension String {
  /// `%XX` escapes decoded; the text unchanged when an escape is malformed or not UTF-8.
  var removingPercentEncodingSafely: String {
    guard contains("%") else { return self }
    var bytes: [UInt8] = []
    var iterator = utf8.makeIterator()
    while let byte = iterator.next() {
      guard byte == UInt8(ascii: "%") else {
        bytes.append(byte)
        continue
      }
      guard let high = iterator.next(), let low = iterator.next(),
        let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
      else { return self }
      bytes.append(value)
    }
    return String(validating: bytes, as: UTF8.self) ?? self
  }
}

/// Remote addresses as users type them.
public enum RemoteAddress {
  /// `text` with a relative local path made absolute against `directory`; URLs and `host:path`
  /// addresses unchanged. (libgit2 would read a relative path against the process's directory,
  /// which is not `-C`'s.)
  public static func resolve(_ text: String, relativeTo directory: String) -> String {
    guard case .local(let path) = RemoteURL(text).kind, !text.hasPrefix("file://"), !path.hasPrefix("/") else {
      return text
    }
    return "\(directory)/\(path)"
  }

  /// The directory name a clone of `text` gets by default: its last path component without `.git`.
  public static func defaultDirectoryName(for text: String) -> String? {
    var trimmed = Substring(text)
    while trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    if trimmed.hasSuffix(".git") { trimmed = trimmed.dropLast(4) }
    while trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    let last = trimmed.split(whereSeparator: { $0 == "/" || $0 == ":" }).last.map(String.init) ?? ""
    guard !last.isEmpty, last != ".", last != "..", !last.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
      return nil
    }
    return last
  }
}

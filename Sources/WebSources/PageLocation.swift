/// Where a page comes from: a web address to fetch, a file to read, or bytes already read.
public enum PageLocation: Sendable, Equatable {
  /// An address to fetch; only http and https are fetched.
  case web(String)
  /// A file: `path` to open (absolute, or relative to the process's working directory), `name`
  /// as the user wrote it, for messages.
  case file(path: String, name: String)
  /// Bytes already read (standard input), `name` for messages.
  case bytes([UInt8], name: String)

  /// How a command-line argument reads: a web address when it starts with a scheme (`https:`,
  /// `http:`, and also `file:` or `ftp:`, which are then refused by name), else a file path.
  ///
  /// `path` is what the file is opened as (the argument made absolute by the caller).
  public static func argument(_ text: String, path: String) -> PageLocation {
    hasScheme(text) ? .web(text) : .file(path: path, name: text)
  }

  /// The name the page goes by in messages: the address, the path as written, or the bytes' name.
  public var name: String {
    switch self {
    case .web(let address): address
    case .file(_, let name): name
    case .bytes(_, let name): name
    }
  }

  /// Whether `text` opens with a URL scheme of two or more characters and a colon (`https:`,
  /// `file:`); `C:` and paths holding a colon further on are paths.
  public static func hasScheme(_ text: String) -> Bool {
    guard let colon = text.firstIndex(of: ":") else { return false }
    let scheme = text[..<colon]
    guard scheme.count >= 2, let first = scheme.first, first.isASCII, first.isLetter else { return false }
    return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
  }
}

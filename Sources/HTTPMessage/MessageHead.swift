/// The start line and header fields of an HTTP/1.x message (RFC 9112 §2), parsed from the bytes as
/// received.
///
/// Bytes are read as ISO-8859-1, so every byte of a field keeps its value whatever the server sent.
public struct MessageHead: Equatable, Sendable {
  /// The request line (`GET / HTTP/1.1`) or status line (`HTTP/1.1 200 OK`), without its line end.
  public let startLine: String
  /// The header fields in the order received.
  public let fields: [HeaderField]

  /// Makes a head from its parts.
  public init(startLine: String, fields: [HeaderField]) {
    self.startLine = startLine
    self.fields = fields
  }

  /// The status code of a status line (`200`), or nil for a request line or a malformed one.
  public var status: Int? {
    let parts = startLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
    guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), parts[1].count == 3 else { return nil }
    return Int(parts[1])
  }

  /// The reason phrase of a status line (`Not Found`); empty when the server sent none.
  public var reasonPhrase: String {
    let parts = startLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
    return parts.count == 3 ? String(parts[2]) : ""
  }

  /// Every value of the fields named `name` (case-insensitive), in order.
  public func values(for name: String) -> [String] {
    let wanted = name.lowercased()
    return fields.filter { $0.name.lowercased() == wanted }.map(\.value)
  }

  /// The values of the fields named `name` joined by `, ` (RFC 9110 §5.3), or nil when there is none.
  public func value(for name: String) -> String? {
    let found = values(for: name)
    return found.isEmpty ? nil : found.joined(separator: ", ")
  }

  /// The media type of `Content-Type`, or nil when the header is missing or unreadable.
  public var mediaType: MediaType? {
    // Several Content-Type fields are an error; the last one is what browsers use.
    values(for: "Content-Type").last.flatMap(MediaType.init)
  }

  /// Parses the head at the start of `bytes`: the start line, the fields, and the empty line.
  ///
  /// Lines may end in CRLF or a bare LF (RFC 9112 §2.2); a line starting with a space or tab
  /// continues the field before it (obsolete folding).
  /// - Returns: the head and the offset of the first body byte.
  /// - Throws: `.truncated` when the empty line never comes; `.corrupt` for a field without a colon.
  public static func parse(_ bytes: some RandomAccessCollection<UInt8>) throws(CodingError) -> (
    head: MessageHead, bodyOffset: Int
  ) {
    var lines: [String] = []
    var index = bytes.startIndex
    var lineStart = index
    var ended = false
    while index != bytes.endIndex {
      if bytes[index] == 0x0a {
        var lineEnd = index
        if lineEnd != lineStart, bytes[bytes.index(before: lineEnd)] == 0x0d { lineEnd = bytes.index(before: lineEnd) }
        let line = bytes[lineStart..<lineEnd]
        index = bytes.index(after: index)
        lineStart = index
        if line.isEmpty {
          // Empty lines before the start line are tolerated (RFC 9112 §2.2).
          if lines.isEmpty { continue }
          ended = true
          break
        }
        lines.append(String(line.map { Character(Unicode.Scalar($0)) }))
      } else {
        index = bytes.index(after: index)
      }
    }
    guard ended, let startLine = lines.first else {
      throw CodingError(.truncated, "the HTTP header block has no end (no empty line)")
    }
    var fields: [HeaderField] = []
    for line in lines.dropFirst() {
      if line.first == " " || line.first == "\t" {
        guard let previous = fields.popLast() else {
          throw CodingError(.corrupt, "the first HTTP header line starts with white space")
        }
        let joined = (previous.value + " " + line.trimmingSpaces()).trimmingSpaces()
        fields.append(HeaderField(name: previous.name, value: joined))
        continue
      }
      guard let colon = line.firstIndex(of: ":") else {
        throw CodingError(.corrupt, "HTTP header line without a colon: '\(line.prefix(80))'")
      }
      fields.append(
        HeaderField(name: String(line[..<colon]), value: line[line.index(after: colon)...].trimmingSpaces()))
    }
    return (MessageHead(startLine: startLine, fields: fields), bytes.distance(from: bytes.startIndex, to: index))
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces and tabs.
  func trimmingSpaces() -> String {
    var start = startIndex
    var end = endIndex
    while start < end, self[start] == " " || self[start] == "\t" { start = index(after: start) }
    while end > start, self[index(before: end)] == " " || self[index(before: end)] == "\t" { end = index(before: end) }
    return String(self[start..<end])
  }
}

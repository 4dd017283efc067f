/// A ledger commit message: a subject that reads well in `git log`, an optional body, and trailers
/// (`Key: value` lines in the last paragraph, as `git interpret-trailers` reads them) that tools
/// parse back: `Action:`, `Claim:`, `Source:`, `Verdict:`, `Reviewer:`, …
public struct CommitMessage: Sendable, Equatable {
  /// One `Key: value` trailer.
  public struct Trailer: Sendable, Equatable {
    public var key: String
    public var value: String

    public init(_ key: String, _ value: String) {
      self.key = key
      self.value = value
    }
  }

  public var subject: String
  public var body: String?
  public var trailers: [Trailer]

  public init(subject: String, body: String? = nil, trailers: [Trailer]) {
    self.subject = subject.collapsingWhitespace()
    let trimmedBody = body?.trimmingWhitespace()
    self.body = trimmedBody?.isEmpty == false ? trimmedBody : nil
    // A trailer is one line: a value with a line break would end the block early when read back.
    self.trailers = trailers.map { Trailer($0.key, $0.value.collapsingWhitespace()) }
  }

  /// The first value of trailer `key`.
  public func value(for key: String) -> String? {
    trailers.first { $0.key.lowercased() == key.lowercased() }?.value
  }

  /// Every value of trailer `key`, in order.
  public func values(for key: String) -> [String] {
    trailers.filter { $0.key.lowercased() == key.lowercased() }.map(\.value)
  }

  /// The full message text.
  public var text: String {
    var text = subject + "\n"
    if let body { text += "\n" + body + "\n" }
    if !trailers.isEmpty {
      text += "\n" + trailers.map { "\($0.key): \($0.value)" }.joined(separator: "\n") + "\n"
    }
    return text
  }

  /// Reads a message back; a message without a trailer block parses with no trailers.
  public init(parsing text: String) {
    var paragraphs: [[Substring]] = [[]]
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.allSatisfy(\.isWhitespace) {
        if !(paragraphs.last?.isEmpty ?? true) { paragraphs.append([]) }
      } else {
        paragraphs[paragraphs.count - 1].append(line)
      }
    }
    if paragraphs.last?.isEmpty == true { paragraphs.removeLast() }
    let subject = paragraphs.first.map { $0.joined(separator: " ") } ?? ""
    var trailers: [Trailer] = []
    if paragraphs.count > 1, let last = paragraphs.last, let parsed = Self.trailers(in: last) {
      trailers = parsed
      paragraphs.removeLast()
    }
    let body = paragraphs.dropFirst().map { $0.joined(separator: "\n") }.joined(separator: "\n\n")
    self.subject = subject
    self.body = body.isEmpty ? nil : body
    self.trailers = trailers
  }

  private static func trailers(in lines: [Substring]) -> [Trailer]? {
    var trailers: [Trailer] = []
    for line in lines {
      guard let colon = line.firstIndex(of: ":"), colon != line.startIndex,
        line[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" })
      else { return nil }
      trailers.append(Trailer(String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingWhitespace()))
    }
    return trailers
  }
}

/// The trailer keys the ledger writes.
public enum TrailerKey {
  public static let action = "Action"
  public static let claim = "Claim"
  public static let source = "Source"
  public static let verdict = "Verdict"
  public static let previousVerdict = "Previous-Verdict"
  public static let reviewer = "Reviewer"
  public static let citation = "Citation"
  public static let assignee = "Assignee"
  /// Who made a claim, as `claims claimant` recorded it.
  public static let claimant = "Claimant"
  public static let formatVersion = "Claims-Format"
  /// The id of the review event a commit recorded, so history can tell which action is current.
  public static let event = "Event"
}

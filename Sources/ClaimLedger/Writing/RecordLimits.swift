import ClaimModel
import Dispatch
import Synchronization

/// The limits every file a write makes is checked against before anything is committed: exactly
/// those the reader applies, so that claims never writes what it would refuse to read back.
///
/// A record (`*.json` under `Claims/`, `Reviews/`, `Assignments/`, `seeds/`, and `ledger.json`)
/// must be at most ``ObjectReader/maximumRecordSize`` bytes, parse with ``JSONParser`` (whose
/// nesting limit is ``JSONParser/maximumDepth``), decode as the record its path names, and match
/// its path as ``SourceReader`` requires (claim, source and reviewer or editor of the file name).
/// An imported text (`seeds/<source>.txt`) must be UTF-8 and at most
/// ``LedgerSnapshot/maximumSeedSize`` bytes.
enum RecordLimits {
  /// Refuses `change` when any file it writes breaks a reader's limit; nothing is written then.
  /// Large changes (an import's ten thousand records) are checked on every core; the failure
  /// reported is still the first file's.
  static func check(_ change: LedgerChange) throws(LedgerError) {
    let files = change.files
    let workers = files.count >= 512 ? min(max(1, System.activeProcessorCount), 4) : 1
    guard workers > 1 else {
      for file in files { try check(file) }
      return
    }
    let firstFailure = Mutex<(position: Int, error: LedgerError)?>(nil)
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      let chunk = (files.count + workers - 1) / workers
      for position in (worker * chunk)..<min(files.count, (worker + 1) * chunk) {
        do throws(LedgerError) {
          try check(files[position])
        } catch {
          firstFailure.withLock { first in
            if first.map({ position < $0.position }) ?? true { first = (position, error) }
          }
          return
        }
      }
    }
    if let failure = firstFailure.withLock({ $0 }) { throw failure.error }
  }

  /// Refuses `file` when a reader would not accept it at its path.
  static func check(_ file: LedgerChange.File) throws(LedgerError) {
    guard let contents = file.contents else { return }
    if let claim = file.claim, isReadable(claim, encodedAs: contents, at: file.path) { return }
    try check(path: file.path, contents: contents)
  }

  /// Whether the reader accepts `contents`, the ``Claim/encoded()`` bytes of `claim`, at `path`,
  /// judged from the claim without parsing the bytes back; false sends the file through the full
  /// check, which then names the problem.
  ///
  /// Why the parse and decode can be skipped: the writer's output for a claim always parses back
  /// as JSON nested three levels deep, and decodes as that same claim, when its ordinal is at
  /// least 1 and `0 <= start <= end`. Every other field is of a type that only holds what the
  /// reader accepts (a ``ClaimID`` or ``SourceID`` is made only by a validating initialiser, a
  /// ``ClaimKind`` is one of the names, every Swift string is valid Unicode that the writer
  /// escapes). `ClaimEncodingTests` and `RecordLimitsTests` hold the writer to this over claims
  /// of every kind of text; what remains here is the size limit and the path.
  static func isReadable(_ claim: Claim, encodedAs contents: [UInt8], at path: String) -> Bool {
    let parts = components(of: path)
    guard case .claim = RecordKind(path: parts), contents.count <= ObjectReader.maximumRecordSize,
      claim.ordinal >= 1, claim.start >= 0, claim.end >= claim.start
    else { return false }
    return claim.source.rawValue == parts[1] && parts[2] == "\(claim.id).json"
  }

  /// Refuses `contents` at `path` when a reader would not accept it there.
  static func check(path: String, contents: [UInt8]) throws(LedgerError) {
    let parts = components(of: path)
    if parts.count == 2, parts[0] == LedgerPaths.seeds, parts[1].hasSuffix(".txt") {
      try checkSeed(path: path, size: contents.count)
      guard String(validating: contents, as: UTF8.self) != nil else {
        throw LedgerError(.invalidInput, "cannot record this: \(path.escapedForMessage) would not be UTF-8 text")
      }
      return
    }
    guard let kind = RecordKind(path: parts) else { return }
    let value = try parse(contents, at: path)
    do {
      try kind.validate(value, path: parts)
    } catch {
      throw LedgerError(
        .invalidInput, "cannot record this: \(path.escapedForMessage) would not be readable (\(error.problem))")
    }
  }

  /// The names between the slashes of `path`, empty ones kept. Split on the UTF-8 bytes, as git and
  /// ``LedgerSnapshot/split(_:)`` split paths: splitting by characters cost a quarter of checking
  /// an import's records.
  static func components(of path: String) -> [String] {
    var path = path
    return path.withUTF8 { bytes in
      // Each name lies between ASCII slashes of valid UTF-8, so it is valid UTF-8 itself.
      func name(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
      }
      var parts: [String] = []
      parts.reserveCapacity(4)
      var start = 0
      for index in 0..<bytes.count where bytes[index] == UInt8(ascii: "/") {
        parts.append(name(start..<index))
        start = index + 1
      }
      parts.append(name(start..<bytes.count))
      return parts
    }
  }

  /// Refuses an imported text larger than a reader loads, before any work is spent on it.
  static func checkSeed(path: String, size: Int) throws(LedgerError) {
    guard size > LedgerSnapshot.maximumSeedSize else { return }
    throw LedgerError(
      .limitExceeded,
      "cannot record this: \(path.escapedForMessage) would be \(size) bytes, more than the \(LedgerSnapshot.maximumSeedSize) bytes (\(describe(LedgerSnapshot.maximumSeedSize))) an imported text may hold; split the text into several sources"
    )
  }

  private static func parse(_ contents: [UInt8], at path: String) throws(LedgerError) -> JSONValue {
    let limit = ObjectReader.maximumRecordSize
    let value: JSONValue
    do {
      value = try JSONParser.parse(contents)
    } catch {
      throw LedgerError(
        .invalidInput, "cannot record this: \(path.escapedForMessage) would not be readable JSON (\(error.description))"
      )
    }
    guard contents.count > limit else { return value }
    throw LedgerError(
      .limitExceeded,
      "cannot record this: \(path.escapedForMessage) would be \(contents.count) bytes, more than the \(limit) bytes (\(describe(limit))) a ledger record may hold; \(culprit(in: value))"
    )
  }

  /// Names the field that makes a record too large: the largest value, followed down to the
  /// largest single text in it.
  static func culprit(in value: JSONValue) -> String {
    // A review's fields live in its events: name them as the reviewer knows them ('note',
    // 'citation.title'), not by the event that holds them.
    reviewerTerms(rawCulprit(in: value))
  }

  private static func reviewerTerms(_ text: String) -> String {
    let marker = Array("'events[")
    var characters = Array(text)
    var index = 0
    while index + marker.count <= characters.count {
      guard Array(characters[index..<(index + marker.count)]) == marker,
        let close = characters[(index + marker.count)...].firstIndex(of: "]")
      else {
        index += 1
        continue
      }
      var end = close + 1
      if end < characters.count, characters[end] == "." { end += 1 }
      characters.replaceSubrange(index..<end, with: ["'"])
      index += 1
    }
    return String(characters)
  }

  private static func rawCulprit(in value: JSONValue) -> String {
    guard let (member, topValue, topSize) = largestMember(of: value) else { return "shorten it and retry" }
    let top = member.hasPrefix(".") ? String(member.dropFirst()) : member
    var path = top
    var current = topValue
    var size = topSize
    while let (name, child, childSize) = largestMember(of: current) {
      path += name
      current = child
      size = childSize
    }
    if path == top || size * 2 > topSize {
      return "its field '\(path)' alone is \(size) bytes; shorten it and retry"
    }
    let entries =
      if case .array(let elements) = topValue { " (\(String.count(elements.count, "entry", plural: "entries")))" } else
      { "" }
    return
      "its field '\(top)'\(entries) is \(topSize) bytes, the largest part of it '\(path)' \(size) bytes; remove some entries or shorten them, and retry"
  }

  /// The member (`.name` or `[n]`; a bare name at the top) of an object or array whose encoding
  /// is largest, with that size; nil for a value with no members.
  private static func largestMember(of value: JSONValue) -> (String, JSONValue, Int)? {
    var best: (String, JSONValue, Int)?
    func consider(_ name: String, _ member: JSONValue) {
      let size = JSONWriter.canonicalBytes(of: member).count
      if size > best?.2 ?? -1 { best = (name, member, size) }
    }
    switch value {
    case .object(let members):
      for key in members.keys.sorted() { consider(key, members[key] ?? .null) }
      return best.map { (name, member, size) in (".\(name)", member, size) }
    case .array(let elements):
      for (position, element) in elements.enumerated() { consider("[\(position + 1)]", element) }
      return best
    default:
      return nil
    }
  }

  private static func describe(_ bytes: Int) -> String {
    bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
  }
}

/// Which record a path holds, from its place in the ledger's layout.
private enum RecordKind {
  case config, source, claim, review, assignment, factCheck, link

  init?(path parts: [String]) {
    guard parts.last?.hasSuffix(".json") == true else { return nil }
    switch (parts.count, parts[0]) {
    case (1, LedgerPaths.config): self = .config
    case (2, LedgerPaths.seeds): self = .source
    case (3, LedgerPaths.claims): self = .claim
    case (4, LedgerPaths.reviews): self = .review
    case (4, LedgerPaths.assignments): self = .assignment
    case (3, LedgerPaths.factChecks): self = .factCheck
    case (4, LedgerPaths.links): self = .link
    default: return nil
    }
  }

  /// Decodes `value` as this record and checks it against its path as the reader does.
  func validate(_ value: JSONValue, path parts: [String]) throws(RecordError) {
    let fileName = parts[parts.count - 1]
    func require(_ condition: Bool, _ what: String) throws(RecordError) {
      guard condition else { throw RecordError(.invalidField, "its \(what) does not match its path") }
    }
    switch self {
    case .config:
      _ = try LedgerConfig(json: value)
    case .source:
      let record = try SourceRecord(json: value)
      try require("\(record.id).json" == fileName, "source")
    case .claim:
      let claim = try Claim(json: value)
      try require(claim.source.rawValue == parts[1] && "\(claim.id).json" == fileName, "claim or source")
    case .review:
      let review = try Review(json: value)
      try require(
        review.source.rawValue == parts[1] && review.claim.rawValue == parts[2]
          && "\(review.reviewer.fileSlug).json" == fileName, "claim, source or reviewer")
    case .assignment:
      let assignment = try Assignment(json: value)
      try require(
        assignment.source.rawValue == parts[1] && assignment.claim.rawValue == parts[2]
          && "\(assignment.assignedBy.fileSlug).json" == fileName, "claim, source or editor")
    case .factCheck:
      let factCheck = try FactCheck(json: value)
      try require(factCheck.publisherSlug == parts[1] && "\(factCheck.id).json" == fileName, "address or publisher")
    case .link:
      let record = try LinkRecord(json: value)
      try require(
        record.source.rawValue == parts[1] && record.claim.rawValue == parts[2]
          && "\(record.linker.fileSlug).json" == fileName, "claim, source or linker")
    }
  }
}

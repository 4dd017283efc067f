public import ClaimModel
import WebArchive

/// Checks a citation's archive with nothing but the ledger: the capture's bytes against its
/// digest and the digests of each of its records, the text against its digest, and the quote at
/// its recorded position. Pure.
public enum ArchiveCheck {
  /// The health of the archive of `archive` given the stored bytes (nil: not in the ledger).
  /// - Parameters:
  ///   - captureProblem: what checking the capture found (see ``checkCapture(_:digest:)``), so a
  ///     capture shared by many citations is checked once.
  ///   - textCheck: what checking the text found (see ``checkText(_:digest:)``: nil or the
  ///     problem), for the same reason; when not given, the text is checked here.
  public static func check(
    _ archive: CitationArchive, captureProblem: String?, textCheck: String?? = .none, text: [UInt8]?,
    at time: Timestamp
  ) -> CitationHealth {
    if let captureProblem { return CitationHealth(state: .damaged, checked: time, detail: captureProblem) }
    if let textSHA256 = archive.textSHA256 {
      let textProblem = textCheck ?? checkText(text, digest: textSHA256)
      if let problem = textProblem {
        return CitationHealth(state: .damaged, checked: time, detail: problem)
      }
      if let anchor = archive.quote, let text {
        guard QuoteLocator.holds(anchor, inUTF8: text) else {
          return CitationHealth(
            state: .damaged, checked: time,
            detail: "the quote is not at its recorded place (\(anchor.start)–\(anchor.end)) in the archived text")
        }
      }
    }
    return CitationHealth(state: .intact, checked: time)
  }

  /// What is wrong with a stored text, or nil when its SHA-256 is `digest`.
  public static func checkText(_ bytes: [UInt8]?, digest: String) -> String? {
    let path = CitationArchive.textPath(digest)
    guard let bytes else { return "the archived text \(path) is missing" }
    guard PageText.sha256(bytes) == digest else { return "the archived text \(path) does not match its SHA-256" }
    return nil
  }

  /// What is wrong with a stored capture, or nil when its SHA-256 is `digest` and every record's
  /// block and payload digests match.
  public static func checkCapture(_ bytes: [UInt8]?, digest: String) -> String? {
    let path = CitationArchive.capturePath(digest)
    guard let bytes else { return "the archive \(path) is missing from the ledger" }
    guard PageText.sha256(bytes) == digest else { return "the archive \(path) does not match its SHA-256" }
    do {
      let records = try WARCReader.records(in: bytes)
      guard records.contains(where: { $0.type == "response" }) else {
        return "the archive \(path) holds no response record"
      }
    } catch {
      return "the archive \(path) is not valid WARC: \(error.message)"
    }
    return nil
  }
}

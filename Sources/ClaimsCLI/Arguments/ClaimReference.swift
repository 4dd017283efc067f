import ClaimModel

/// A claim as a user names it: a prefix of its id (hex digits, as git's short hashes) or
/// `SOURCE-ID:ORDINAL`. Only its form is checked here; which claim it is, the ledger says
/// (`LedgerSnapshot.resolveClaim`).
struct ClaimReference: ExpressibleByArgument, CustomStringConvertible {
  /// The reference as typed, white space trimmed.
  var text: String

  init(argument text: String) throws(InvalidArgumentValue) {
    let text = text.trimmingWhitespace()
    if let colon = text.lastIndex(of: ":") {
      guard SourceID(String(text[..<colon])) != nil else {
        throw InvalidArgumentValue("'\(text[..<colon])' is not a source id; 'claims list' shows the sources")
      }
      guard let ordinal = Int(text[text.index(after: colon)...]), ordinal >= 1 else {
        throw InvalidArgumentValue("write SOURCE-ID:N with N counting from 1")
      }
    } else if !ClaimID.isPlausiblePrefix(text.lowercased()) {
      throw InvalidArgumentValue("give a prefix of the id (hex digits, as 'claims list' shows) or SOURCE-ID:ORDINAL")
    }
    self.text = text
  }

  static var valueName: String { "id" }

  var description: String { text }
}

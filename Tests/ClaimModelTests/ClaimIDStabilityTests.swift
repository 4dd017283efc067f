import ClaimModel
import Testing

/// Claim ids are hashed over `String.collapsingWhitespace()` of a sentence's exact text: the ids
/// of existing ledgers depend on both staying as they are. The expected ids were computed outside
/// Swift (Python: `sha256(b"claims-id-v1\0" + source + b"\0" + " ".join(text.split()) + b"\0" + occurrence)`).
@Suite struct ClaimIDStabilityTests {
  struct Case: Sendable, CustomStringConvertible {
    var source: String
    var text: String
    var occurrence: Int
    var normalized: String
    var id: String

    var description: String { "\(source) \(text.debugDescription)" }
  }

  static let cases = [
    Case(
      source: "storm", text: "The storm reached the coast on Monday.", occurrence: 0,
      normalized: "The storm reached the coast on Monday.", id: "64d3fe5e03"),
    Case(
      source: "storm", text: "Officials said\n40 homes were\r\n damaged.", occurrence: 0,
      normalized: "Officials said 40 homes were damaged.", id: "5016d9cf5d"),
    Case(
      source: "storm", text: "  The mayor\tcalled it the worst\u{A0}storm in a decade.  ", occurrence: 1,
      normalized: "The mayor called it the worst storm in a decade.", id: "a81437663f"),
    Case(
      source: "peru-fujimori-mourning", text: "Peru last week\u{2009}officially observed three days of mourning.",
      occurrence: 0, normalized: "Peru last week officially observed three days of mourning.", id: "90daed1724"),
    // Zero-width spaces are not white space: they stay in the hashed text.
    Case(
      source: "storm", text: "Zero\u{200B}width spaces stay in the hashed text.", occurrence: 0,
      normalized: "Zero\u{200B}width spaces stay in the hashed text.", id: "d6cc12f312"),
    Case(
      source: "budget", text: "Spending on schools rises by 3 percent.", occurrence: 2,
      normalized: "Spending on schools rises by 3 percent.", id: "61ae55dfe0"),
  ]

  @Test(arguments: cases) func idsOfExistingLedgersStayTheSame(_ example: Case) throws {
    let normalized = example.text.collapsingWhitespace()
    #expect(normalized == example.normalized)
    let source = try #require(SourceID(example.source))
    #expect(
      ClaimID.derive(source: source, normalizedText: normalized, occurrence: example.occurrence).rawValue
        == example.id)
  }
}

/// The verdicts a ledger accepts, in order from best rated to worst, then the unrated ones.
public struct VerdictScale: Sendable, Equatable {
  /// The verdicts in the order reports list them.
  public var verdicts: [Verdict]

  public init(verdicts: [Verdict]) {
    self.verdicts = verdicts
  }

  /// The scale a new ledger starts with.
  public static let standard = VerdictScale(verdicts: [
    Verdict(
      id: "supported", label: "Supported", meaning: "The evidence supports the claim as stated.", key: "s",
      rating: .init(value: 4, best: 4, worst: 1)),
    Verdict(
      id: "mostly-supported", label: "Mostly supported",
      meaning: "The claim is accurate in substance but needs clarification or a detail is off.", key: "m",
      rating: .init(value: 3, best: 4, worst: 1)),
    Verdict(
      id: "misleading", label: "Misleading",
      meaning: "Partly accurate, but leaves out or distorts context in a way that misleads.", key: "l",
      rating: .init(value: 2, best: 4, worst: 1), flags: true),
    Verdict(
      id: "refuted", label: "Refuted", meaning: "The evidence contradicts the claim.", key: "r",
      rating: .init(value: 1, best: 4, worst: 1), flags: true),
    Verdict(
      id: "unverifiable", label: "Unverifiable", meaning: "Not enough evidence is available to decide.", key: "u",
      rating: nil),
    Verdict(
      id: "opinion", label: "Opinion", meaning: "Not a checkable statement of fact.", key: "o", rating: nil),
  ])

  /// The id of the verdict that says a claim is not a statement of fact; such claims are not checkable.
  public static let opinionID = "opinion"

  /// The verdict named `id`, if the scale has it.
  public func verdict(_ id: String) -> Verdict? {
    verdicts.first { $0.id == id }
  }

  /// The verdict recorded by pressing `key` in `claims review`.
  public func verdict(forKey key: String) -> Verdict? {
    verdicts.first { $0.key == key }
  }

  /// The ids of every verdict, in order.
  public var ids: [String] { verdicts.map(\.id) }

  /// Whether `name` could name a verdict: lowercase letters, digits and `-`.
  public static func isWellFormedName(_ name: String) -> Bool {
    !name.isEmpty && name.utf8.count <= 40
      && name.utf8.allSatisfy { SourceID.isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
  }

  var json: JSONValue { .array(verdicts.map(\.json)) }

  init(json: JSONValue) throws(RecordError) {
    guard case .array(let elements) = json, !elements.isEmpty else {
      throw RecordError(.invalidField, "field 'verdicts' must be a non-empty array")
    }
    var verdicts: [Verdict] = []
    for element in elements {
      let verdict = try Verdict(json: element)
      guard !verdicts.contains(where: { $0.id == verdict.id }) else {
        throw RecordError(.invalidField, "verdict '\(verdict.id)' appears twice")
      }
      guard !verdicts.contains(where: { $0.key == verdict.key }) else {
        throw RecordError(.invalidField, "verdicts '\(verdict.id)' and another share the key '\(verdict.key)'")
      }
      verdicts.append(verdict)
    }
    self.verdicts = verdicts
  }
}

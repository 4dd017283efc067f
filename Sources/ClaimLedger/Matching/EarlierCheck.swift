public import ClaimModel

/// An earlier check a claim can be matched against, as commands show it: an imported fact-check or a
/// claim this ledger has reviewed, with its verdict or rating, who checked it and when.
public struct EarlierCheck: Sendable, Equatable {
  public var kind: LinkTarget.Kind
  /// A fact-check's url, or a claim's id.
  public var key: String
  /// The claim that was checked.
  public var text: String
  /// A fact-check's rating in words, or the verdicts the desk gave (`refuted`, `supported≠refuted`).
  public var verdict: String?
  /// The publisher of a fact-check, or the reviewers of a claim.
  public var checkedBy: String?
  /// When: the fact-check's publication date, or the date of the claim's latest verdict.
  public var date: String?
  /// A claim's `SOURCE-ID:ORDINAL`, or a fact-check's headline.
  public var label: String?

  public init(
    kind: LinkTarget.Kind, key: String, text: String, verdict: String? = nil, checkedBy: String? = nil,
    date: String? = nil, label: String? = nil
  ) {
    self.kind = kind
    self.key = key
    self.text = text
    self.verdict = verdict
    self.checkedBy = checkedBy
    self.date = date
    self.label = label
  }

  /// The fact-check as an earlier check.
  public init(_ factCheck: FactCheck) {
    self.init(
      kind: .factCheck, key: factCheck.url, text: factCheck.claimReviewed, verdict: factCheck.ratingText,
      checkedBy: factCheck.publisher, date: factCheck.datePublished?.text, label: factCheck.headline)
  }

  /// A reviewed claim as an earlier check; nil when no review gives it a verdict.
  public init?(_ claim: Claim, reviews: [Review]) {
    let judged = reviews.filter { $0.verdict != nil }
    guard !judged.isEmpty else { return nil }
    var verdicts: [String] = []
    for review in judged { if let verdict = review.verdict, !verdicts.contains(verdict) { verdicts.append(verdict) } }
    let latest = judged.compactMap { $0.verdictEvent?.at }.max()
    self.init(
      kind: .claim, key: claim.id.rawValue, text: claim.text, verdict: verdicts.joined(separator: "≠"),
      checkedBy: judged.map(\.reviewer.name).joined(separator: ", "), date: latest.map { String($0.text.prefix(10)) },
      label: claim.reference)
  }

  /// The same as JSON, for `--json` output: `url` for a fact-check, `id` for a claim.
  public var json: JSONValue {
    var members: [String: JSONValue] = [
      kind == .factCheck ? "url" : "id": .string(key), "kind": .string(kind.rawValue), "claim": .string(text),
    ]
    for (name, value) in [("verdict", verdict), ("checked_by", checkedBy), ("date", date)] {
      if let value { members[name] = .string(value) }
    }
    if let label { members[kind == .factCheck ? "headline" : "reference"] = .string(label) }
    return .object(members)
  }

  func encode(into writer: inout BinaryWriter) {
    writer.write(kind == .factCheck ? 0 : 1)
    writer.write(key)
    writer.write(text)
    writer.write(verdict)
    writer.write(checkedBy)
    writer.write(date)
    writer.write(label)
  }

  static func decode(from reader: inout BinaryReader) throws(BinaryReader.Corrupt) -> EarlierCheck {
    let kind: LinkTarget.Kind = try reader.readInt() == 0 ? .factCheck : .claim
    return EarlierCheck(
      kind: kind, key: try reader.readString(), text: try reader.readString(), verdict: try reader.readOptionalString(),
      checkedBy: try reader.readOptionalString(), date: try reader.readOptionalString(),
      label: try reader.readOptionalString())
  }
}

/// One earlier check that resembles a claim or query, and how strongly.
public struct LedgerMatch: Sendable, Equatable {
  public var check: EarlierCheck
  /// The matcher's score: higher is more alike; comparable across queries.
  public var score: Double
  /// Whether the score passes the threshold at which a claim is said to resemble the check.
  public var resembles: Bool
}

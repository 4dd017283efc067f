public import ClaimModel

/// Claims answered by earlier checks: those a person linked to an earlier fact-check or claim, and
/// unreviewed ones that resemble one. The report stays pure: the command line finds these (with
/// the ledger's matching index) and hands them over.
public struct EarlierChecksSection: Sendable, Equatable {
  /// One earlier check that answers a claim.
  public struct Answer: Sendable, Equatable {
    /// `factcheck` or `claim`.
    public var kind: String
    /// A fact-check's url, or a claim's id.
    public var key: String
    /// The claim it checked.
    public var text: String
    /// Its rating or verdicts.
    public var verdict: String?
    /// Its publisher, or the reviewers of the claim.
    public var checkedBy: String?
    /// When it was published or judged.
    public var date: String?
    /// The matcher's score, for a resemblance.
    public var score: Double?
    /// Who linked it, for a link.
    public var linkedBy: String?

    public init(
      kind: String, key: String, text: String, verdict: String? = nil, checkedBy: String? = nil, date: String? = nil,
      score: Double? = nil, linkedBy: String? = nil
    ) {
      self.kind = kind
      self.key = key
      self.text = text
      self.verdict = verdict
      self.checkedBy = checkedBy
      self.date = date
      self.score = score
      self.linkedBy = linkedBy
    }
  }

  /// A claim and what answers it: its links, else its best resemblance.
  public struct Entry: Sendable, Equatable {
    public var claim: Claim
    /// Whether a person linked it (else it only resembles).
    public var isLinked: Bool
    public var answers: [Answer]

    public init(claim: Claim, isLinked: Bool, answers: [Answer]) {
      self.claim = claim
      self.isLinked = isLinked
      self.answers = answers
    }
  }

  /// The claims, in report order (by source, then ordinal).
  public var entries: [Entry]

  public init(entries: [Entry] = []) {
    self.entries = entries
  }

  public var linkedCount: Int { entries.filter(\.isLinked).count }
  public var resemblingCount: Int { entries.count - linkedCount }

  /// "3 claims answered by earlier checks (1 linked, 2 resembling)".
  public var summary: String {
    let claims = String.count(entries.count, "claim")
    return "\(claims) answered by earlier checks (\(linkedCount) linked, \(resemblingCount) resembling)"
  }
}

extension VerificationReport {
  /// One answer in one line of plain words: `False · Snopes · 2019-12-01 · https://…`.
  static func describe(_ answer: EarlierChecksSection.Answer) -> String {
    var parts = [answer.verdict ?? "no rating"]
    if let checkedBy = answer.checkedBy { parts.append(checkedBy) }
    if let date = answer.date { parts.append(date) }
    if let score = answer.score { parts.append("score " + twoDecimals(score)) }
    if let linkedBy = answer.linkedBy { parts.append("linked by \(linkedBy)") }
    parts.append(answer.key)
    return parts.joined(separator: " · ")
  }
}

/// `12.30`, `-0.05`.
func twoDecimals(_ value: Double) -> String {
  let hundredths = Int((value * 100).rounded())
  let magnitude = abs(hundredths)
  let cents = magnitude % 100
  return "\(hundredths < 0 ? "-" : "")\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
}

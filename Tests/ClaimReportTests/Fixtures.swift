import ClaimModel
import ClaimReport

/// Small builders for report inputs, so each test states only what it is about.
enum Fixture {
  static let time = timestamp("2026-03-01T12:00:00Z")

  static func timestamp(_ text: String) -> Timestamp {
    guard let timestamp = Timestamp(text) else { preconditionFailure("fixture timestamp \(text)") }
    return timestamp
  }

  static func source(_ name: String) -> SourceID {
    guard let id = SourceID(name) else { preconditionFailure("fixture source id \(name)") }
    return id
  }

  /// `Name <name@example.org>`.
  static func person(_ name: String) -> Identity {
    guard let identity = Identity(name: name, email: "\(name.lowercased())@example.org") else {
      preconditionFailure("fixture identity \(name)")
    }
    return identity
  }

  /// The id of the `ordinal`th claim of `source`: derived, so distinct claims get distinct ids.
  static func claimID(_ source: String, _ ordinal: Int) -> ClaimID {
    ClaimID.derive(source: self.source(source), normalizedText: "claim \(ordinal)", occurrence: 0)
  }

  static func claim(
    _ source: String, _ ordinal: Int, _ text: String? = nil, kind: ClaimKind = .sentence, retired: Bool = false
  ) -> Claim {
    let text = text ?? "Claim number \(ordinal) of \(source)."
    return Claim(
      id: claimID(source, ordinal), source: self.source(source), ordinal: ordinal, kind: kind, text: text,
      start: ordinal * 100, end: ordinal * 100 + text.unicodeScalars.count,
      selector: QuoteSelector(exact: text, prefix: "", suffix: ""), isRetired: retired)
  }

  static func review(
    _ claim: Claim, by reviewer: String, _ verdict: String?, citations: Int = 0, note: String? = nil,
    updated: String = "2026-03-02T09:00:00Z", stale: Review.Staleness? = nil
  ) -> Review {
    Review(
      claim: claim.id, source: claim.source, reviewer: person(reviewer), verdict: verdict, note: note,
      citations: (0..<citations).map { Citation(url: "https://example.org/evidence/\($0)", title: "Evidence \($0)") },
      updated: timestamp(updated), stale: stale)
  }

  static func record(_ name: String, title: String? = nil, url: String? = nil, published: String? = nil)
    -> SourceRecord
  {
    SourceRecord(
      id: source(name), title: title, url: url, published: published.flatMap(CalendarDate.init), textSHA256: "",
      claimCount: 0)
  }

  static func input(
    claims: [Claim], reviews: [Review] = [], sources: [SourceRecord] = [], assignments: [Assignment] = [],
    actions: [ReportAction] = [], requiredReviews: Int = 1, filter: [String] = []
  ) -> ReportInput {
    ReportInput(
      config: LedgerConfig(scale: .standard, requiredReviews: requiredReviews), sources: sources, claims: claims,
      reviews: reviews, assignments: assignments, actions: actions, revision: "0123456789abcdef",
      generatedAt: time, sourceFilter: filter.map(source))
  }

  static func report(
    claims: [Claim], reviews: [Review] = [], sources: [SourceRecord] = [], assignments: [Assignment] = [],
    actions: [ReportAction] = [], requiredReviews: Int = 1, filter: [String] = []
  ) -> VerificationReport {
    ReportBuilder.build(
      input(
        claims: claims, reviews: reviews, sources: sources, assignments: assignments, actions: actions,
        requiredReviews: requiredReviews, filter: filter))
  }
}

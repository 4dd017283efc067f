import ClaimModel
import ClaimReport

/// A small newsroom ledger that exercises every section of the report; several tests render it.
///
/// budget (recorded source, required_reviews 2):
///   1 headline  Alice supported (cited), Bob supported (cited)      → verified
///   2 sentence  Alice supported (cited), Bob refuted (cited, note)  → disputed and flagged
///   3 sentence  Alice opinion, Bob opinion                          → not checkable
///   4 caption   no reviews                                          → not checkable
///   5 sentence  Alice mostly-supported (no citation)                → reviewed, not verified
///   6 sentence  no reviews, assigned to Carol                       → backlog
/// interview (no source record):
///   1 sentence  Carol misleading (cited), stale                     → flagged, stale, reviewed
///   2 sentence  retired, one review by Alice                        → listed as retired only
///   3 boilerplate                                                   → not checkable
enum SampleLedger {
  static let budget = [
    Fixture.claim("budget", 1, "Budget boosts schools", kind: .headline),
    Fixture.claim("budget", 2, "Unemployment fell to 3% last year."),
    Fixture.claim("budget", 3, "We will be the greatest nation."),
    Fixture.claim("budget", 4, "Photo: the minister", kind: .caption),
    Fixture.claim("budget", 5, "Taxes rose 2%."),
    Fixture.claim("budget", 6, "Debt doubled since 2020."),
  ]

  static let interview = [
    Fixture.claim("interview", 1, "Crime is down."),
    Fixture.claim("interview", 2, "An old sentence.", retired: true),
    Fixture.claim("interview", 3, "Loading", kind: .boilerplate),
  ]

  static let reviews: [Review] = [
    Fixture.review(budget[0], by: "Alice", "supported", citations: 1, updated: "2026-03-02T09:00:00Z"),
    Fixture.review(budget[0], by: "Bob", "supported", citations: 1, updated: "2026-03-03T10:00:00Z"),
    Fixture.review(budget[1], by: "Alice", "supported", citations: 1),
    Fixture.review(budget[1], by: "Bob", "refuted", citations: 2, note: "The rate was 4.1%."),
    Fixture.review(budget[2], by: "Alice", "opinion"),
    Fixture.review(budget[2], by: "Bob", "opinion"),
    Fixture.review(budget[4], by: "Alice", "mostly-supported"),
    Fixture.review(
      interview[0], by: "Carol", "misleading", citations: 1,
      stale: Review.Staleness(
        previousClaim: Fixture.claimID("interview", 9), previousText: "Crime is way down.",
        since: Fixture.timestamp("2026-03-01T08:00:00Z"))),
    Fixture.review(interview[1], by: "Alice", "supported"),
  ]

  static let assignments = [
    Assignment(
      claim: budget[5].id, source: budget[5].source, assignee: Fixture.person("Carol"),
      assignedBy: Fixture.person("Dana"), updated: Fixture.timestamp("2026-03-01T09:00:00Z"))
  ]

  static let actions = [
    ReportAction(
      kind: .import, reviewer: Fixture.person("Dana"), source: Fixture.source("budget"),
      time: Fixture.timestamp("2026-02-28T08:00:00Z")),
    ReportAction(
      kind: .import, reviewer: Fixture.person("Dana"), source: Fixture.source("interview"),
      time: Fixture.timestamp("2026-03-01T08:00:00Z")),
    ReportAction(
      kind: .assign, reviewer: Fixture.person("Dana"), claim: budget[5].id, source: budget[5].source,
      time: Fixture.timestamp("2026-03-01T09:00:00Z")),
    ReportAction(
      kind: .verdict, reviewer: Fixture.person("Alice"), claim: budget[0].id, source: budget[0].source,
      time: Fixture.timestamp("2026-03-02T09:00:00Z")),
    ReportAction(
      kind: .cite, reviewer: Fixture.person("Alice"), claim: budget[0].id, source: budget[0].source,
      time: Fixture.timestamp("2026-03-02T09:01:00Z")),
    ReportAction(
      kind: .verdict, reviewer: Fixture.person("Bob"), claim: budget[1].id, source: budget[1].source,
      time: Fixture.timestamp("2026-03-03T10:00:00Z")),
  ]

  static let sources = [
    Fixture.record(
      "budget", title: "Budget speech 2026", url: "https://news.example/budget", published: "2026-02-27")
  ]

  static var input: ReportInput {
    Fixture.input(
      claims: budget + interview, reviews: reviews, sources: sources, assignments: assignments, actions: actions,
      requiredReviews: 2)
  }

  static var report: VerificationReport { ReportBuilder.build(input) }
}

/// The smallest useful ledger, for exact outputs: one source, a verified claim and an unreviewed one.
enum TinyLedger {
  static let claims = [Fixture.claim("a", 1, "Water boils at 100 °C."), Fixture.claim("a", 2, "The moon is cheese.")]

  static var report: VerificationReport {
    Fixture.report(
      claims: claims, reviews: [Fixture.review(claims[0], by: "Alice", "supported", citations: 1)],
      sources: [Fixture.record("a", title: "Science", url: "https://a.example/story", published: "2026-02-01")])
  }
}

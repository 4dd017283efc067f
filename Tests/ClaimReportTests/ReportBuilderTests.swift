import ClaimModel
import ClaimReport
import Testing

@Suite("Report builder")
struct ReportBuilderTests {
  let report = SampleLedger.report

  @Test func overallCoverage() {
    let overall = report.overall
    #expect(overall.claims == 8)
    #expect(overall.count(of: .sentence) == 5)
    #expect(overall.count(of: .headline) == 1)
    #expect(overall.count(of: .caption) == 1)
    #expect(overall.count(of: .boilerplate) == 1)
    #expect(overall.opinionOnly == 1)
    // budget 1, 2, 5, 6 and interview 1.
    #expect(overall.checkable == 5)
    #expect(overall.reviewed == 4)
    #expect(overall.cited == 3)
    #expect(overall.verified == 1)
    #expect(overall.unreviewed == 1)
    #expect(overall.share(overall.verified) == 0.2)
  }

  @Test func coveragePerSource() throws {
    #expect(report.sources.map(\.id.rawValue) == ["budget", "interview"])
    let budget = try #require(report.source(Fixture.source("budget")))
    #expect(budget.title == "Budget speech 2026")
    #expect(budget.importedAt == Fixture.timestamp("2026-02-28T08:00:00Z"))
    #expect(budget.coverage.checkable == 4)
    #expect(budget.coverage.reviewed == 3)
    #expect(budget.coverage.verified == 1)
    let interview = try #require(report.source(Fixture.source("interview")))
    #expect(interview.record == nil)
    #expect(interview.coverage.claims == 2)
    #expect(interview.coverage.checkable == 1)
    #expect(Coverage().share(0) == nil)
  }

  @Test func retiredClaimsCountNowhere() {
    #expect(report.retired.map(\.claim.reference) == ["interview:2"])
    #expect(report.retired.first?.reviewCount == 1)
    #expect(!report.claims.contains { $0.claim.isRetired })
    // Alice's review of the retired claim is not among her reviewed claims.
    #expect(report.activity.first { $0.reviewer.name == "Alice" }?.claimsReviewed == 4)
    #expect(report.unmatchedReviews == 0)
  }

  @Test func disputedAndFlaggedLists() {
    #expect(report.disputed.map(\.claim.reference) == ["budget:2"])
    #expect(report.disputed.first?.reviews.map(\.reviewer.name) == ["Alice", "Bob"])
    #expect(report.flagged.map(\.claim.reference) == ["budget:2", "interview:1"])
  }

  @Test func staleList() throws {
    let item = try #require(report.staleReviews.first)
    #expect(report.staleReviews.count == 1)
    #expect(item.claim.reference == "interview:1")
    #expect(item.review.reviewer.name == "Carol")
    #expect(item.staleness.previousText == "Crime is way down.")
  }

  @Test func backlogIsOldestImportFirstWithAssignees() {
    let claims = [
      Fixture.claim("new", 2), Fixture.claim("new", 1), Fixture.claim("old", 3), Fixture.claim("unknown", 1),
      Fixture.claim("old", 1),
    ]
    let actions = [
      ReportAction(
        kind: .import, reviewer: Fixture.person("Dana"), source: Fixture.source("new"),
        time: Fixture.timestamp("2026-03-01T00:00:00Z")),
      ReportAction(
        kind: .import, reviewer: Fixture.person("Dana"), source: Fixture.source("old"),
        time: Fixture.timestamp("2026-01-01T00:00:00Z")),
      // A later re-import does not make a source younger.
      ReportAction(
        kind: .import, reviewer: Fixture.person("Dana"), source: Fixture.source("old"),
        time: Fixture.timestamp("2026-04-01T00:00:00Z")),
    ]
    let assignment = Assignment(
      claim: claims[2].id, source: claims[2].source, assignee: Fixture.person("Eve"),
      assignedBy: Fixture.person("Dana"), updated: Fixture.time)
    let report = Fixture.report(claims: claims, assignments: [assignment], actions: actions)
    #expect(report.backlog.map(\.claim.reference) == ["old:1", "old:3", "new:1", "new:2", "unknown:1"])
    #expect(report.backlog.map { $0.assignee?.name } == [nil, "Eve", nil, nil, nil])
    #expect(report.backlog.first?.waitingSince == Fixture.timestamp("2026-01-01T00:00:00Z"))
    #expect(report.backlog.last?.waitingSince == nil)
  }

  @Test func latestAssignmentStandsAndUnassignedMeansNobody() {
    let claim = Fixture.claim("a", 1)
    func assignment(_ who: String?, _ time: String) -> Assignment {
      Assignment(
        claim: claim.id, source: claim.source, assignee: who.map(Fixture.person), assignedBy: Fixture.person("Dana"),
        updated: Fixture.timestamp(time))
    }
    let reassigned = Fixture.report(
      claims: [claim],
      assignments: [assignment("Bob", "2026-03-02T00:00:00Z"), assignment("Eve", "2026-03-01T00:00:00Z")])
    #expect(reassigned.claims.first?.assignee?.name == "Bob")
    let unassigned = Fixture.report(
      claims: [claim],
      assignments: [assignment("Bob", "2026-03-01T00:00:00Z"), assignment(nil, "2026-03-02T00:00:00Z")])
    #expect(unassigned.claims.first?.assignee == nil)
  }

  @Test func distribution() {
    let entries = report.distribution.entries
    #expect(entries.map(\.verdict) == VerdictScale.standard.ids)
    #expect(entries.map(\.reviews) == [3, 1, 1, 1, 0, 2])
    #expect(entries.map(\.claims) == [1, 1, 1, 0, 0, 1])
    #expect(report.distribution.disputedClaims == 1)
    #expect(report.distribution.totalReviews == 8)
  }

  @Test func verdictsOffTheScaleAreListedAfterIt() {
    let claim = Fixture.claim("a", 1)
    let report = Fixture.report(claims: [claim], reviews: [Fixture.review(claim, by: "Alice", "satire")])
    #expect(report.distribution.entries.last == .init(verdict: "satire", reviews: 1, claims: 1))
    #expect(report.label(ofVerdict: "satire") == "satire")
  }

  @Test func reviewerActivity() throws {
    #expect(report.activity.map(\.reviewer.name) == ["Alice", "Bob", "Carol", "Dana"])
    let alice = try #require(report.activity.first)
    #expect(alice.claimsReviewed == 4)
    #expect(alice.citations == 2)
    #expect(alice.citationsPerVerdict == 0.5)
    #expect(alice.count(of: .verdict) == 1)
    #expect(alice.count(of: .cite) == 1)
    #expect(alice.lastActive == Fixture.timestamp("2026-03-02T09:01:00Z"))
    let carol = try #require(report.activity.first { $0.reviewer.name == "Carol" })
    #expect(carol.openAssignments == 1)
    #expect(carol.staleReviews == 1)
    let dana = try #require(report.activity.last)
    #expect(dana.actions == [.init(kind: .assign, count: 1), .init(kind: .import, count: 2)])
    #expect(dana.claimsReviewed == 0)
    #expect(dana.citationsPerVerdict == nil)
  }

  @Test func unknownActionKindsAreCountedAfterKnownOnes() {
    let claim = Fixture.claim("a", 1)
    let actions = ["zap", "verdict", "archive", "note"].map {
      ReportAction(
        kind: CommitAction(rawValue: $0), reviewer: Fixture.person("Alice"), claim: claim.id, source: claim.source,
        time: Fixture.time)
    }
    let report = Fixture.report(claims: [claim], actions: actions)
    #expect(report.activity.first?.actions.map(\.kind) == [.verdict, .note, .archive, .unknown("zap")])
  }

  @Test func sourceFilter() throws {
    var input = SampleLedger.input
    input.sourceFilter = [Fixture.source("budget")]
    // An action naming only its claim is attributed through the claim's source.
    let claim = SampleLedger.interview[0]
    input.actions.append(
      ReportAction(kind: .note, reviewer: Fixture.person("Carol"), claim: claim.id, time: Fixture.time))
    input.actions.append(
      ReportAction(
        kind: .note, reviewer: Fixture.person("Carol"), claim: SampleLedger.budget[1].id, time: Fixture.time))
    let report = ReportBuilder.build(input)
    #expect(report.sources.map(\.id.rawValue) == ["budget"])
    #expect(report.overall.checkable == 4)
    #expect(report.flagged.map(\.claim.reference) == ["budget:2"])
    #expect(report.staleReviews.isEmpty)
    #expect(report.retired.isEmpty)
    let carol = try #require(report.activity.first { $0.reviewer.name == "Carol" })
    #expect(carol.actions == [.init(kind: .note, count: 1)])
    #expect(carol.openAssignments == 1)
    #expect(report.activity.first { $0.reviewer.name == "Dana" }?.count(of: .import) == 1)
  }

  @Test func sourcesWithoutClaimsOrRecordsAreListed() {
    let report = Fixture.report(
      claims: [Fixture.claim("unrecorded", 1)], sources: [Fixture.record("empty", title: "Nothing yet")])
    #expect(report.sources.map(\.id.rawValue) == ["empty", "unrecorded"])
    #expect(report.sources.first?.coverage == Coverage())
  }

  @Test func reviewsOfMissingClaimsAreCountedNotUsed() {
    let claim = Fixture.claim("a", 1)
    let ghost = Fixture.claim("a", 2)
    let report = Fixture.report(claims: [claim], reviews: [Fixture.review(ghost, by: "Alice", "refuted")])
    #expect(report.unmatchedReviews == 1)
    #expect(report.flagged.isEmpty)
    #expect(report.activity.isEmpty)
  }

  @Test func oneReviewPerReviewerKeepsTheLatest() {
    let claim = Fixture.claim("a", 1)
    let older = Fixture.review(claim, by: "Alice", "refuted", updated: "2026-03-01T00:00:00Z")
    var newer = Fixture.review(claim, by: "Alice", "supported", citations: 1, updated: "2026-03-02T00:00:00Z")
    // The same address in other capitals is the same reviewer.
    newer.reviewer = Identity(name: "Alice A.", email: "ALICE@example.org") ?? newer.reviewer
    let report = Fixture.report(claims: [claim], reviews: [older, newer])
    #expect(report.claims.first?.reviews.count == 1)
    #expect(report.claims.first?.status.consensus == "supported")
    #expect(report.disputed.isEmpty)
    #expect(report.activity.map(\.reviewer.name) == ["Alice A."])
  }

  @Test func claimsAreInSourceThenPositionOrder() {
    let claims = [Fixture.claim("b", 1), Fixture.claim("a", 10), Fixture.claim("a", 2)]
    #expect(Fixture.report(claims: claims).claims.map(\.claim.reference) == ["a:2", "a:10", "b:1"])
  }

  @Test func agreementFromTheLedger() throws {
    let agreement = report.agreement
    // budget 1 (supported, supported), 2 (supported, refuted), 3 (opinion, opinion).
    #expect(agreement.units == 3)
    #expect(agreement.unanimousUnits == 2)
    #expect(agreement.raterRange == 2...2)
    // Ordinal alpha drops the unrated opinion verdicts, so claim 3 falls out.
    #expect(agreement.alphaOrdinal.units == 2)
    let pair = try #require(agreement.pairs.first)
    #expect(agreement.pairs.count == 1)
    #expect(pair.first.name == "Alice" && pair.second.name == "Bob")
    #expect(pair.units == 3)
    // Alice: supported, supported, opinion; Bob: supported, refuted, opinion.
    // p_o = 2/3; p_e = (2·1 + 0·1 + 1·1) / 9 = 3/9; κ = (2/3 − 1/3) / (2/3) = 0.5.
    #expect(abs(try #require(pair.kappa) - 0.5) < 0.001)
    // Fleiss over rows (2,0,0), (1,1,0), (0,0,2): P̄ = 2/3; p = (3/6, 1/6, 2/6), P̄_e = 14/36;
    // κ = (2/3 − 14/36) / (1 − 14/36) = (10/36) / (22/36) = 0.454545.
    #expect(abs(try #require(agreement.fleissKappa.value) - 0.454545) < 0.001)
    // Krippendorff nominal: o_ss = 2, o_sr = o_rs = 1, o_oo = 2; n_s = 3, n_r = 1, n_o = 2, n = 6.
    // Σ n_c n_k over c ≠ k = 2(3·1 + 3·2 + 1·2) = 22; α = 1 − 5 · 2 / 22 = 0.545455.
    #expect(abs(try #require(agreement.alphaNominal.value) - 0.545455) < 0.001)
  }

  @Test func agreementWithTooFewData() {
    let claim = Fixture.claim("a", 1)
    let report = Fixture.report(claims: [claim], reviews: [Fixture.review(claim, by: "Alice", "supported")])
    #expect(report.agreement.units == 0)
    #expect(report.agreement.raterRange == nil)
    #expect(report.agreement.fleissKappa.value == nil)
    #expect(report.agreement.alphaNominal.value == nil)
    #expect(report.agreement.pairs.isEmpty)
    #expect(report.agreement.unanimousShare == nil)
  }

  @Test func emptyLedger() {
    let report = Fixture.report(claims: [])
    #expect(report.overall == Coverage())
    #expect(report.claims.isEmpty && report.backlog.isEmpty && report.activity.isEmpty)
    for format in ReportFormat.allCases {
      #expect(!ReportRenderer.render(report, as: format, options: RenderOptions()).isEmpty)
    }
  }
}

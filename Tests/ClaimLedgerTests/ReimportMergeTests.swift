import ClaimLedger
import ClaimModel
import Foundation
import TestSupport
import Testing

/// Merging two sentences whose claims one reviewer had both reviewed: which verdict the merged
/// claim carries, and which claim its stale marker names.
@Suite struct ReimportMergeTests {
  static let original = """
    The storm reached the coast on Monday.

    Power was restored to most homes by Tuesday.

    Volunteers collected food for two shelters.
    """

  static let merged = """
    The storm reached the coast on Monday.

    Power was restored to most homes by Tuesday, and volunteers collected food for two shelters.
    """

  /// Imports the original, lets `write` record reviews, re-imports the merged text; the merged
  /// claim's one review, and the plan.
  private func mergeAfter(
    _ write: (LedgerFixture, [Claim]) throws -> Void
  ) throws -> (review: Review, plan: ReimportPlan, old: [Claim]) {
    let fixture = try LedgerFixture()
    let claims = try fixture.importText(Self.original, as: "storm").claims
    try write(fixture, claims)
    let (plan, _) = try fixture.ledger.reimportSource(
      ImportRequest(bytes: Array(Self.merged.utf8), fileName: "storm.txt", source: try Fixtures.source("storm")),
      dryRun: false, as: fixture.author, at: try Fixtures.timestamp("2026-11-30T12:00:00Z"))
    let rewording = try #require(plan.reworded.first)
    #expect(rewording.replaces.map(\.id) == [claims[1].id, claims[2].id])
    let reviews = try fixture.ledger.snapshot().reviews(of: rewording.claim)
    return (try #require(reviews.first), plan, claims)
  }

  @Test func theLaterActionWinsWithinOneSecond() throws {
    let ada = try Fixtures.identity("Ada <ada@example.org>")
    let second = try Fixtures.timestamp("2026-11-25T09:00:00Z")
    // The first sentence's verdict first, the flag on the second after it, in the same second.
    let flagLast = try mergeAfter { fixture, claims in
      _ = try fixture.ledger.record(.verdict("supported", note: nil), on: claims[1].id.rawValue, by: ada, at: second)
      _ = try fixture.ledger.record(.verdict("misleading", note: nil), on: claims[2].id.rawValue, by: ada, at: second)
    }
    #expect(flagLast.review.verdict == "misleading")
    #expect(flagLast.review.stale?.previousClaim == flagLast.old[2].id)
    #expect(flagLast.review.stale?.previousText == flagLast.old[2].text)
    // The other way round: the later action is the supported one, given to the first sentence.
    let supportedLast = try mergeAfter { fixture, claims in
      _ = try fixture.ledger.record(.verdict("misleading", note: nil), on: claims[2].id.rawValue, by: ada, at: second)
      _ = try fixture.ledger.record(.verdict("supported", note: nil), on: claims[1].id.rawValue, by: ada, at: second)
    }
    #expect(supportedLast.review.verdict == "supported")
    #expect(supportedLast.review.stale?.previousClaim == supportedLast.old[1].id)
    // The flag set aside is said, not dropped silently.
    let choice = try #require(supportedLast.plan.verdictChoices.first)
    #expect(choice.kept.verdict == "supported" && choice.kept.from == supportedLast.old[1].id)
    #expect(
      choice.setAside.map(\.verdict) == ["misleading"] && choice.setAside.map(\.from) == [supportedLast.old[2].id])
    #expect(choice.reason == .later)
  }

  @Test func withoutAnOrderTheFlagIsKept() throws {
    // Both reviews written in one commit made with git, with the same `updated`: nothing orders them.
    for (first, second) in [("misleading", "supported"), ("supported", "misleading")] {
      let result = try mergeAfter { fixture, claims in
        let ada = try Fixtures.identity("Ada <ada@example.org>")
        let time = try Fixtures.timestamp("2026-11-25T09:00:00Z")
        for (claim, verdict) in [(claims[1], first), (claims[2], second)] {
          let review = Review(claim: claim.id, source: claim.source, reviewer: ada, verdict: verdict, updated: time)
          try fixture.scratch.write(
            JSONWriter.canonicalText(of: review.json), to: "Reviews/storm/\(claim.id)/ada@example.org.json")
        }
        try ProcessRunner.git(["add", "-A"], in: fixture.path)
        try ProcessRunner.git(["commit", "-q", "-m", "Reviews by hand"], in: fixture.path)
      }
      #expect(result.review.verdict == "misleading")
      let flagged = first == "misleading" ? result.old[1] : result.old[2]
      #expect(result.review.stale?.previousClaim == flagged.id)
      #expect(result.plan.verdictChoices.first?.reason == .moreSevere)
    }
  }
}

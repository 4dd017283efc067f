import ClaimModel
import ClaimReport
import Testing

@Suite("Claim status")
struct ClaimAssessmentTests {
  private func status(_ claim: Claim, _ reviews: [Review], required: Int = 1) -> ClaimStatus {
    ClaimAssessment.status(of: claim, reviews: reviews, scale: .standard, requiredReviews: required)
  }

  private let sentence = Fixture.claim("s", 1)

  @Test func unreviewedSentenceIsCheckable() {
    let result = status(sentence, [])
    #expect(result.isCheckable)
    #expect(!result.isReviewed && !result.isCited && !result.isVerified && !result.isDisputed)
    #expect(result.state == .unreviewed)
    #expect(result.consensus == nil)
  }

  @Test func captionsAndBoilerplateAreNeverCheckable() {
    for kind in [ClaimKind.caption, .boilerplate] {
      let claim = Fixture.claim("s", 2, kind: kind)
      let result = status(claim, [Fixture.review(claim, by: "Alice", "supported", citations: 1)])
      #expect(!result.isCheckable)
      #expect(!result.isVerified)
      #expect(result.state == .notCheckable)
    }
    #expect(status(Fixture.claim("s", 3, kind: .headline), []).isCheckable)
  }

  @Test func opinionFromEveryReviewerMakesAClaimUncheckable() {
    let both = [Fixture.review(sentence, by: "Alice", "opinion"), Fixture.review(sentence, by: "Bob", "opinion")]
    #expect(!status(sentence, both).isCheckable)
    #expect(status(sentence, both).consensus == "opinion")
    // One reviewer disagrees: still checkable, and disputed.
    let mixed = [Fixture.review(sentence, by: "Alice", "opinion"), Fixture.review(sentence, by: "Bob", "refuted")]
    #expect(status(sentence, mixed).isCheckable)
    #expect(status(sentence, mixed).state == .disputed)
    // A review with only a note marks nothing, so the opinion verdicts still decide.
    let withNote = both + [Fixture.review(sentence, by: "Carol", nil, note: "Hmm.")]
    #expect(!status(sentence, withNote).isCheckable)
  }

  @Test func reviewedNeedsAVerdictAndCitedAnyCitation() {
    let noteOnly = [Fixture.review(sentence, by: "Alice", nil, citations: 1, note: "Looking into it")]
    let result = status(sentence, noteOnly)
    #expect(!result.isReviewed)
    #expect(result.isCited)
    #expect(result.citationCount == 1)
    #expect(result.state == .unreviewed)
  }

  @Test func verifiedWithOneRequiredReview() {
    #expect(status(sentence, [Fixture.review(sentence, by: "Alice", "supported", citations: 1)]).isVerified)
    let uncited = status(sentence, [Fixture.review(sentence, by: "Alice", "supported")])
    #expect(!uncited.isVerified)
    #expect(uncited.state == .reviewed)
    // A refuted claim can be verified: verified means the checking is done, not that it is true.
    let refuted = status(sentence, [Fixture.review(sentence, by: "Alice", "refuted", citations: 2)])
    #expect(refuted.isVerified && refuted.isFlagged)
  }

  @Test func verifiedWithTwoRequiredReviews() {
    let aliceCited = Fixture.review(sentence, by: "Alice", "supported", citations: 1)
    let bobCited = Fixture.review(sentence, by: "Bob", "supported", citations: 1)
    let bobUncited = Fixture.review(sentence, by: "Bob", "supported")
    let carolCited = Fixture.review(sentence, by: "Carol", "supported", citations: 3)
    #expect(!status(sentence, [aliceCited], required: 2).isVerified)
    #expect(status(sentence, [aliceCited, bobCited], required: 2).isVerified)
    // Each counted review needs a citation.
    #expect(!status(sentence, [aliceCited, bobUncited], required: 2).isVerified)
    // Two cited verdicts among three agreeing ones are enough.
    #expect(status(sentence, [aliceCited, bobUncited, carolCited], required: 2).isVerified)
    // Any disagreement prevents it, however many agree.
    let dissent = Fixture.review(sentence, by: "Dan", "misleading", citations: 1)
    let disputed = status(sentence, [aliceCited, bobCited, carolCited, dissent], required: 2)
    #expect(!disputed.isVerified)
    #expect(disputed.isDisputed && disputed.isFlagged)
    #expect(disputed.verdicts == ["supported", "misleading"])
    #expect(disputed.state == .disputed)
  }

  @Test func verdictsOffTheScaleCountButDoNotFlag() {
    let result = status(
      sentence,
      [Fixture.review(sentence, by: "Alice", "zz-retired-verdict"), Fixture.review(sentence, by: "Bob", "refuted")])
    #expect(result.verdicts == ["refuted", "zz-retired-verdict"])
    #expect(result.verdictCount == 2)
    #expect(result.isFlagged)
    let unknownOnly = status(sentence, [Fixture.review(sentence, by: "Alice", "zz-retired-verdict")])
    #expect(!unknownOnly.isFlagged)
    #expect(unknownOnly.consensus == "zz-retired-verdict")
  }

  @Test func staleReviewsAreNoticed() {
    let stale = Review.Staleness(previousClaim: Fixture.claim("s", 99).id, previousText: "Old.", since: Fixture.time)
    let result = status(sentence, [Fixture.review(sentence, by: "Alice", "supported", citations: 1, stale: stale)])
    #expect(result.hasStaleReviews)
    #expect(result.isReviewed)
    #expect(!result.isVerified)
  }

  @Test func reviewsOfOtherClaimsAreIgnored() {
    let other = Fixture.claim("s", 9)
    let result = status(sentence, [Fixture.review(other, by: "Alice", "refuted", citations: 1)])
    #expect(!result.isReviewed && !result.isFlagged && result.citationCount == 0)
  }

  @Test func requiredReviewsBelowOneCountAsOne() {
    #expect(!status(sentence, [Fixture.review(sentence, by: "Alice", "supported")], required: 0).isVerified)
  }
}

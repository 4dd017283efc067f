import ClaimModel
import Testing

/// The one rule of which statuses a claim is listed under (`claims list --status`, `list --json`
/// and the report): a dismissed claim has `dismissed` alone, a retired one `retired` alone.
@Suite struct ClaimStatusNameTests {
  /// Two different verdicts, one flagging, a citation and a stale review.
  func status(isNotAClaim: Bool) -> ClaimStatus {
    var status = ClaimStatus(
      isCheckable: !isNotAClaim, verdictCount: 2, citedVerdictCount: 1, citationCount: 1,
      verdicts: ["supported", "refuted"], isVerified: false, isFlagged: true, hasStaleReviews: true)
    status.isNotAClaim = isNotAClaim
    return status
  }

  @Test func aLiveClaimHasEveryStatusItsReviewsGiveIt() {
    #expect(status(isNotAClaim: false).names() == [.reviewed, .disputed, .flagged, .stale])
    #expect(status(isNotAClaim: false).has(.reviewed))
  }

  @Test func aDismissedClaimIsDismissedAloneWhateverItsVerdicts() {
    let dismissed = status(isNotAClaim: true)
    #expect(dismissed.isReviewed && dismissed.isDisputed)
    #expect(dismissed.names() == [.dismissed])
    #expect(!dismissed.has(.reviewed) && !dismissed.has(.flagged) && !dismissed.has(.stale))
  }

  @Test func aRetiredClaimIsRetiredAlone() {
    #expect(status(isNotAClaim: false).names(isRetired: true) == [.retired])
    #expect(status(isNotAClaim: true).names(isRetired: true) == [.retired])
  }
}

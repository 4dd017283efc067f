/// A status a claim is listed under: what `claims list --status` selects by, what
/// `claims list --json` and the report's claims name in `status.statuses`, and what their flags
/// of the same name say.
///
/// The one rule of which claim has which status, shared by the filters and the report, so that
/// they cannot disagree. It differs from the facts of ``ClaimStatus`` (``ClaimStatus/isReviewed``:
/// at least one verdict) in two ways: a claim the desk dismissed has `dismissed` and no other
/// status, whatever its verdicts, since no verdict on it counts; a retired claim has `retired` and
/// no other, since it is out of the article.
public enum ClaimStatusName: String, Sendable, CaseIterable {
  case unreviewed, reviewed, uncited, disputed, flagged, verified, stale, dismissed, retired

  /// Whether a claim in `status` (retired when `isRetired`) has this status.
  public func applies(to status: ClaimStatus, isRetired: Bool = false) -> Bool {
    guard !isRetired else { return self == .retired }
    guard !status.isNotAClaim else { return self == .dismissed }
    return switch self {
    case .unreviewed: status.isCheckable && !status.isReviewed
    case .reviewed: status.isReviewed
    case .uncited: status.isCheckable && !status.isCited
    case .disputed: status.isDisputed
    case .flagged: status.isFlagged
    case .verified: status.isVerified
    case .stale: status.hasStaleReviews
    case .dismissed, .retired: false
    }
  }
}

extension ClaimStatus {
  /// The statuses of a claim in this status (retired when `isRetired`), in declaration order.
  public func names(isRetired: Bool = false) -> [ClaimStatusName] {
    ClaimStatusName.allCases.filter { $0.applies(to: self, isRetired: isRetired) }
  }

  /// Whether a live (not retired) claim in this status has status `name`.
  public func has(_ name: ClaimStatusName) -> Bool { name.applies(to: self) }
}

import ClaimModel

/// A claim status `--status` selects by (see `claims list --help`).
enum StatusFilter: String, EnumeratedArgument {
  case unreviewed, reviewed, uncited, disputed, flagged, verified, stale
  /// Claims the desk marked not a claim (`claims dismiss`): they have this status and no other,
  /// whatever their verdicts, since no verdict on them counts.
  case dismissed
  /// Claims a re-import retired (left out of every other status), with or without reviews: a review
  /// of a claim retired with no replacement stays findable.
  case retired
  /// Claims linked to an earlier check, or unreviewed and resembling one (`claims match`); found by
  /// ``ClaimFilter`` after the other filters, since it needs the matching index.
  case matched

  static var valueName: String { "status" }

  /// Whether a claim in `state` has this status.
  func matches(_ state: ClaimStatus) -> Bool {
    guard !state.isNotAClaim else { return self == .dismissed }
    return switch self {
    case .unreviewed: state.isCheckable && !state.isReviewed
    case .reviewed: state.isReviewed
    case .uncited: state.isCheckable && !state.isCited
    case .disputed: state.isDisputed
    case .flagged: state.isFlagged
    case .verified: state.isVerified
    case .stale: state.hasStaleReviews
    case .dismissed: false
    case .retired: true
    case .matched: true
    }
  }

  /// The statuses `claims list --status` lists `claim` under (in `status`), in declaration order,
  /// but for `matched`, which needs the matching index: a retired claim has `retired` and no
  /// other status (``ClaimFilter`` leaves it out of the rest), a dismissed one `dismissed`.
  static func statuses(of claim: Claim, in status: ClaimStatus) -> [StatusFilter] {
    guard !claim.isRetired else { return [.retired] }
    return allCases.filter { $0 != .retired && $0 != .matched && $0.matches(status) }
  }
}

import ClaimModel

/// A claim status `--status` selects by (see `claims list --help`).
enum StatusFilter: String, EnumeratedArgument {
  case unreviewed, reviewed, uncited, disputed, flagged, verified, stale
  /// Claims a re-import retired (left out of every other status), with or without reviews: a review
  /// of a claim retired with no replacement stays findable.
  case retired
  /// Claims linked to an earlier check, or unreviewed and resembling one (`claims match`); found by
  /// ``ClaimFilter`` after the other filters, since it needs the matching index.
  case matched

  static var valueName: String { "status" }

  /// Whether a claim in `state` has this status.
  func matches(_ state: ClaimStatus) -> Bool {
    switch self {
    case .unreviewed: state.isCheckable && !state.isReviewed
    case .reviewed: state.isReviewed
    case .uncited: state.isCheckable && !state.isCited
    case .disputed: state.isDisputed
    case .flagged: state.isFlagged
    case .verified: state.isVerified
    case .stale: state.hasStaleReviews
    case .retired: true
    case .matched: true
    }
  }
}

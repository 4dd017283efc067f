import ClaimModel

/// A claim status `--status` selects by (see `claims list --help`).
enum StatusFilter: String, EnumeratedArgument {
  case unreviewed, reviewed, uncited, disputed, flagged, verified, stale

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
    }
  }
}

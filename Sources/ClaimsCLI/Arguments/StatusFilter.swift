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

  /// The status of the model this filter selects by; nil for `matched`, which needs the matching
  /// index.
  var name: ClaimStatusName? { ClaimStatusName(rawValue: rawValue) }

  /// Whether a live claim in `state` has this status (``ClaimStatusName/applies(to:isRetired:)``,
  /// the rule the report shares); `retired` and `matched` pass every claim the desk did not
  /// dismiss, since ``ClaimFilter`` selects by them itself.
  func matches(_ state: ClaimStatus) -> Bool {
    guard let name else { return !state.isNotAClaim }
    return name == .retired ? !state.isNotAClaim : name.applies(to: state)
  }

  /// The statuses `claims list --status` lists `claim` under (in `status`), in declaration order,
  /// but for `matched`, which needs the matching index: a retired claim has `retired` and no
  /// other status (``ClaimFilter`` leaves it out of the rest), a dismissed one `dismissed`.
  static func statuses(of claim: Claim, in status: ClaimStatus) -> [StatusFilter] {
    status.names(isRetired: claim.isRetired).compactMap { StatusFilter(rawValue: $0.rawValue) }
  }
}

/// When a match is strong enough to say a claim "resembles" an earlier fact-check or claim
/// (`claims import` ends with "N claims resemble earlier fact-checks").
///
/// The threshold was read off the CheckThat! 2020 training tweets: at a score of 6, 83% of the
/// right first matches pass, and 28% of the tweets whose fact-check was taken out of the index
/// still pass with some other one (an overestimate of false alarms, since the data set holds
/// near-duplicate fact-checks and many on the same story). It suggests; a person links.
public enum Resemblance {
  /// Scores at or above this resemble.
  public static let threshold = 6.0

  /// Whether `match` is strong enough to show as a resemblance.
  public static func resembles(_ match: Match, threshold: Double = threshold) -> Bool {
    match.score >= threshold
  }

  /// The matches that resemble, best first.
  public static func resembling(_ matches: [Match], threshold: Double = threshold) -> [Match] {
    matches.filter { $0.score >= threshold }
  }
}

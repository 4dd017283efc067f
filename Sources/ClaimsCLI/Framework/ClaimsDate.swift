import ClaimLedger
import ClaimModel
import Git

/// The `CLAIMS_DATE` setting: a fixed clock for scripted, reproducible runs.
enum ClaimsDate {
  /// The time `CLAIMS_DATE` sets, or nil when it is unset or empty (an empty assignment,
  /// `CLAIMS_DATE=`, means "not set", as for most variables a shell exports).
  /// - Throws: ``CommandFailure`` for text that is not a UTC timestamp, or a time a git commit
  ///   cannot hold (before 1970 or after 2106-02-07T06:28:15Z), which git would silently wrap.
  static func parse(_ setting: String?) throws(CommandFailure) -> Timestamp? {
    guard let setting, !setting.isEmpty else { return nil }
    guard let timestamp = Timestamp(setting) else {
      throw CommandFailure(
        .invalidInput,
        "CLAIMS_DATE '\(setting.escapedForMessage)' is not a timestamp like 2024-09-18T12:00:00Z; fix or unset it")
    }
    guard Signature.storableTimes.contains(timestamp.secondsSince1970) else {
      throw CommandFailure(
        .invalidInput,
        "CLAIMS_DATE '\(setting.escapedForMessage)' is outside what a git commit can hold (\(Self.earliest) to \(Self.latest)); set a time in that range or unset it"
      )
    }
    return timestamp
  }

  static var earliest: String { Timestamp(secondsSince1970: Signature.storableTimes.lowerBound).text }
  static var latest: String { Timestamp(secondsSince1970: Signature.storableTimes.upperBound).text }
}

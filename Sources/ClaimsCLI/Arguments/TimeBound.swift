import ClaimModel

/// A day (`2024-09-18`) or a UTC timestamp (`2024-09-18T12:00:00Z`) bounding a period:
/// `claims log --since` and `--until`.
struct TimeBound: ExpressibleByArgument {
  /// The timestamp given, or midnight UTC starting the day given.
  var start: Timestamp
  /// Whether a whole day was given rather than a moment.
  var isDay: Bool

  init(argument text: String) throws(InvalidArgumentValue) {
    if let timestamp = Timestamp(text) {
      start = timestamp
      isDay = false
      return
    }
    guard text.count == 10, CalendarDate(text) != nil, let day = Timestamp(text + "T00:00:00Z") else {
      throw InvalidArgumentValue("write YYYY-MM-DD or a UTC timestamp like 2024-09-18T12:00:00Z")
    }
    start = day
    isDay = true
  }

  static var valueName: String { "date" }

  /// The last second the bound includes: the end of the day given, or the moment given.
  var end: Timestamp {
    isDay ? Timestamp(secondsSince1970: start.secondsSince1970 + 86_399) : start
  }
}

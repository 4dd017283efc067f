/// A WARC-Date (WARC 1.1 §5.4): a UTC instant written `YYYY-MM-DDThh:mm:ssZ`, to the second.
public struct WARCDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Seconds since 1970-01-01T00:00:00Z.
  public let secondsSince1970: Int64

  /// The instant `secondsSince1970` seconds after the epoch.
  public init(secondsSince1970: Int64) {
    self.secondsSince1970 = secondsSince1970
  }

  /// Parses `YYYY-MM-DDThh:mm:ssZ`, with optional fractions of a second (dropped) and the shorter
  /// forms WARC allows (`YYYY-MM-DDThh:mmZ`, `YYYY-MM-DD`, `YYYY`); nil otherwise.
  public init?(_ text: String) {
    let bytes = Array(text.utf8)
    func number(_ range: Range<Int>) -> Int? {
      guard range.upperBound <= bytes.count else { return nil }
      var value = 0
      for byte in bytes[range] {
        guard (48...57).contains(byte) else { return nil }
        value = value * 10 + Int(byte - 48)
      }
      return value
    }
    func byte(_ index: Int, _ expected: Character) -> Bool {
      index < bytes.count && bytes[index] == expected.asciiValue
    }
    guard let year = number(0..<4) else { return nil }
    var month = 1
    var day = 1
    var hour = 0
    var minute = 0
    var second = 0
    var end = 4
    if byte(4, "-") {
      guard let m = number(5..<7), byte(7, "-"), let d = number(8..<10) else { return nil }
      (month, day, end) = (m, d, 10)
      if byte(10, "T") {
        guard let h = number(11..<13), byte(13, ":"), let mi = number(14..<16) else { return nil }
        (hour, minute, end) = (h, mi, 16)
        if byte(16, ":") {
          guard let s = number(17..<19) else { return nil }
          (second, end) = (s, 19)
          if byte(19, ".") {
            end = 20
            while end < bytes.count, (48...57).contains(bytes[end]) { end += 1 }
            guard end > 20 else { return nil }
          }
        }
        guard byte(end, "Z") else { return nil }
        end += 1
      }
    }
    guard end == bytes.count, (1...12).contains(month), (1...Self.daysIn(month, year)).contains(day), hour < 24,
      minute < 60, second < 61
    else { return nil }
    let days = Self.daysFromCivil(year: year, month: month, day: day)
    secondsSince1970 = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
  }

  /// `YYYY-MM-DDThh:mm:ssZ`.
  public var description: String {
    let days = Int((secondsSince1970 >= 0 ? secondsSince1970 : secondsSince1970 - 86_399) / 86_400)
    let seconds = Int(secondsSince1970 - Int64(days) * 86_400)
    let (year, month, day) = Self.civil(fromDays: days)
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
    return
      "\(yearText)-\(two(month))-\(two(day))T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))Z"
  }

  public static func < (lhs: WARCDate, rhs: WARCDate) -> Bool { lhs.secondsSince1970 < rhs.secondsSince1970 }

  private static func daysIn(_ month: Int, _ year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
  private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The date `days` after 1970-01-01 (Hinnant's `civil_from_days`).
  private static func civil(fromDays days: Int) -> (Int, Int, Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}
